import { useMemo } from 'react';
import type { Ticket } from '../../../common/schemas/tickets.js';
import { useDatabase } from '../../app/database-context.js';
import { useRxQuery } from '../../db/use-rx.js';
import { PAGE_SIZE, clampPage, pageOf, searchTickets, ticketQuery, type Page, type TicketListFilters } from './ticket-list-query.js';
import { usePeople } from './use-ticket-lookups.js';

/**
 * One page of the ticket list. Without a search term RxDB reads only that page, in index order,
 * and counts the rest by index (a replica of 50k tickets costs the same as one of 50). Free text
 * is matched in JS over the whole filtered result, only while a term is set (people are loaded
 * only then, for requester names).
 */
export function useTicketList(filters: TicketListFilters, page: number, meId: string | null): Page<Ticket> & { loading: boolean } {
  const db = useDatabase();
  const query = ticketQuery(filters, meId);
  const key = JSON.stringify(query);
  const term = filters.search.trim();
  const counted = useRxQuery<number>(() => (term ? null : db.tickets.count({ selector: query.selector })), [db, key, term]);
  const total = term || counted.loading ? null : (counted.docs[0] ?? 0);
  const current = total === null ? Math.max(0, Math.floor(page)) : clampPage(page, total);
  const paged = useRxQuery<Ticket>(
    () => (term ? null : db.tickets.find({ ...query, skip: current * PAGE_SIZE, limit: PAGE_SIZE })),
    [db, key, term, current],
  );
  const all = useRxQuery<Ticket>(() => (term ? db.tickets.find(query) : null), [db, key, term]);
  const people = usePeople(filters.contractId, term !== '');
  const names = useMemo(() => new Map(people.map((person) => [person.id, person.name])), [people]);
  const searched = useMemo(() => (term ? pageOf(searchTickets(all.docs, term, names), page) : null), [all.docs, term, names, page]);
  if (searched) return { ...searched, loading: all.loading };
  const count = total ?? 0;
  return { items: paged.docs, page: current, pageCount: Math.max(1, Math.ceil(count / PAGE_SIZE)), total: count, loading: paged.loading || counted.loading };
}
