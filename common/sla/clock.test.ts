import { describe, expect, it } from 'vitest';
import { assigned, created, ist, note, priority, slaInIstanbul, status, timelineKinds } from './fixtures.test-helpers.js';

/**
 * Istanbul (UTC+3, no DST) with Mon–Fri 08:30–18:00; 2026-11-23 is a Monday. Targets (response /
 * resolution): P1 30/240, P2 60/480, P3 120/960, P4 240/1920; warning at 75 %.
 */
const sla = slaInIstanbul;
const kinds = timelineKinds;

describe('computeSla: the ordinary life of a ticket', () => {
  it('meets both clocks; assignment alone is not a response', () => {
    const result = sla(
      [
        created(ist('2026-11-23 09:00'), 3),
        assigned(ist('2026-11-23 09:10'), 'tech-1'),
        status(ist('2026-11-23 09:10'), 'new', 'assigned'),
        status(ist('2026-11-23 10:00'), 'assigned', 'in_progress'),
        status(ist('2026-11-24 11:00'), 'in_progress', 'resolved'),
      ],
      ist('2026-11-25 12:00'),
    );
    expect(result.response).toMatchObject({ state: 'met', elapsedBusinessMinutes: 60, remainingBusinessMinutes: 60, metAt: ist('2026-11-23 10:00'), dueAt: null, percentUsed: 50, level: 'ok' });
    // Monday 09:00–18:00 (540) + Tuesday 08:30–11:00 (150).
    expect(result.resolution).toMatchObject({ state: 'met', elapsedBusinessMinutes: 690, metAt: ist('2026-11-24 11:00'), warnAt: null, breachedAt: null, percentUsed: 71.9, level: 'ok' });
    expect(result.status).toBe('resolved');
  });

  it('does not count a pause across the night: waiting at 17:30, resumed next day 10:00', () => {
    const events = [
      created(ist('2026-11-23 09:00'), 3),
      status(ist('2026-11-23 09:30'), 'new', 'in_progress'),
      status(ist('2026-11-23 17:30'), 'in_progress', 'waiting', 'user'),
      status(ist('2026-11-24 10:00'), 'waiting', 'in_progress'),
    ];
    const noon = sla(events, ist('2026-11-24 12:00'));
    // 09:00–17:30 (510) + 10:00–12:00 (120); the paused 17:30–18:00 and 08:30–10:00 are not counted.
    expect(noon.resolution).toMatchObject({
      state: 'running',
      elapsedBusinessMinutes: 630,
      remainingBusinessMinutes: 330,
      dueAt: ist('2026-11-24 17:30'),
      warnAt: ist('2026-11-24 13:30'), // 720 min = 75 % of 960, projected
      level: 'ok',
    });
    expect(noon.timeline.filter((e) => e.clock === 'resolution').map((e) => e.message)).toEqual([
      'started at creation (P3: target 960 min)',
      'paused: waiting for user',
      'resumed: status → in_progress',
    ]);
    const later = sla(events, ist('2026-11-24 14:00'));
    expect(later.resolution).toMatchObject({ elapsedBusinessMinutes: 750, warnAt: ist('2026-11-24 13:30'), level: 'warning' });
    expect(later.timeline.at(-1)).toMatchObject({ kind: 'warning', at: ist('2026-11-24 13:30'), eventId: null, elapsedBusinessMinutes: 720 });
  });

  it('gives no due time while paused and keeps the remaining minutes', () => {
    const result = sla(
      [created(ist('2026-11-23 09:00'), 3), status(ist('2026-11-23 10:00'), 'new', 'in_progress'), status(ist('2026-11-23 11:00'), 'in_progress', 'waiting', 'parts')],
      ist('2026-11-27 12:00'),
    );
    expect(result.resolution).toMatchObject({ state: 'paused', elapsedBusinessMinutes: 120, remainingBusinessMinutes: 840, dueAt: null, warnAt: null, level: 'ok' });
    expect(result.timeline.at(-1)?.message).toBe('paused: waiting for parts');
  });
});

describe('computeSla: the response rule', () => {
  it('is met by the first customer-visible note, not an internal one', () => {
    const result = sla(
      [
        created(ist('2026-11-23 09:00'), 3),
        status(ist('2026-11-23 09:05'), 'new', 'assigned'),
        note(ist('2026-11-23 09:30'), 'internal'),
        note(ist('2026-11-23 10:15'), 'customer'),
        status(ist('2026-11-23 11:00'), 'assigned', 'in_progress'),
      ],
      ist('2026-11-23 12:00'),
    );
    expect(result.response).toMatchObject({ state: 'met', elapsedBusinessMinutes: 75, metAt: ist('2026-11-23 10:15') });
    expect(result.timeline.find((e) => e.kind === 'met')?.message).toBe('met: first customer-visible note (75 of 120 min)');
  });

  it('is met by going to waiting straight from assigned', () => {
    const result = sla(
      [created(ist('2026-11-23 09:00'), 3), status(ist('2026-11-23 09:05'), 'new', 'assigned'), status(ist('2026-11-23 09:20'), 'assigned', 'waiting', 'user')],
      ist('2026-11-23 12:00'),
    );
    expect(result.response).toMatchObject({ state: 'met', elapsedBusinessMinutes: 20 });
    expect(result.resolution).toMatchObject({ state: 'paused', elapsedBusinessMinutes: 20 });
  });

  it('is breached when the first response comes after the target, crossing in working hours', () => {
    const result = sla([created(ist('2026-11-23 17:00'), 1), status(ist('2026-11-24 09:00'), 'new', 'in_progress')], ist('2026-11-24 10:00'));
    expect(result.response).toMatchObject({ state: 'breached', elapsedBusinessMinutes: 90, breachedAt: ist('2026-11-23 17:30'), metAt: null, stoppedAt: ist('2026-11-24 09:00'), level: 'breached' });
    expect(kinds(result, 'response')).toEqual(['start', 'warning', 'breach', 'stop']);
  });

  it('starts at the next opening for a ticket created on Saturday', () => {
    const result = sla([created(ist('2026-11-28 10:00'), 1)], ist('2026-11-28 12:00'));
    expect(result.response).toMatchObject({ state: 'running', elapsedBusinessMinutes: 0, dueAt: ist('2026-11-30 09:00'), warnAt: '2026-11-30T05:52:30.000Z' }); // 75 % of 30 min = 22.5 min
  });
});

describe('computeSla: priority changes keep elapsed time', () => {
  it('switches the target and projects from the elapsed time (P4 → P2)', () => {
    const result = sla(
      [created(ist('2026-11-23 09:00'), 4), status(ist('2026-11-23 09:10'), 'new', 'in_progress'), priority(ist('2026-11-23 13:00'), 4, 2)],
      ist('2026-11-23 16:00'),
    );
    expect(result.resolution).toMatchObject({
      state: 'running',
      targetMinutes: 480,
      elapsedBusinessMinutes: 420,
      remainingBusinessMinutes: 60,
      dueAt: ist('2026-11-23 17:00'),
      warnAt: ist('2026-11-23 15:00'),
      percentUsed: 87.5,
      level: 'warning',
    });
    // The response clock was already met under P4 and keeps that verdict and target.
    expect(result.response).toMatchObject({ state: 'met', targetMinutes: 240, elapsedBusinessMinutes: 10 });
    expect(result.timeline.find((e) => e.kind === 'priority')?.message).toBe('priority P4→P2: target now 480 min, 240 min elapsed kept');
    expect(result.priority).toBe(2);
  });

  it('breaches at the change when elapsed already exceeds the new target (P4 → P1)', () => {
    const result = sla(
      [created(ist('2026-11-23 09:00'), 4), status(ist('2026-11-23 09:10'), 'new', 'in_progress'), priority(ist('2026-11-23 14:00'), 4, 1)],
      ist('2026-11-23 15:00'),
    );
    expect(result.resolution).toMatchObject({
      state: 'running',
      targetMinutes: 240,
      elapsedBusinessMinutes: 360,
      remainingBusinessMinutes: -120,
      breachedAt: ist('2026-11-23 14:00'),
      dueAt: ist('2026-11-23 14:00'),
      warnAt: ist('2026-11-23 14:00'),
      level: 'breached',
    });
  });

  it('clears a breach when a lower priority gives more time (P1 → P4)', () => {
    const events = [created(ist('2026-11-23 09:00'), 1), status(ist('2026-11-23 09:10'), 'new', 'in_progress'), priority(ist('2026-11-23 14:00'), 1, 4)];
    const result = sla(events, ist('2026-11-23 14:30'));
    // The warning (1440 min) is projected again: 1110 min more from Monday 14:30 → Wednesday 14:00.
    expect(result.resolution).toMatchObject({ targetMinutes: 1920, elapsedBusinessMinutes: 330, breachedAt: null, warnAt: ist('2026-11-25 14:00'), level: 'ok' });
    expect(kinds(result, 'resolution')).toEqual(['start', 'warning', 'breach', 'priority', 'breach_cleared']);
    expect(result.timeline.find((e) => e.kind === 'breach')?.at).toBe(ist('2026-11-23 13:00'));
  });
});
