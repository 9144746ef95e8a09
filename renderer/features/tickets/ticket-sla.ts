import type { SlaClock } from '../../../common/sla/types.js';

type Translate = (key: string, params?: Record<string, string | number>) => string;

export interface ClockView {
  /** i18n key of the badge. */
  readonly badgeKey: string;
  readonly color: string;
  /** One line under the bar, already translated. */
  readonly detail: string;
  readonly percent: number;
}

/** "2 h 05 min" / "2 sa 05 dk" of business time. */
export function formatBusinessMinutes(minutes: number, t: Translate): string {
  const whole = Math.max(0, Math.round(Math.abs(minutes)));
  const hours = Math.floor(whole / 60);
  const rest = whole % 60;
  return hours > 0
    ? t('tickets.sla.hoursMinutes', { h: hours, m: String(rest).padStart(2, '0') })
    : t('tickets.sla.minutes', { m: rest });
}

/**
 * How one SLA clock reads on the ticket: a verdict once stopped, otherwise what is left (or how
 * late it is) in business time; `formatTime` turns an instant into the user's local wording.
 */
export function describeClock(clock: SlaClock, t: Translate, formatTime: (iso: string) => string): ClockView {
  const percent = Math.min(100, Math.max(0, clock.percentUsed));
  const left = formatBusinessMinutes(clock.remainingBusinessMinutes, t);
  const late = formatBusinessMinutes(-clock.remainingBusinessMinutes, t);
  switch (clock.state) {
    case 'met':
      return { badgeKey: 'tickets.sla.state.met', color: 'green', percent, detail: t('tickets.sla.metAt', { time: formatTime(clock.metAt ?? clock.stoppedAt ?? '') }) };
    case 'breached':
      return { badgeKey: 'tickets.sla.state.breached', color: 'red', percent, detail: t('tickets.sla.breachedAt', { time: formatTime(clock.breachedAt ?? clock.stoppedAt ?? '') }) };
    case 'stopped':
      return { badgeKey: 'tickets.sla.state.stopped', color: 'gray', percent, detail: t('tickets.sla.stopped') };
    case 'paused':
      return { badgeKey: 'tickets.sla.state.paused', color: clock.level === 'breached' ? 'red' : 'gray', percent, detail: t('tickets.sla.paused', { left }) };
    default:
      if (clock.level === 'breached') return { badgeKey: 'tickets.sla.state.overdue', color: 'red', percent, detail: t('tickets.sla.overdue', { late }) };
      return {
        badgeKey: clock.level === 'warning' ? 'tickets.sla.state.atRisk' : 'tickets.sla.state.running',
        color: clock.level === 'warning' ? 'orange' : 'teal',
        percent,
        detail: t('tickets.sla.due', { time: clock.dueAt ? formatTime(clock.dueAt) : '—', left }),
      };
  }
}
