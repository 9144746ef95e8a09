import { describe, expect, it } from 'vitest';
import type { Ticket } from '../schemas/tickets.js';
import { validateDocument } from './validate.js';

const ticket: Ticket = {
  id: 't-1',
  contractId: 'c-anka',
  ref: 'ANKA-261125-7KQ2',
  title: 'Printer on floor 3 jams',
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
  deliveryMode: 'onsite',
  status: 'new',
  waitingReason: null,
  assigneeId: null,
  outOfScopeReason: null,
  createdAt: '2026-11-25T09:00:00.000Z',
  createdBy: 'u-tech',
  updatedAt: '2026-11-25T09:00:00.000Z',
};

describe('validateDocument', () => {
  it('accepts a valid ticket, with or without RxDB internals', () => {
    expect(validateDocument('tickets', ticket)).toEqual({ ok: true });
    expect(validateDocument('tickets', { ...ticket, _deleted: false, _rev: '1-a', _meta: { lwt: 1 } })).toEqual({ ok: true });
  });

  it('names the offending field', () => {
    const result = validateDocument('tickets', { ...ticket, status: 'done' });
    expect(result).toMatchObject({ ok: false, issue: { path: 'status' } });
  });

  it('refuses unknown fields (no forged server-owned data in the body)', () => {
    const result = validateDocument('tickets', { ...ticket, seq: 5 });
    expect(result.ok).toBe(false);
  });

  it('refuses a missing required field and a wrong date', () => {
    const { title: _title, ...withoutTitle } = ticket;
    expect(validateDocument('tickets', withoutTitle).ok).toBe(false);
    expect(validateDocument('tickets', { ...ticket, updatedAt: 'yesterday' })).toMatchObject({ ok: false, issue: { path: 'updatedAt' } });
  });

  it('checks event data per event type', () => {
    const event = {
      id: 'e-1',
      contractId: 'c-anka',
      subjectType: 'ticket',
      subjectId: 't-1',
      type: 'ticket.note',
      at: '2026-11-25T09:00:00.000Z',
      authorId: 'u-tech',
      deviceId: 'dev-1',
      data: { text: 'Replaced the fuser', visibility: 'internal' },
    };
    expect(validateDocument('events', event)).toEqual({ ok: true });
    expect(validateDocument('events', { ...event, data: { text: '' , visibility: 'internal' } })).toMatchObject({
      ok: false,
      issue: { path: 'data.text' },
    });
    expect(validateDocument('events', { ...event, type: 'ticket.teleported' })).toMatchObject({ ok: false, issue: { path: 'type' } });
  });

  it('refuses non-objects', () => {
    expect(validateDocument('tickets', null).ok).toBe(false);
    expect(validateDocument('tickets', [ticket]).ok).toBe(false);
  });
});
