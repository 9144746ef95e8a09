import { describe, expect, it } from 'vitest';
import type { SlaClock } from '../../../common/sla/types.js';
import { orderMyDay } from './my-day-order.js';

const clock = (overrides: Partial<SlaClock>): SlaClock => ({
  state: 'running',
  targetMinutes: 960,
  elapsedBusinessMinutes: 100,
  remainingBusinessMinutes: 860,
  dueAt: '2026-11-27T12:00:00.000Z',
  warnAt: null,
  breachedAt: null,
  metAt: null,
  stoppedAt: null,
  percentUsed: 10,
  level: 'ok',
  ...overrides,
});

describe('My day order', () => {
  it('puts breached, then warning first, then by due time; paused after running; no SLA last', () => {
    const items = [
      { id: 'no-sla', resolution: null },
      { id: 'ok-late', resolution: clock({ dueAt: '2026-11-28T09:00:00.000Z' }) },
      { id: 'ok-paused', resolution: clock({ state: 'paused', dueAt: null, remainingBusinessMinutes: 30 }) },
      { id: 'ok-soon', resolution: clock({ dueAt: '2026-11-26T09:00:00.000Z' }) },
      { id: 'warning', resolution: clock({ level: 'warning', dueAt: '2026-11-27T09:00:00.000Z' }) },
      { id: 'breached-paused', resolution: clock({ level: 'breached', state: 'paused', dueAt: null, remainingBusinessMinutes: -10 }) },
      { id: 'breached', resolution: clock({ level: 'breached', dueAt: '2026-11-25T07:00:00.000Z', remainingBusinessMinutes: -60 }) },
    ];
    expect(orderMyDay(items).map((item) => item.id)).toEqual(['breached', 'breached-paused', 'warning', 'ok-soon', 'ok-late', 'ok-paused', 'no-sla']);
  });
});
