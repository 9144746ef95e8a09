import type { Doc } from './http-client.js';

/** A valid ticket in a contract, for push tests; override any field. */
export function ticketDoc(id: string, contractId: string, overrides: Record<string, unknown> = {}): Doc {
  return {
    id,
    contractId,
    ref: 'TEST-261125-AB23',
    title: 'Monitör görüntü vermiyor',
    description: '',
    requesterId: null,
    siteId: null,
    assetIds: [],
    category: 'peripheral',
    type: 'incident',
    channel: 'phone',
    urgency: 2,
    impact: 2,
    priority: 3,
    deliveryMode: 'remote',
    status: 'new',
    waitingReason: null,
    assigneeId: null,
    outOfScopeReason: null,
    createdAt: '2026-11-25T09:00:00.000Z',
    createdBy: 'u-tech',
    updatedAt: '2026-11-25T09:00:00.000Z',
    _deleted: false,
    ...overrides,
  };
}

export function noteEvent(id: string, contractId: string, authorId: string, text = 'Kablo değiştirildi.'): Doc {
  return {
    id,
    contractId,
    subjectType: 'ticket',
    subjectId: 't-anka-001',
    type: 'ticket.note',
    at: '2026-11-25T10:00:00.000Z',
    authorId,
    deviceId: 'dev-test',
    data: { text, visibility: 'internal' },
    _deleted: false,
  };
}
