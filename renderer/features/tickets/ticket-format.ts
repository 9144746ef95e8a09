import type { TicketStatus } from '../../../common/domain/vocabulary.js';
import type { Language } from '../../i18n/index.js';

/** Mantine colours per status: open work in cool colours, waiting stands out, finished is muted. */
export const STATUS_COLORS: Readonly<Record<TicketStatus, string>> = {
  new: 'blue',
  assigned: 'cyan',
  in_progress: 'violet',
  waiting: 'orange',
  resolved: 'green',
  closed: 'gray',
  cancelled: 'dark',
};

export const PRIORITY_COLORS: Readonly<Record<number, string>> = { 1: 'red', 2: 'orange', 3: 'yellow', 4: 'blue', 5: 'gray' };

/**
 * Select dropdowns are mounted only while open: Mantine otherwise keeps a hidden listbox labelled
 * like its input, and getByLabel('Contract') would find two elements.
 */
export const COMBOBOX = { keepMounted: false, withinPortal: true } as const;

function locale(language: Language): string {
  return language === 'tr' ? 'tr-TR' : 'en-GB';
}

const UNITS: readonly [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
];

/** "5 minutes ago" / "5 dakika önce"; under a minute reads as "now" / "şimdi". */
export function formatRelative(iso: string, now: Date, language: Language): string {
  const seconds = Math.round((Date.parse(iso) - now.getTime()) / 1000);
  const format = new Intl.RelativeTimeFormat(locale(language), { numeric: 'auto' });
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size) return format.format(Math.trunc(seconds / size), unit);
  }
  return format.format(0, 'second');
}

/** Device-local date and time of an event, e.g. "25 Kas 2026 14:53". */
export function formatDateTime(iso: string, language: Language): string {
  return new Intl.DateTimeFormat(locale(language), { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}
