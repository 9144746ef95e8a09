import { afterEach, describe, expect, it } from 'vitest';
import { worklogTotals } from '../../../common/tickets/worklog.js';
import type { DeskDatabase } from '../../db/database.js';
import { MemoryBlobRepository } from '../../blobs/blob-repository.js';
import { createTicket } from '../tickets/ticket-commands.js';
import { contextFor, draft, openTestDatabase, T0 } from '../tickets/ticket-test-db.js';
import { PhotoError, preparePhoto } from './photo-prepare.js';
import { addPhoto, addTimeEntry, localDate, voidTimeEntry } from './worklog-commands.js';

const PNG = Uint8Array.from(atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=='), (char) => char.charCodeAt(0));

const open: DeskDatabase[] = [];
afterEach(async () => {
  for (const db of open.splice(0)) await db.close();
});

async function withTicket() {
  const db = await openTestDatabase();
  open.push(db);
  const created = await createTicket(contextFor(db), draft());
  if (!created.ok) throw new Error(created.error.message);
  return { db, ticket: created.value };
}

const events = async (db: DeskDatabase, ticketId: string) => (await db.events.find({ selector: { subjectId: ticketId } }).exec()).map((doc) => doc.toMutableJSON());

describe('worklog commands', () => {
  it('records travel and work as events and the totals follow', async () => {
    const { db, ticket } = await withTicket();
    const ctx = contextFor(db);
    const today = localDate(T0);
    expect((await addTimeEntry(ctx, ticket.id, { kind: 'travel', hours: 0, minutes: 45, date: today, note: ' Tuzla ' })).ok).toBe(true);
    const work = await addTimeEntry(ctx, ticket.id, { kind: 'work', hours: 1, minutes: 30, date: today, note: '' });
    expect(work.ok && work.value.data).toEqual({ kind: 'work', minutes: 90, date: today });
    expect(worklogTotals(await events(db, ticket.id))).toMatchObject({ travelMinutes: 45, workMinutes: 90, totalMinutes: 135 });
    const travel = (await events(db, ticket.id)).find((event) => event.type === 'ticket.time' && event.data['kind'] === 'travel');
    expect(travel?.data['note']).toBe('Tuzla');
  });

  it('refuses a bad entry with the field to show it under, and writes nothing', async () => {
    const { db, ticket } = await withTicket();
    const before = (await events(db, ticket.id)).length;
    const tomorrow = localDate(new Date(T0.getTime() + 86_400_000));
    expect(await addTimeEntry(contextFor(db), ticket.id, { kind: 'work', hours: 0, minutes: 0, date: localDate(T0), note: '' })).toMatchObject({ ok: false, error: { path: 'duration', message: 'duration_missing' } });
    expect(await addTimeEntry(contextFor(db), ticket.id, { kind: 'work', hours: 1, minutes: 0, date: tomorrow, note: '' })).toMatchObject({ ok: false, error: { path: 'date', message: 'date_future' } });
    expect((await events(db, ticket.id)).length).toBe(before);
  });

  it('voids an entry: it leaves the totals but stays in the log', async () => {
    const { db, ticket } = await withTicket();
    const ctx = contextFor(db);
    const wrong = await addTimeEntry(ctx, ticket.id, { kind: 'work', hours: 10, minutes: 0, date: localDate(T0), note: '' });
    if (!wrong.ok) throw new Error('entry not stored');
    expect((await voidTimeEntry(ctx, ticket.id, wrong.value.id, 'meant 1 h')).ok).toBe(true);
    const all = await events(db, ticket.id);
    expect(all.some((event) => event.id === wrong.value.id)).toBe(true);
    expect(worklogTotals(all)).toMatchObject({ workMinutes: 0 });
    expect(await voidTimeEntry(ctx, ticket.id, 'no-such-entry', '')).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('keeps a photo’s bytes queued for upload and appends its event, named by the bytes’ hash', async () => {
    const { db, ticket } = await withTicket();
    const blobs = new MemoryBlobRepository();
    const photo = await preparePhoto(new Blob([PNG], { type: 'image/png' }));
    const result = await addPhoto(contextFor(db), blobs, ticket.id, photo, { caption: 'Broken hinge', source: 'file' });
    expect(result.ok).toBe(true);
    const event = (await events(db, ticket.id)).find((entry) => entry.type === 'ticket.photo');
    expect(event?.data).toEqual({ sha256: photo.sha256, mime: 'image/png', size: PNG.byteLength, caption: 'Broken hinge', source: 'file' });
    expect(await blobs.counts()).toEqual({ pending: 1, failed: 0 });
    expect((await blobs.find(photo.sha256))?.contractId).toBe('c-acme');
    // The same picture attached again: one stored copy, two events.
    await addPhoto(contextFor(db), blobs, ticket.id, photo, { caption: '', source: 'file' });
    expect(blobs.rows.size).toBe(1);
  });
});

describe('preparePhoto', () => {
  it('takes the type from the bytes, not the file name', async () => {
    const photo = await preparePhoto(new Blob([PNG], { type: 'image/jpeg' }));
    expect(photo.mime).toBe('image/png');
    expect(photo.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('refuses what is not an image', async () => {
    await expect(preparePhoto(new Blob(['<svg/>'], { type: 'image/svg+xml' }))).rejects.toEqual(new PhotoError('not_image'));
  });
});
