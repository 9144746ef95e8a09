import { describe, expect, it } from 'vitest';
import { computeSla } from './clock.js';
import { OFFICE_HOURS, POLICY, created, ist, slaInIstanbul, status, timelineKinds } from './fixtures.test-helpers.js';

/**
 * Istanbul (UTC+3, no DST) with Mon–Fri 08:30–18:00; 2026-11-23 is a Monday. Targets (response /
 * resolution): P1 30/240, P2 60/480, P3 120/960, P4 240/1920; warning at 75 %.
 */
const sla = slaInIstanbul;
const kinds = timelineKinds;

describe('computeSla: reopen, close and cancel', () => {
  const reopened = [
    created(ist('2026-11-23 09:00'), 3),
    status(ist('2026-11-23 09:30'), 'new', 'in_progress'),
    status(ist('2026-11-23 12:00'), 'in_progress', 'resolved'),
    status(ist('2026-11-24 09:00'), 'resolved', 'in_progress'),
  ];

  it('resumes the resolution clock on reopen with elapsed kept and the resolved time not counted', () => {
    const result = sla(reopened, ist('2026-11-24 09:30'));
    expect(result.resolution).toMatchObject({ state: 'running', elapsedBusinessMinutes: 210, metAt: null, stoppedAt: null });
    expect(result.timeline.find((e) => e.kind === 'reopen')?.message).toBe('reopened (resolved → in_progress): resolution clock resumes, 180 min elapsed kept');
  });

  it('judges again at the next resolve and keeps that verdict when closed', () => {
    const result = sla(
      [...reopened, status(ist('2026-11-24 10:00'), 'in_progress', 'resolved'), status(ist('2026-11-24 11:00'), 'resolved', 'closed')],
      ist('2026-11-27 12:00'),
    );
    expect(result.resolution).toMatchObject({ state: 'met', elapsedBusinessMinutes: 240, metAt: ist('2026-11-24 10:00'), stoppedAt: ist('2026-11-24 10:00') });
    expect(kinds(result, 'resolution')).toEqual(['start', 'met', 'reopen', 'met', 'stop']);
    expect(result.timeline.at(-1)?.message).toBe('closed: keeps the verdict of the last resolve (met)');
  });

  it('stops both clocks without a verdict on cancel (a met response stays met)', () => {
    const worked = sla(
      [created(ist('2026-11-23 09:00'), 3), status(ist('2026-11-23 09:30'), 'new', 'in_progress'), status(ist('2026-11-23 11:00'), 'in_progress', 'cancelled')],
      ist('2026-11-25 12:00'),
    );
    expect(worked.response.state).toBe('met');
    expect(worked.resolution).toMatchObject({ state: 'stopped', elapsedBusinessMinutes: 120, stoppedAt: ist('2026-11-23 11:00'), metAt: null, dueAt: null, level: 'ok' });
    const early = sla([created(ist('2026-11-23 09:00'), 3), status(ist('2026-11-23 09:45'), 'new', 'cancelled')], ist('2026-11-25 12:00'));
    expect(early.response).toMatchObject({ state: 'stopped', elapsedBusinessMinutes: 45 });
    expect(early.resolution).toMatchObject({ state: 'stopped', elapsedBusinessMinutes: 45 });
  });
});

describe('computeSla: breach and pauses', () => {
  const p1 = (pauseAt: string) => [
    created(ist('2026-11-23 09:00'), 1),
    status(ist('2026-11-23 09:05'), 'new', 'in_progress'),
    status(ist(pauseAt), 'in_progress', 'waiting', 'vendor'),
  ];

  it('does not breach while paused below the target, however long the pause', () => {
    const result = sla(p1('2026-11-23 11:00'), ist('2026-12-09 12:00'));
    expect(result.resolution).toMatchObject({ state: 'paused', elapsedBusinessMinutes: 120, remainingBusinessMinutes: 120, breachedAt: null, level: 'ok' });
  });

  it('stays at warning while paused past the warning threshold', () => {
    const result = sla(p1('2026-11-23 12:30'), ist('2026-12-09 12:00'));
    expect(result.resolution).toMatchObject({ state: 'paused', elapsedBusinessMinutes: 210, warnAt: ist('2026-11-23 12:00'), breachedAt: null, level: 'warning' });
  });

  it('shows a breach crossed before the pause at its crossing time, not at the pause', () => {
    const result = sla(p1('2026-11-23 14:00'), ist('2026-11-25 12:00'));
    expect(result.resolution).toMatchObject({ state: 'paused', elapsedBusinessMinutes: 300, breachedAt: ist('2026-11-23 13:00'), level: 'breached' });
  });

  it('breaches after the resume, when the remaining time has run out', () => {
    const events = [...p1('2026-11-23 12:30'), status(ist('2026-11-24 09:00'), 'waiting', 'in_progress')];
    const result = sla(events, ist('2026-11-24 10:00'));
    expect(result.resolution).toMatchObject({ state: 'running', elapsedBusinessMinutes: 270, breachedAt: ist('2026-11-24 09:30'), dueAt: ist('2026-11-24 09:30') });
  });
});

describe('computeSla: logs merged from offline devices', () => {
  it('moves events dated before creation to creation and says so', () => {
    const early = status(ist('2026-11-23 08:55'), 'new', 'in_progress');
    const result = sla([created(ist('2026-11-23 09:00'), 3), early], ist('2026-11-23 10:00'));
    expect(result.response).toMatchObject({ state: 'met', elapsedBusinessMinutes: 0, metAt: ist('2026-11-23 09:00') });
    expect(result.timeline.find((e) => e.kind === 'met')).toMatchObject({ eventId: early.id, deviceAt: early.at, at: ist('2026-11-23 09:00') });
  });

  it('replays `to` and ignores a contradicting `from`', () => {
    const result = sla(
      [created(ist('2026-11-23 09:00'), 3), status(ist('2026-11-23 10:00'), 'closed', 'in_progress'), status(ist('2026-11-23 11:00'), 'new', 'resolved')],
      ist('2026-11-23 12:00'),
    );
    expect(result.resolution).toMatchObject({ state: 'met', elapsedBusinessMinutes: 120 });
    expect(result.status).toBe('resolved');
  });

  it('notes unreadable events instead of failing, and counts a repeated id once', () => {
    const first = status(ist('2026-11-23 10:00'), 'new', 'in_progress');
    const result = sla(
      [
        created(ist('2026-11-23 09:00'), 3),
        first,
        first,
        { id: 'bad-time', at: 'yesterday', type: 'ticket.status', data: { to: 'resolved' } },
        { id: 'bad-status', at: ist('2026-11-23 10:30'), type: 'ticket.status', data: { to: 'frozen' } },
        { id: 'bad-priority', at: ist('2026-11-23 10:40'), type: 'ticket.priority', data: { to: 9 } },
        created(ist('2026-11-23 11:00'), 1),
      ],
      ist('2026-11-23 12:00'),
    );
    expect(result.timeline.filter((e) => e.kind === 'ignored').map((e) => e.eventId)).toEqual(['bad-time', 'bad-status', 'bad-priority', expect.any(String)]);
    expect(result.resolution).toMatchObject({ state: 'running', targetMinutes: 960, elapsedBusinessMinutes: 180 });
    expect(result.timeline.filter((e) => e.kind === 'met')).toHaveLength(1);
  });

  it('returns null without a creation, and uses an origin in its place', () => {
    const events = [status(ist('2026-11-23 10:00'), 'new', 'in_progress')];
    expect(computeSla({ events, policy: POLICY, calendar: OFFICE_HOURS, timeZone: 'Europe/Istanbul', now: ist('2026-11-23 12:00') })).toBeNull();
    const result = computeSla({ events, policy: POLICY, calendar: OFFICE_HOURS, timeZone: 'Europe/Istanbul', now: ist('2026-11-23 12:00'), origin: { at: ist('2026-11-23 09:00'), priority: 2 } });
    expect(result?.response).toMatchObject({ state: 'met', targetMinutes: 60, elapsedBusinessMinutes: 60 });
  });

  it('gives the same verdict for a ticket closed offline whenever it is evaluated', () => {
    const events = [created(ist('2026-11-23 09:00'), 2), status(ist('2026-11-23 09:20'), 'new', 'in_progress'), status(ist('2026-11-23 15:00'), 'in_progress', 'resolved'), status(ist('2026-11-23 15:05'), 'resolved', 'closed')];
    const { evaluatedAt: _a, ...soon } = sla(events, ist('2026-11-23 15:05'));
    const { evaluatedAt: _b, ...weekLater } = sla(events, ist('2026-11-30 09:00'));
    expect(weekLater).toEqual(soon);
    expect(soon.resolution).toMatchObject({ state: 'met', elapsedBusinessMinutes: 360 });
  });

  it('evaluates at the latest event when a device clock ran ahead of now', () => {
    const result = sla([created(ist('2026-11-23 09:00'), 3), status(ist('2026-11-23 11:00'), 'new', 'in_progress')], ist('2026-11-23 10:00'));
    expect(result.evaluatedAt).toBe(ist('2026-11-23 11:00'));
    expect(result.response).toMatchObject({ state: 'met', elapsedBusinessMinutes: 120 });
  });

  it('refuses an unreadable `now` (a caller bug, not a data problem)', () => {
    expect(() => sla([created(ist('2026-11-23 09:00'))], 'soon')).toThrow(RangeError);
  });
});
