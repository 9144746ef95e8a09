import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DomainEvent } from '../../../common/schemas/events.js';
import type { DeskDatabase } from '../../db/database.js';
import { addNote, changeStatus, createTicket, updateTicket } from './ticket-commands.js';
import { sortTimeline } from './ticket-timeline.js';
import { T0, contextFor, draft, minutesAfter, openTestDatabase } from './ticket-test-db.js';

let db: DeskDatabase;

beforeEach(async () => {
  db = await openTestDatabase();
});
afterEach(async () => {
  await db.remove();
});

async function eventsOf(ticketId: string): Promise<DomainEvent[]> {
  const docs = await db.events.find({ selector: { subjectId: ticketId }, sort: [{ at: 'asc' }] }).exec();
  return sortTimeline(docs.map((doc) => doc.toMutableJSON()));
}

async function created(overrides = {}) {
  const result = await createTicket(contextFor(db), draft(overrides));
  if (!result.ok) throw new Error(`create failed: ${result.error.path} ${result.error.message}`);
  return result.value;
}

describe('createTicket', () => {
  it('stores the ticket and a ticket.created event', async () => {
    const ticket = await created();
    expect(ticket.status).toBe('new');
    expect(ticket.priority).toBe(3);
    expect(ticket.ref).toMatch(/^ACME-261125-[2-9A-HJ-NP-Z]{4}$/);
    expect(ticket.createdBy).toBe('u-tech');
    expect(ticket.updatedAt).toBe(T0.toISOString());
    const stored = await db.tickets.findOne(ticket.id).exec();
    expect(stored?.title).toBe('Printer on 3rd floor jams');
    const events = await eventsOf(ticket.id);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      type: 'ticket.created',
      contractId: 'c-acme',
      subjectType: 'ticket',
      authorId: 'u-tech',
      deviceId: 'device-test',
      at: T0.toISOString(),
      data: { status: 'new', priority: 3 },
    });
  });

  it('starts as assigned when an assignee is chosen', async () => {
    const ticket = await created({ assigneeId: 'u-sup' });
    expect(ticket.status).toBe('assigned');
    expect(ticket.assigneeId).toBe('u-sup');
  });

  it('returns the field path of an invalid field and writes nothing', async () => {
    const cases = [
      [{ title: '   ' }, 'title'],
      [{ category: '' }, 'category'],
      [{ urgency: null }, 'urgency'],
      [{ contractId: 'c-missing' }, 'contractId'],
      [{ requesterId: 'p-other' }, 'requesterId'],
      [{ siteId: 's-nowhere' }, 'siteId'],
      [{ assigneeId: 'u-stranger' }, 'assigneeId'],
      [{ outOfScopeReason: 'weather' }, 'outOfScopeReason'],
    ] as const;
    for (const [overrides, path] of cases) {
      const result = await createTicket(contextFor(db), draft(overrides));
      expect(result.ok, path).toBe(false);
      if (!result.ok) {
        expect(result.error.path).toBe(path);
        expect(result.error.code).toBe('VALIDATION_FAILED');
      }
    }
    expect(await db.tickets.count().exec()).toBe(0);
    expect(await db.events.count().exec()).toBe(0);
  });
});

describe('changeStatus', () => {
  it('writes the ticket and an immutable status event with device time and author', async () => {
    const ticket = await created({ assigneeId: 'u-tech' });
    const later = minutesAfter(T0, 15);
    const result = await changeStatus(contextFor(db, later), ticket.id, 'in_progress', null, 'on my way');
    expect(result.ok).toBe(true);
    const stored = await db.tickets.findOne(ticket.id).exec();
    expect(stored?.status).toBe('in_progress');
    expect(stored?.updatedAt).toBe(later.toISOString());
    const events = await eventsOf(ticket.id);
    expect(events.map((event) => event.type)).toEqual(['ticket.created', 'ticket.status']);
    expect(events[1]).toMatchObject({
      at: later.toISOString(),
      authorId: 'u-tech',
      data: { from: 'assigned', to: 'in_progress', waitingReason: null, comment: 'on my way' },
    });
  });

  it('refuses transitions the lifecycle does not allow, e.g. closed → in_progress', async () => {
    const ticket = await created({ assigneeId: 'u-tech' });
    for (const to of ['in_progress', 'resolved', 'closed'] as const) {
      const step = await changeStatus(contextFor(db), ticket.id, to, null);
      expect(step.ok, to).toBe(true);
    }
    const before = await eventsOf(ticket.id);
    const result = await changeStatus(contextFor(db), ticket.id, 'in_progress', null);
    expect(result).toMatchObject({ ok: false, error: { code: 'TRANSITION_NOT_ALLOWED', path: 'status' } });
    expect((await db.tickets.findOne(ticket.id).exec())?.status).toBe('closed');
    expect(await eventsOf(ticket.id)).toHaveLength(before.length);
  });

  it('requires a reason for waiting and keeps it on the ticket', async () => {
    const ticket = await created({ assigneeId: 'u-tech' });
    const missing = await changeStatus(contextFor(db), ticket.id, 'waiting', null);
    expect(missing).toMatchObject({ ok: false, error: { path: 'waitingReason' } });
    expect(await eventsOf(ticket.id)).toHaveLength(1);
    const ok = await changeStatus(contextFor(db), ticket.id, 'waiting', 'parts');
    expect(ok.ok).toBe(true);
    expect((await db.tickets.findOne(ticket.id).exec())?.waitingReason).toBe('parts');
    const back = await changeStatus(contextFor(db), ticket.id, 'in_progress', null);
    expect(back.ok).toBe(true);
    expect((await db.tickets.findOne(ticket.id).exec())?.waitingReason).toBeNull();
  });

  it('refuses a reason when not waiting and an unknown ticket', async () => {
    const ticket = await created();
    expect(await changeStatus(contextFor(db), ticket.id, 'in_progress', 'user')).toMatchObject({ ok: false });
    expect(await changeStatus(contextFor(db), 'nope', 'in_progress', null)).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
  });
});

describe('addNote', () => {
  it('appends a note event and never edits the ticket', async () => {
    const ticket = await created();
    const revision = (await db.tickets.findOne(ticket.id).exec())?.revision;
    const first = await addNote(contextFor(db, minutesAfter(T0, 5)), ticket.id, '  Called the user.  ', 'internal');
    const second = await addNote(contextFor(db, minutesAfter(T0, 6)), ticket.id, 'We will come tomorrow.', 'customer');
    expect(first.ok && second.ok).toBe(true);
    const notes = (await eventsOf(ticket.id)).filter((event) => event.type === 'ticket.note');
    expect(notes.map((note) => note.data)).toEqual([
      { text: 'Called the user.', visibility: 'internal' },
      { text: 'We will come tomorrow.', visibility: 'customer' },
    ]);
    expect((await db.tickets.findOne(ticket.id).exec())?.revision).toBe(revision);
  });

  it('refuses an empty note with the data.text path', async () => {
    const ticket = await created();
    const result = await addNote(contextFor(db), ticket.id, '   ', 'internal');
    expect(result).toMatchObject({ ok: false, error: { path: 'data.text' } });
    expect(await eventsOf(ticket.id)).toHaveLength(1);
  });
});

describe('updateTicket', () => {
  it('recomputes priority from urgency × impact and records the change', async () => {
    const ticket = await created();
    const later = minutesAfter(T0, 30);
    const result = await updateTicket(contextFor(db, later), ticket.id, { urgency: 1, impact: 1 });
    expect(result).toMatchObject({ ok: true, value: { priority: 1, updatedAt: later.toISOString() } });
    const events = await eventsOf(ticket.id);
    expect(events.at(-1)).toMatchObject({ type: 'ticket.priority', data: { from: 3, to: 1 } });
  });

  it('records assignment, moves new → assigned, and back when unassigned', async () => {
    const ticket = await created();
    await updateTicket(contextFor(db, minutesAfter(T0, 1)), ticket.id, { assigneeId: 'u-sup' });
    expect((await db.tickets.findOne(ticket.id).exec())?.status).toBe('assigned');
    await updateTicket(contextFor(db, minutesAfter(T0, 2)), ticket.id, { assigneeId: null });
    expect((await db.tickets.findOne(ticket.id).exec())?.status).toBe('new');
    const types = (await eventsOf(ticket.id)).map((event) => [event.type, event.data]);
    expect(types).toEqual([
      ['ticket.created', { status: 'new', priority: 3 }],
      ['ticket.assigned', { from: null, to: 'u-sup' }],
      ['ticket.status', { from: 'new', to: 'assigned', waitingReason: null }],
      ['ticket.assigned', { from: 'u-sup', to: null }],
      ['ticket.status', { from: 'assigned', to: 'new', waitingReason: null }],
    ]);
  });

  it('edits plain fields without events, and writes nothing on an invalid patch', async () => {
    const ticket = await created();
    const edited = await updateTicket(contextFor(db, minutesAfter(T0, 3)), ticket.id, { title: 'Jam fixed?', channel: 'email' });
    expect(edited).toMatchObject({ ok: true, value: { title: 'Jam fixed?', channel: 'email' } });
    const revision = (await db.tickets.findOne(ticket.id).exec())?.revision;
    const bad = await updateTicket(contextFor(db, minutesAfter(T0, 4)), ticket.id, { title: '', urgency: 1 });
    expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', path: 'title' } });
    const badRef = await updateTicket(contextFor(db), ticket.id, { requesterId: 'p-other' });
    expect(badRef).toMatchObject({ ok: false, error: { path: 'requesterId' } });
    expect((await db.tickets.findOne(ticket.id).exec())?.revision).toBe(revision);
    expect(await eventsOf(ticket.id)).toHaveLength(1);
  });
});
