import type { SlaClock, SlaLevel } from '../../../common/sla/types.js';

export interface MyDayItem {
  readonly id: string;
  readonly resolution: SlaClock | null;
}

const LEVEL_RANK: Readonly<Record<SlaLevel, number>> = { breached: 0, warning: 1, ok: 2 };

/**
 * A technician's order of work: at risk first (breached, then warning), then by due time. A paused
 * clock has no due time; it follows the running ones of its level, least time left first. Tickets
 * without an SLA come last.
 */
export function orderMyDay<T extends MyDayItem>(items: readonly T[]): T[] {
  const rank = (item: T) => (item.resolution ? LEVEL_RANK[item.resolution.level] : 3);
  return [...items].sort((a, b) => {
    const byLevel = rank(a) - rank(b);
    if (byLevel !== 0) return byLevel;
    const ra = a.resolution;
    const rb = b.resolution;
    if (!ra || !rb) return a.id.localeCompare(b.id);
    const dueA = ra.dueAt ?? null;
    const dueB = rb.dueAt ?? null;
    if (dueA !== null && dueB !== null && dueA !== dueB) return dueA < dueB ? -1 : 1;
    if (dueA === null && dueB !== null) return 1;
    if (dueA !== null && dueB === null) return -1;
    return ra.remainingBusinessMinutes - rb.remainingBusinessMinutes || a.id.localeCompare(b.id);
  });
}
