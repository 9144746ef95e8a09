import type { DomainEvent } from '../../../common/schemas/events.js';

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
