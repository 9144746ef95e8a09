import type { Period } from './sla-report.js';

export const PERIOD_KINDS = ['week', 'month', 'last30', 'custom'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

const DAY_MS = 24 * 3600 * 1000;

/** `YYYY-MM-DD` of a local date, as `<input type="date">` uses it. */
export function localDateString(date: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

function localMidnight(text: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return null;
  const date = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  return Number.isNaN(date.getTime()) ? null : date;
}

/**
 * The period in the supervisor's local calendar: this week from Monday, this month from the 1st,
 * the last 30 days up to now, or custom whole days from `from` to `to` inclusive. Null when a
 * custom date is missing or the range is reversed.
 */
export function periodFor(kind: PeriodKind, now: Date, custom: { from: string; to: string }): Period | null {
  const today = new Date(now.getFullYear(), now.getMonth(), now.getDate());
  const end = new Date(now.getTime() + 1);
  switch (kind) {
    case 'week': {
      const monday = new Date(today);
      monday.setDate(today.getDate() - ((today.getDay() + 6) % 7));
      return { from: monday.toISOString(), to: end.toISOString() };
    }
    case 'month':
      return { from: new Date(now.getFullYear(), now.getMonth(), 1).toISOString(), to: end.toISOString() };
    case 'last30':
      return { from: new Date(now.getTime() - 30 * DAY_MS).toISOString(), to: end.toISOString() };
    default: {
      const from = localMidnight(custom.from);
      const to = localMidnight(custom.to);
      if (!from || !to || to < from) return null;
      const after = new Date(to);
      after.setDate(to.getDate() + 1);
      return { from: from.toISOString(), to: after.toISOString() };
    }
  }
}
