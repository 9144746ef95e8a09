import type { DomainEvent } from '../../../common/schemas/events.js';
import { formatDay, formatDuration } from '../worklog/format.js';

/**
 * One edit can produce several facts with the same device time (assigned + status); within a
 * timestamp they read best in cause-then-effect order. Unknown types go last.
 */
const TYPE_ORDER: Readonly<Record<string, number>> = {
  'ticket.created': 0,
  'ticket.assigned': 1,
  'ticket.priority': 2,
  'ticket.status': 3,
  'ticket.note': 4,
  'ticket.time': 5,
  'ticket.time_void': 6,
  'ticket.photo': 7,
};

function rank(type: string): number {
  return TYPE_ORDER[type] ?? 9;
}

/** A ticket's events in the order they happened on the devices that recorded them. */
export function sortTimeline<E extends Pick<DomainEvent, 'at' | 'type' | 'id'>>(events: readonly E[]): E[] {
  return [...events].sort((a, b) => {
    const byTime = Date.parse(a.at) - Date.parse(b.at);
    if (byTime !== 0) return byTime;
    const byType = rank(a.type) - rank(b.type);
    return byType !== 0 ? byType : a.id.localeCompare(b.id);
  });
}

type Translate = (key: string, params?: Record<string, string | number>) => string;

export interface TimelineEntry {
  readonly title: string;
  /** The note's text, shown as written. */
  readonly body: string | null;
  readonly kind: 'created' | 'status' | 'assigned' | 'priority' | 'note' | 'time' | 'photo' | 'other';
  readonly customerVisible: boolean;
}

function text(value: unknown): string {
  return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
}

/** One event as a line of the ticket's history, in the user's language, with people's names. */
export function describeEvent(event: Pick<DomainEvent, 'type' | 'data'>, names: ReadonlyMap<string, string>, t: Translate, language = 'en'): TimelineEntry {
  const data = event.data;
  const person = (id: unknown) => (typeof id === 'string' ? (names.get(id) ?? id) : '');
  const status = (value: unknown) => t(`tickets.status.${text(value)}`);
  const entry = (kind: TimelineEntry['kind'], title: string): TimelineEntry => ({ kind, title, body: null, customerVisible: false });
  switch (event.type) {
    case 'ticket.created':
      return entry('created', t('tickets.timeline.created', { status: status(data.status), priority: t(`tickets.priority.${text(data.priority)}`) }));
    case 'ticket.status': {
      const params = { from: status(data.from), to: status(data.to) };
      const base = data.waitingReason
        ? t('tickets.timeline.statusWaiting', { ...params, reason: t(`tickets.waiting.${text(data.waitingReason)}`) })
        : t('tickets.timeline.status', params);
      return { ...entry('status', base), body: typeof data.comment === 'string' ? data.comment : null };
    }
    case 'ticket.assigned': {
      if (!data.from) return entry('assigned', t('tickets.timeline.assigned', { to: person(data.to) }));
      if (!data.to) return entry('assigned', t('tickets.timeline.unassigned', { from: person(data.from) }));
      return entry('assigned', t('tickets.timeline.reassigned', { from: person(data.from), to: person(data.to) }));
    }
    case 'ticket.priority':
      return entry(
        'priority',
        t('tickets.timeline.priority', { from: t(`tickets.priority.${text(data.from)}`), to: t(`tickets.priority.${text(data.to)}`) }),
      );
    case 'ticket.note': {
      const customer = data.visibility === 'customer';
      return {
        kind: 'note',
        title: t(customer ? 'tickets.timeline.noteCustomer' : 'tickets.timeline.noteInternal'),
        body: text(data.text),
        customerVisible: customer,
      };
    }
    case 'ticket.time': {
      const minutes = typeof data.minutes === 'number' ? data.minutes : 0;
      const title = t('worklog.timeline.time', { kind: t(`worklog.time.kind.${text(data.kind)}`), duration: formatDuration(minutes, t), date: formatDay(text(data.date), language) });
      return { ...entry('time', title), body: typeof data.note === 'string' ? data.note : null };
    }
    case 'ticket.time_void':
      return { ...entry('time', t('worklog.timeline.void')), body: typeof data.reason === 'string' ? data.reason : null };
    case 'ticket.photo':
      return { ...entry('photo', t('worklog.timeline.photo')), body: typeof data.caption === 'string' ? data.caption : null };
    default:
      return entry('other', t('tickets.timeline.other', { type: event.type }));
  }
}
