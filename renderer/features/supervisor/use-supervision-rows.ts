import { useMemo } from 'react';
import type { Contract } from '../../../common/schemas/contracts.js';
import type { Ticket } from '../../../common/schemas/tickets.js';
import { useDatabase } from '../../app/database-context.js';
import { useRxQuery } from '../../db/use-rx.js';
import { OPEN_STATUSES, slaSummaries, useEventsOfTickets } from '../tickets/index.js';
import { slaRows, type Period, type TicketSlaRow } from './sla-report.js';

/**
 * The tickets the period can be about — every open one (live lists) and every one changed since the
 * period began (a verdict reached in it changed the ticket then) — with their SLA, from their
 * events only. Both queries use indexes ([status, updatedAt] and updatedAt).
 */
export function useSupervisionRows(period: Period | null, contracts: ReadonlyMap<string, Contract>, now: Date): { rows: TicketSlaRow[]; tickets: Ticket[]; loading: boolean } {
  const db = useDatabase();
  const from = period?.from ?? null;
  const open = useRxQuery<Ticket>(() => db.tickets.find({ selector: { status: { $in: [...OPEN_STATUSES] } } }), [db]);
  const recent = useRxQuery<Ticket>(() => (from ? db.tickets.find({ selector: { updatedAt: { $gte: from } } }) : null), [db, from]);
  const tickets = useMemo(() => {
    const byId = new Map<string, Ticket>();
    for (const ticket of [...open.docs, ...recent.docs]) byId.set(ticket.id, ticket);
    return [...byId.values()];
  }, [open.docs, recent.docs]);
  const events = useEventsOfTickets(tickets.map((ticket) => ticket.id));
  const rows = useMemo(() => slaRows(tickets, slaSummaries(tickets, events.byTicket, contracts, now)), [tickets, events.byTicket, contracts, now]);
  return { rows, tickets, loading: open.loading || recent.loading || events.loading };
}
