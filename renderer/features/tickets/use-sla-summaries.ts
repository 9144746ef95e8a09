import { useMemo } from 'react';
import { slaSummaryForTicket, type SlaSummary } from '../../../common/sla/index.js';
import type { Contract } from '../../../common/schemas/contracts.js';
import type { DomainEvent } from '../../../common/schemas/events.js';
import type { Ticket } from '../../../common/schemas/tickets.js';
import { useDatabase } from '../../app/database-context.js';
import { useRxQuery } from '../../db/use-rx.js';

/** Events of just these tickets, live, grouped by ticket id (index [subjectId, at]). */
export function useEventsOfTickets(ticketIds: readonly string[]): { byTicket: ReadonlyMap<string, DomainEvent[]>; loading: boolean } {
  const db = useDatabase();
  const key = [...new Set(ticketIds)].sort().join('|');
  const { docs, loading } = useRxQuery<DomainEvent>(
    () => (key ? db.events.find({ selector: { subjectId: { $in: key.split('|') } }, sort: [{ subjectId: 'asc' }, { at: 'asc' }] }) : null),
    [db, key],
  );
  const byTicket = useMemo(() => {
    const grouped = new Map<string, DomainEvent[]>();
    for (const event of docs) {
      const list = grouped.get(event.subjectId);
      if (list) list.push(event);
      else grouped.set(event.subjectId, [event]);
    }
    return grouped;
  }, [docs]);
  return { byTicket, loading };
}

/** SLA of each ticket from its own events; a ticket whose SLA cannot be computed is left out. */
export function slaSummaries(
  tickets: readonly Ticket[],
  eventsByTicket: ReadonlyMap<string, readonly DomainEvent[]>,
  contracts: ReadonlyMap<string, Contract>,
  now: Date,
): Map<string, SlaSummary> {
  const result = new Map<string, SlaSummary>();
  const at = now.toISOString();
  for (const ticket of tickets) {
    const contract = contracts.get(ticket.contractId);
    if (!contract) continue;
    try {
      result.set(ticket.id, slaSummaryForTicket(ticket, eventsByTicket.get(ticket.id) ?? [], contract, at));
    } catch {
      // Only an unreadable createdAt without a creation event: shown as "no SLA", never a crash.
    }
  }
  return result;
}

/**
 * SLA summaries of the given tickets (one list page, my open tickets…): only their events are
 * loaded, so the cost follows what is on screen, not the size of the replica.
 */
export function useSlaSummaries(tickets: readonly Ticket[], contracts: ReadonlyMap<string, Contract>, now: Date): { summaries: ReadonlyMap<string, SlaSummary>; loading: boolean } {
  const { byTicket, loading } = useEventsOfTickets(tickets.map((ticket) => ticket.id));
  const summaries = useMemo(() => slaSummaries(tickets, byTicket, contracts, now), [tickets, byTicket, contracts, now]);
  return { summaries, loading };
}
