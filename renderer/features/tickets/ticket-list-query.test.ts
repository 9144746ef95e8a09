import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ticket } from '../../../common/schemas/tickets.js';
import type { DeskDatabase } from '../../db/database.js';
import {
  DEFAULT_FILTERS,
  OPEN_STATUSES,
  filtersFromParams,
  filtersToParams,
  foldText,
  PAGE_SIZE,
  clampPage,
  pageOf,
  searchTickets,
  ticketQuery,
  ticketSelector,
  type TicketListFilters,
} from './ticket-list-query.js';
import { generateTickets, openTestDatabase } from './ticket-test-db.js';

const filters = (overrides: Partial<TicketListFilters> = {}): TicketListFilters => ({ ...DEFAULT_FILTERS, ...overrides });

describe('ticketSelector', () => {
  it('defaults to open tickets of every contract', () => {
    expect(ticketSelector(DEFAULT_FILTERS, 'u-me')).toEqual({ status: { $in: [...OPEN_STATUSES] } });
  });

  it('maps contract, status, priority and the assignee choices', () => {
    expect(ticketSelector(filters({ contractId: 'c1', status: 'waiting', priority: 2, assignee: 'me' }), 'u-me')).toEqual({
      contractId: 'c1',
      status: 'waiting',
      priority: 2,
      assigneeId: 'u-me',
    });
    expect(ticketSelector(filters({ status: 'all', assignee: 'unassigned' }), 'u-me')).toEqual({ assigneeId: null });
    expect(ticketSelector(filters({ status: 'all', assignee: 'user:u-7' }), null)).toEqual({ assigneeId: 'u-7' });
  });
});

describe('searchTickets', () => {
  const tickets = [
    { ref: 'ACME-261125-7KQ2', title: 'Yazıcı kağıt sıkıştırıyor', requesterId: 'p1' },
    { ref: 'ACME-261125-AB34', title: 'VPN drops', requesterId: null },
    { ref: 'BETA-261125-ZZ99', title: 'Outlook crashes', requesterId: 'p2' },
  ];
  const names = new Map([
    ['p1', 'İlker Şahin'],
    ['p2', 'Ayşe Yılmaz'],
  ]);

  it('matches ref, title and requester name, ignoring case, accents and dotless i', () => {
    expect(searchTickets(tickets, '7kq2', names).map((t) => t.ref)).toEqual(['ACME-261125-7KQ2']);
    expect(searchTickets(tickets, 'yazici', names)).toHaveLength(1);
    expect(searchTickets(tickets, 'ilker', names)).toHaveLength(1);
    expect(searchTickets(tickets, 'AYSE outlook', names).map((t) => t.ref)).toEqual(['BETA-261125-ZZ99']);
    expect(searchTickets(tickets, 'acme', names)).toHaveLength(2);
    expect(searchTickets(tickets, '  ', names)).toHaveLength(3);
  });

  it('folds Turkish letters', () => {
    expect(foldText('İSTANBUL Şişli Iğdır')).toBe('istanbul sisli igdir');
  });
});

describe('pageOf', () => {
  it('slices pages of 50 and clamps the page number', () => {
    const items = Array.from({ length: 120 }, (_, i) => i);
    expect(pageOf(items, 0)).toMatchObject({ page: 0, pageCount: 3, total: 120 });
    expect(pageOf(items, 2).items).toEqual(items.slice(100));
    expect(pageOf(items, 9).page).toBe(2);
    expect(pageOf([], 3)).toMatchObject({ items: [], page: 0, pageCount: 1, total: 0 });
    expect([clampPage(5, 120), clampPage(-1, 120), clampPage(1, 0), clampPage(1.7, 120)]).toEqual([2, 0, 0, 1]);
  });
});

describe('URL params', () => {
  it('round-trips filters and ignores junk', () => {
    const value = filters({ contractId: 'c1', status: 'all', assignee: 'user:u-2', priority: 1, search: 'vpn', sort: 'priority' });
    expect(filtersFromParams(filtersToParams(value))).toEqual(value);
    expect(filtersToParams(DEFAULT_FILTERS).toString()).toBe('');
    expect(filtersFromParams(new URLSearchParams('status=bogus&priority=9&sort=x&assignee=zz'))).toEqual(DEFAULT_FILTERS);
  });
});

describe('ticketQuery against RxDB', () => {
  let db: DeskDatabase;
  const all = generateTickets(1500);

  beforeAll(async () => {
    db = await openTestDatabase();
    await db.tickets.bulkInsert(all);
  });
  afterAll(async () => {
    await db.remove();
  });

  function reference(f: TicketListFilters, meId: string): Ticket[] {
    const selector = ticketSelector(f, meId) as Record<string, unknown>;
    const matches = all.filter((t) =>
      Object.entries(selector).every(([field, want]) => {
        const value = t[field as keyof Ticket];
        if (want && typeof want === 'object' && '$in' in want) return (want.$in as unknown[]).includes(value);
        return value === want;
      }),
    );
    const key = (t: Ticket): [number, string, string] =>
      f.sort === 'created' ? [0, t.createdAt, t.id] : f.sort === 'priority' ? [t.priority, t.updatedAt, t.id] : [0, t.updatedAt, t.id];
    return matches.sort((a, b) => {
      const [pa, ta, ia] = key(a);
      const [pb, tb, ib] = key(b);
      return pa - pb || tb.localeCompare(ta) || ia.localeCompare(ib);
    });
  }

  const cases: Partial<TicketListFilters>[] = [
    {},
    { sort: 'created' },
    { sort: 'priority' },
    { status: 'all', contractId: 'c-acme' },
    { status: 'waiting', sort: 'priority' },
    { assignee: 'me', priority: 2 },
    { assignee: 'unassigned', status: 'all', sort: 'created' },
    { assignee: 'user:u-sup', contractId: 'c-other', status: 'resolved' },
  ];

  it.each(cases)('returns what a plain filter + sort would (%o)', async (overrides) => {
    const f = filters(overrides);
    const docs = await db.tickets.find(ticketQuery(f, 'u-tech')).exec();
    const want = reference(f, 'u-tech');
    expect(want.length).toBeGreaterThan(0);
    // Ties in the sort key are ordered by the primary key in RxDB; ids here are unique per timestamp anyway.
    expect(docs.map((d) => d.id)).toEqual(want.map((t) => t.id));
    // The list reads one page (skip/limit) and counts the rest, as useTicketList does without a search term.
    const query = ticketQuery(f, 'u-tech');
    const second = await db.tickets.find({ ...query, skip: PAGE_SIZE, limit: PAGE_SIZE }).exec();
    expect(second.map((d) => d.id)).toEqual(want.slice(PAGE_SIZE, 2 * PAGE_SIZE).map((t) => t.id));
    expect(await db.tickets.count({ selector: query.selector }).exec()).toBe(want.length);
  });
});
