import type { Asset } from '../../schemas/assets.js';
import type { Ticket } from '../../schemas/tickets.js';
import type { WithDeleted } from '../protocol.js';

/** Valid documents for the merge tests; each test states only the fields it is about. */
export function ticket(overrides: Partial<WithDeleted<Ticket>> = {}): WithDeleted<Ticket> {
  return {
    id: 't-1',
    contractId: 'c-1',
    ref: 'ACME-261125-7KQ2',
    title: 'Printer jams',
    description: 'Jams on every second page.',
    requesterId: 'p-1',
    siteId: 's-1',
    assetIds: ['a-1'],
    category: 'peripheral',
    type: 'incident',
    channel: 'phone',
    urgency: 2,
    impact: 2,
    priority: 3,
    deliveryMode: 'onsite',
    status: 'in_progress',
    waitingReason: null,
    assigneeId: 'u-1',
    outOfScopeReason: null,
    createdAt: '2026-11-25T09:00:00.000Z',
    createdBy: 'u-1',
    updatedAt: '2026-11-25T10:00:00.000Z',
    _deleted: false,
    ...overrides,
  };
}

export function asset(overrides: Partial<WithDeleted<Asset>> = {}): WithDeleted<Asset> {
  return {
    id: 'a-1',
    contractId: 'c-1',
    tag: 'ACME-0001',
    serial: 'SN123',
    type: 'notebook',
    manufacturer: 'Lenovo',
    model: 'T14',
    siteId: 's-1',
    room: '2.14',
    assignedPersonId: null,
    state: 'in_use',
    hostname: 'acme-nb-0001',
    os: 'Windows 11',
    hardware: { ramGb: 16 },
    lockedFields: ['hostname'],
    updatedAt: '2026-11-25T10:00:00.000Z',
    _deleted: false,
    ...overrides,
  };
}
