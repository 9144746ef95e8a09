import { splitMinutes } from '../../../common/tickets/worklog.js';

type Translate = (key: string, params?: Record<string, string | number>) => string;

/** "1 h 05 min" / "1 sa 05 dk"; under an hour "45 min" / "45 dk". */
export function formatDuration(minutes: number, t: Translate): string {
  const parts = splitMinutes(minutes);
  return parts.hours > 0 ? t('worklog.duration', { h: parts.hours, m: String(parts.minutes).padStart(2, '0') }) : t('worklog.durationMinutes', { m: parts.minutes });
}

/** A calendar date (YYYY-MM-DD) the way the user reads dates, without shifting it through a zone. */
export function formatDay(date: string, language: string): string {
  const [year, month, day] = date.split('-').map(Number);
  if (!year || !month || !day) return date;
  return new Intl.DateTimeFormat(language === 'tr' ? 'tr-TR' : 'en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(Date.UTC(year, month - 1, day));
}
