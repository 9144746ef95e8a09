import { ticketDoc } from '../../../sync-server/testing/fixtures.js';
import type { Doc } from '../../../sync-server/testing/http-client.js';

export { ticketDoc };

/** A valid asset in a contract; override any field. */
export function assetDoc(id: string, contractId: string, overrides: Record<string, unknown> = {}): Doc {
  return {
    id,
    contractId,
    tag: `TAG-${id}`,
    serial: `SN-${id}`,
    type: 'notebook',
    manufacturer: 'Lenovo',
    model: 'ThinkPad T14 Gen 4',
    // '' = no site (asset schema v1; null was v0 and is refused now).
    siteId: '',
    room: 'Kat 1 / A3',
    assignedPersonId: null,
    state: 'in_use',
    hostname: '',
    os: 'Windows 11 Pro 23H2',
    hardware: { cpu: 'Intel Core i5-1345U', memoryGb: 16 },
    lockedFields: [],
    updatedAt: '2026-11-25T08:00:00.000Z',
    _deleted: false,
    ...overrides,
  };
}

/** An immutable ticket note, authored by `authorId` (the server insists it is the signed-in user). */
export function noteDoc(id: string, contractId: string, ticketId: string, authorId: string, deviceId: string, text: string, at: string): Doc {
  return {
    id,
    contractId,
    subjectType: 'ticket',
    subjectId: ticketId,
    type: 'ticket.note',
    at,
    authorId,
    deviceId,
    data: { text, visibility: 'internal' },
    _deleted: false,
  };
}
