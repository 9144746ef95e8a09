import { useMemo } from 'react';
import type { Ticket } from '../../../common/schemas/tickets.js';
import { useDatabase } from '../../app/database-context.js';
import { useRxQuery } from '../../db/use-rx.js';
import { pageOf, searchTickets, ticketQuery, type Page, type TicketListFilters } from './ticket-list-query.js';
import { usePeople } from './use-ticket-lookups.js';

/**
 * One page of the ticket list. RxDB filters and sorts on indexed fields; free text is matched in
 * JS over that result only while a term is set (people are loaded only then, for requester names).
 */
export function useTicketList(filters: TicketListFilters, page: number, meId: string | null): Page<Ticket> & { loading: boolean } {
  const db = useDatabase();
  const query = ticketQuery(filters, meId);
  const key = JSON.stringify(query);
  const { docs, loading } = useRxQuery<Ticket>(() => db.tickets.find(query), [db, key]);
  const term = filters.search.trim();
  const people = usePeople(filters.contractId, term !== '');
  const names = useMemo(() => new Map(people.map((person) => [person.id, person.name])), [people]);
  const matched = useMemo(() => (term ? searchTickets(docs, term, names) : docs), [docs, term, names]);
  const current = useMemo(() => pageOf(matched, page), [matched, page]);
  return { ...current, loading };
}
