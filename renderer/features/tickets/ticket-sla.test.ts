import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { slaSummaryForTicket } from '../../../common/sla/index.js';
import type { SlaClock } from '../../../common/sla/types.js';
import type { DeskDatabase } from '../../db/database.js';
import { TICKETS_EN } from './messages-en.js';
import { changeStatus, createTicket } from './ticket-commands.js';
import { describeClock, formatBusinessMinutes } from './ticket-sla.js';
import { CONTRACT, T0, contextFor, draft, minutesAfter, openTestDatabase } from './ticket-test-db.js';

const t = (key: string, params?: Record<string, string | number>) =>
  (TICKETS_EN[key as keyof typeof TICKETS_EN] ?? key).replace(/\{(\w+)\}/g, (_, name: string) => String(params?.[name] ?? ''));
const clock = (overrides: Partial<SlaClock>): SlaClock => ({
  state: 'running',
  targetMinutes: 120,
  elapsedBusinessMinutes: 30,
  remainingBusinessMinutes: 90,
  dueAt: '2026-11-25T12:00:00.000Z',
  warnAt: null,
  breachedAt: null,
  metAt: null,
  stoppedAt: null,
  percentUsed: 25,
  level: 'ok',
  ...overrides,
});

describe('SLA wording', () => {
  it('formats business durations', () => {
    expect(formatBusinessMinutes(125, t)).toBe('2 h 05 min');
    expect(formatBusinessMinutes(-45, t)).toBe('45 min');
  });

  it('reads running, at risk, overdue, paused and verdicts', () => {
    const time = (iso: string) => iso.slice(11, 16);
    expect(describeClock(clock({}), t, time)).toMatchObject({ badgeKey: 'tickets.sla.state.running', detail: 'Due 12:00 · 1 h 30 min left' });
    expect(describeClock(clock({ level: 'warning' }), t, time).color).toBe('orange');
    expect(describeClock(clock({ level: 'breached', remainingBusinessMinutes: -20, percentUsed: 117 }), t, time)).toMatchObject({
      detail: 'Overdue by 20 min',
      percent: 100,
    });
    expect(describeClock(clock({ state: 'paused' }), t, time).detail).toBe('Paused while waiting · 1 h 30 min left');
    expect(describeClock(clock({ state: 'met', metAt: '2026-11-25T09:40:00.000Z' }), t, time).detail).toBe('Met 09:40');
  });
});

describe('SLA from the events the commands write', () => {
  let db: DeskDatabase;
  beforeEach(async () => {
    db = await openTestDatabase();
  });
  afterEach(async () => {
    await db.remove();
  });

  it('meets the response when work starts and pauses resolution while waiting', async () => {
    // T0 is Wednesday 12:00 in Istanbul, inside business hours.
    const created = await createTicket(contextFor(db), draft({ urgency: 1, impact: 1, assigneeId: 'u-tech' }));
    if (!created.ok) throw new Error(created.error.message);
    const id = created.value.id;
    await changeStatus(contextFor(db, minutesAfter(T0, 20)), id, 'in_progress', null);
    await changeStatus(contextFor(db, minutesAfter(T0, 50)), id, 'waiting', 'vendor');
    const events = (await db.events.find({ selector: { subjectId: id } }).exec()).map((doc) => doc.toMutableJSON());
    const ticket = (await db.tickets.findOne(id).exec())!.toMutableJSON();
    const summary = slaSummaryForTicket(ticket, events, CONTRACT, minutesAfter(T0, 120).toISOString());
    expect(summary.priority).toBe(1);
    expect(summary.response).toMatchObject({ state: 'met', elapsedBusinessMinutes: 20 });
    expect(summary.resolution).toMatchObject({ state: 'paused', elapsedBusinessMinutes: 50 });
  });
});
