import type { SlaTimelineEntry } from '../../../common/sla/types.js';
import type { SlaPolicy } from '../../../common/schemas/contracts.js';
import { formatBusinessMinutes } from './ticket-sla.js';

type Translate = (key: string, params?: Record<string, string | number>) => string;

/** The part of an event the SLA timeline reads to explain an entry (reason, statuses, priorities). */
export interface SlaCauseEvent {
  readonly id: string;
  readonly type: string;
  readonly data: Readonly<Record<string, unknown>>;
}

export interface SlaTimelineLine {
  /** Translated sentence: what happened to which clock and why. */
  readonly text: string;
  readonly color: string;
}

const COLORS: Readonly<Record<SlaTimelineEntry['kind'], string>> = {
  start: 'blue',
  pause: 'gray',
  resume: 'teal',
  reopen: 'grape',
  met: 'green',
  stop: 'dark',
  priority: 'yellow',
  warning: 'orange',
  breach: 'red',
  breach_cleared: 'lime',
  ignored: 'gray',
};

const text = (value: unknown): string | null => (typeof value === 'string' || typeof value === 'number' ? String(value) : null);

/**
 * One SLA timeline entry in the user's language. The engine's English `message` is never shown:
 * the entry's kind, clock and numbers, plus the causing event's own data (waiting reason, target
 * status, priorities), are enough to say the same thing in any language.
 */
export function describeSlaEntry(
  entry: SlaTimelineEntry,
  events: ReadonlyMap<string, SlaCauseEvent>,
  policy: Pick<SlaPolicy, 'warnAtPercent' | 'targets'>,
  t: Translate,
): SlaTimelineLine {
  const event = entry.eventId ? events.get(entry.eventId) : undefined;
  const data = event?.data ?? {};
  const clock = entry.clock ? t(`tickets.sla.${entry.clock}`) : '';
  const params = {
    clock,
    elapsed: formatBusinessMinutes(entry.elapsedBusinessMinutes, t),
    target: formatBusinessMinutes(entry.targetMinutes, t),
    percent: policy.warnAtPercent,
  };
  const status = (value: unknown) => {
    const name = text(value);
    return name ? t(`tickets.status.${name}`) : '?';
  };
  const line = (key: string, extra: Record<string, string | number> = {}): SlaTimelineLine => ({
    text: t(`tickets.slaLog.${key}`, { ...params, ...extra }),
    color: COLORS[entry.kind],
  });

  switch (entry.kind) {
    case 'start':
      return line('start');
    case 'pause': {
      const reason = text(data.waitingReason);
      return reason ? line('pauseReason', { reason: t(`tickets.waiting.${reason}`) }) : line('pause');
    }
    case 'resume':
      return line('resume', { status: status(data.to) });
    case 'reopen':
      return line('reopen', { status: status(data.to) });
    case 'met':
      return line(event?.type === 'ticket.note' ? 'metNote' : 'met', { status: status(data.to) });
    case 'stop':
      if (data.to === 'cancelled') return line('cancelled');
      if (entry.elapsedBusinessMinutes > entry.targetMinutes) return line('stopBreached', { status: status(data.to) });
      return line('closedKeeps');
    case 'priority':
      if (event?.type === 'ticket.priority' && entry.clock) {
        // The entry is written before the switch, so it carries the old target: read the new one.
        const next = policy.targets[`p${String(data.to)}` as keyof SlaPolicy['targets']] as SlaPolicy['targets']['p1'] | undefined;
        const target = next ? formatBusinessMinutes(next[`${entry.clock}Minutes`], t) : params.target;
        return line('priority', { from: text(data.from) ?? '?', to: text(data.to) ?? '?', target });
      }
      return line('retarget');
    case 'warning':
      return line('warning');
    case 'breach':
      return line(event ? 'breachRetarget' : 'breach');
    case 'breach_cleared':
      return line('breachCleared');
    default:
      return line('ignored', { type: event?.type ?? entry.eventType ?? '?' });
  }
}
