import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildConflictRecords, type ConflictRecord } from '../../../common/sync/merge/conflict-record.js';
import type { OverruledValue } from '../../../common/sync/merge/three-way.js';
import type { DeskDatabase } from '../../db/database.js';
import { createTicket } from '../tickets/ticket-commands.js';
import { T0, contextFor, draft, minutesAfter, openTestDatabase } from '../tickets/ticket-test-db.js';
import { dismissConflict, restoreConflict } from './conflict-commands.js';

let db: DeskDatabase;
beforeEach(async () => {
  db = await openTestDatabase();
});
afterEach(async () => {
  await db.remove();
});

async function ticketWithRecord(overruled: Omit<OverruledValue, 'rule' | 'overruledSide' | 'baseValue'> & Partial<OverruledValue>): Promise<{ id: string; record: ConflictRecord }> {
  const created = await createTicket(contextFor(db), draft({ title: 'Theirs' }));
  if (!created.ok) throw new Error(created.error.message);
  const context = { collection: 'tickets' as const, documentId: created.value.id, contractId: 'c-acme', localAuthorId: 'u-tech', deviceId: 'device-test', mergedAt: T0.toISOString() };
  const [record] = buildConflictRecords(context, [{ rule: 'server', overruledSide: 'local', baseValue: undefined, ...overruled }]);
  if (!record) throw new Error('no record');
  await db.conflicts.insert(record);
  return { id: created.value.id, record };
}

const sup = () => contextFor(db, minutesAfter(T0, 30), 'u-sup');

describe('restoreConflict', () => {
  it('puts an overruled title back as a local edit and marks the record restored', async () => {
    const { id, record } = await ticketWithRecord({ field: 'title', fields: ['title'], localValue: 'Mine', serverValue: 'Theirs', keptValue: 'Theirs' });
    expect(await restoreConflict(sup(), record)).toEqual({ ok: true, value: null });
    const ticket = await db.tickets.findOne(id).exec();
    expect(ticket?.title).toBe('Mine');
    expect(ticket?.updatedAt).toBe(minutesAfter(T0, 30).toISOString());
    const stored = await db.conflicts.findOne(record.id).exec();
    expect(stored?.resolution).toEqual({ action: 'restored', by: 'u-sup', at: minutesAfter(T0, 30).toISOString() });
  });

  it('restores a status through the ticket command, so the status event is written', async () => {
    const { id, record } = await ticketWithRecord({
      field: 'status+waitingReason',
      fields: ['status', 'waitingReason'],
      rule: 'rank',
      localValue: { status: 'in_progress', waitingReason: null },
      serverValue: { status: 'new', waitingReason: null },
      keptValue: { status: 'new', waitingReason: null },
    });
    expect((await restoreConflict(sup(), record)).ok).toBe(true);
    expect((await db.tickets.findOne(id).exec())?.status).toBe('in_progress');
    const events = await db.events.find({ selector: { subjectId: id, type: 'ticket.status' } }).exec();
    expect(events.map((event) => event.data)).toEqual([{ from: 'new', to: 'in_progress', waitingReason: null }]);
  });
});

describe('dismissConflict', () => {
  it('leaves the document alone and records who dismissed', async () => {
    const { id, record } = await ticketWithRecord({ field: 'title', fields: ['title'], localValue: 'Mine', serverValue: 'Theirs', keptValue: 'Theirs' });
    expect((await dismissConflict(sup(), record)).ok).toBe(true);
    expect((await db.tickets.findOne(id).exec())?.title).toBe('Theirs');
    expect((await db.conflicts.findOne(record.id).exec())?.resolution?.action).toBe('dismissed');
  });
});
