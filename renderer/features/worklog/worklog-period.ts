import { localDate } from './worklog-commands.js';

export const WORKLOG_PERIODS = ['week', 'lastWeek', 'month', 'last30'] as const;
export type WorklogPeriod = (typeof WORKLOG_PERIODS)[number];

/** Whole local days (YYYY-MM-DD, inclusive) of a period, weeks from Monday. */
export function worklogDays(period: WorklogPeriod, now: Date): { fromDate: string; toDate: string } {
  const day = (offset: number) => new Date(now.getFullYear(), now.getMonth(), now.getDate() + offset);
  const sinceMonday = (now.getDay() + 6) % 7;
  switch (period) {
    case 'week':
      return { fromDate: localDate(day(-sinceMonday)), toDate: localDate(now) };
    case 'lastWeek':
      return { fromDate: localDate(day(-sinceMonday - 7)), toDate: localDate(day(-sinceMonday - 1)) };
    case 'month':
      return { fromDate: localDate(new Date(now.getFullYear(), now.getMonth(), 1)), toDate: localDate(now) };
    default:
      return { fromDate: localDate(day(-29)), toDate: localDate(now) };
  }
}
