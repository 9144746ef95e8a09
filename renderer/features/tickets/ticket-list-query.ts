import type { MangoQuery, MangoQuerySelector, MangoQuerySortPart } from 'rxdb';
import { PRIORITIES, TICKET_STATUSES, type TicketStatus } from '../../../common/domain/vocabulary.js';
import type { Ticket } from '../../../common/schemas/tickets.js';

/** Statuses that still need work; the list's default view. */
export const OPEN_STATUSES: readonly TicketStatus[] = ['new', 'assigned', 'in_progress', 'waiting'];

export type StatusFilter = 'open' | 'all' | TicketStatus;
/** `user:<userId>` for one staff member. */
export type AssigneeFilter = 'any' | 'me' | 'unassigned' | `user:${string}`;
export const TICKET_SORTS = ['updated', 'created', 'priority'] as const;
export type TicketSort = (typeof TICKET_SORTS)[number];

export interface TicketListFilters {
  readonly contractId: string | null;
  readonly status: StatusFilter;
  readonly assignee: AssigneeFilter;
  readonly priority: number | null;
  readonly search: string;
  readonly sort: TicketSort;
}

export const DEFAULT_FILTERS: TicketListFilters = {
  contractId: null,
  status: 'open',
  assignee: 'any',
  priority: null,
  search: '',
  sort: 'updated',
};

/**
 * The RxDB selector for the filters. Free text is not part of it: it is matched in JS over this
 * query's result, and only when a term is set. Every filter is an equality or `$in` on an
 * indexed field ([status, updatedAt], [priority, updatedAt], [contractId, updatedAt]).
 */
export function ticketSelector(filters: TicketListFilters, meId: string | null): MangoQuerySelector<Ticket> {
  const selector: MangoQuerySelector<Ticket> = {};
  if (filters.contractId) selector.contractId = filters.contractId;
  if (filters.status === 'open') selector.status = { $in: [...OPEN_STATUSES] };
  else if (filters.status !== 'all') selector.status = filters.status;
  if (filters.priority !== null) selector.priority = filters.priority;
  if (filters.assignee === 'me') selector.assigneeId = meId ?? '';
  else if (filters.assignee === 'unassigned') selector.assigneeId = null;
  else if (filters.assignee.startsWith('user:')) selector.assigneeId = filters.assignee.slice(5);
  return selector;
}

/** Newest first, except priority: most urgent first, then most recently updated. */
export function ticketSort(sort: TicketSort): MangoQuerySortPart<Ticket>[] {
  if (sort === 'created') return [{ createdAt: 'desc' }];
  if (sort === 'priority') return [{ priority: 'asc' }, { updatedAt: 'desc' }];
  return [{ updatedAt: 'desc' }];
}

export function ticketQuery(filters: TicketListFilters, meId: string | null): MangoQuery<Ticket> {
  return { selector: ticketSelector(filters, meId), sort: ticketSort(filters.sort) };
}

/** Case-, accent- and dotted/dotless-i-insensitive: "istanbul" finds "İstanbul", "sirket" finds "Şirket". */
export function foldText(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/ı/g, 'i');
}

/** Tickets whose ref, title or requester's name contains every word of the term. */
export function searchTickets<T extends Pick<Ticket, 'ref' | 'title' | 'requesterId'>>(
  tickets: readonly T[],
  term: string,
  requesterNames: ReadonlyMap<string, string>,
): T[] {
  const words = foldText(term).split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...tickets];
  return tickets.filter((ticket) => {
    const requester = ticket.requesterId ? (requesterNames.get(ticket.requesterId) ?? '') : '';
    const haystack = foldText(`${ticket.ref} ${ticket.title} ${requester}`);
    return words.every((word) => haystack.includes(word));
  });
}

export interface Page<T> {
  readonly items: T[];
  /** 0-based, clamped to the last page. */
  readonly page: number;
  readonly pageCount: number;
  readonly total: number;
}

export const PAGE_SIZE = 50;

/** The 0-based page to show for `total` items: `page` clamped to the last page. */
export function clampPage(page: number, total: number, size = PAGE_SIZE): number {
  const pageCount = Math.max(1, Math.ceil(total / size));
  return Math.min(Math.max(0, Math.floor(page)), pageCount - 1);
}

export function pageOf<T>(items: readonly T[], page: number, size = PAGE_SIZE): Page<T> {
  const pageCount = Math.max(1, Math.ceil(items.length / size));
  const current = clampPage(page, items.length, size);
  return { items: items.slice(current * size, current * size + size), page: current, pageCount, total: items.length };
}

/** Filters live in the URL, so going back from a ticket returns to the same list. */
export function filtersFromParams(params: URLSearchParams): TicketListFilters {
  const status = params.get('status');
  const assignee = params.get('assignee');
  const priority = Number(params.get('priority'));
  const sort = params.get('sort');
  return {
    contractId: params.get('contract') || null,
    status:
      status === 'all' || (TICKET_STATUSES as readonly string[]).includes(status ?? '')
        ? (status as StatusFilter)
        : 'open',
    assignee:
      assignee === 'me' || assignee === 'unassigned' || assignee?.startsWith('user:')
        ? (assignee as AssigneeFilter)
        : 'any',
    priority: (PRIORITIES as readonly number[]).includes(priority) ? priority : null,
    search: params.get('q') ?? '',
    sort: (TICKET_SORTS as readonly string[]).includes(sort ?? '') ? (sort as TicketSort) : 'updated',
  };
}

export function filtersToParams(filters: TicketListFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.contractId) params.set('contract', filters.contractId);
  if (filters.status !== DEFAULT_FILTERS.status) params.set('status', filters.status);
  if (filters.assignee !== DEFAULT_FILTERS.assignee) params.set('assignee', filters.assignee);
  if (filters.priority !== null) params.set('priority', String(filters.priority));
  if (filters.search) params.set('q', filters.search);
  if (filters.sort !== DEFAULT_FILTERS.sort) params.set('sort', filters.sort);
  return params;
}
