import { PRIORITIES, TICKET_STATUSES, type Priority, type TicketStatus } from '../domain/vocabulary.js';
import type { Contract } from '../schemas/contracts.js';
import type { Ticket } from '../schemas/tickets.js';
import { computeSla } from './clock.js';
import { policyForTicket, type AppliedPolicy } from './policy-revisions.js';
import type { SlaEvent, SlaResult } from './types.js';
import { isValidTimeZone } from './zone.js';

export type SlaTimeZoneSource = 'site' | 'contract' | 'utc';

export interface SlaSummary extends SlaResult {
  readonly timeZone: string;
  /** Where the zone came from; a site with a zone the runtime does not know falls through. */
  readonly timeZoneSource: SlaTimeZoneSource;
  /** Targets of the priority the log ends at, in the policy revision that judges the ticket. */
  readonly target: { readonly responseMinutes: number; readonly resolutionMinutes: number };
  /** The SLA policy revision in force when the ticket was opened, and the contract's newest. */
  readonly policy: AppliedPolicy;
}

type SummaryTicket = Pick<Ticket, 'id' | 'siteId' | 'createdAt' | 'priority' | 'status'>;
type SummaryContract = Pick<Contract, 'sites' | 'slaPolicy' | 'calendar'>;
/** `DomainEvent` fits; events of other subjects are skipped so a caller may pass a wider list. */
type SummaryEvent = SlaEvent & { readonly subjectId?: string };

/** The site's zone, else the contract's first site's, else UTC — each only if the runtime knows it. */
export function slaTimeZoneFor(ticket: Pick<Ticket, 'siteId'>, contract: Pick<Contract, 'sites'>): { timeZone: string; source: SlaTimeZoneSource } {
  const site = contract.sites.find((candidate) => candidate.id === ticket.siteId);
  if (site && isValidTimeZone(site.timeZone)) return { timeZone: site.timeZone, source: 'site' };
  const first = contract.sites[0];
  if (first && isValidTimeZone(first.timeZone)) return { timeZone: first.timeZone, source: 'contract' };
  return { timeZone: 'UTC', source: 'utc' };
}

/**
 * When the ticket was opened, as the replay sees it: its earliest creation event with a readable
 * device time, else the header's `createdAt`.
 */
function openedAt(events: readonly SlaEvent[], headerCreatedAt: string): string {
  let earliest = Number.POSITIVE_INFINITY;
  for (const event of events) {
    if (event.type !== 'ticket.created') continue;
    const at = Date.parse(event.at);
    if (Number.isFinite(at) && at < earliest) earliest = at;
  }
  return Number.isFinite(earliest) ? new Date(earliest).toISOString() : headerCreatedAt;
}

/**
 * The SLA of one ticket as the UI shows it. The event log decides; the header only stands in for a
 * missing creation event (its `createdAt` and priority; its status only if the log has no status
 * change, e.g. a ticket imported without history).
 */
export function slaSummaryForTicket(ticket: SummaryTicket, events: readonly SummaryEvent[], contract: SummaryContract, now: string): SlaSummary {
  const { timeZone, source } = slaTimeZoneFor(ticket, contract);
  const own = events.filter((event) => event.subjectId === undefined || event.subjectId === ticket.id);
  const headerPriority: Priority = PRIORITIES.find((priority) => priority === ticket.priority) ?? 3;
  const headerStatus: TicketStatus = TICKET_STATUSES.find((status) => status === ticket.status) ?? 'new';
  const hasStatusEvents = own.some((event) => event.type === 'ticket.status');
  const policy = policyForTicket(contract.slaPolicy, openedAt(own, ticket.createdAt));
  const result = computeSla({
    events: own,
    policy: policy.applied,
    calendar: contract.calendar,
    timeZone,
    now,
    origin: { at: ticket.createdAt, priority: headerPriority, status: hasStatusEvents ? 'new' : headerStatus },
  });
  // With an origin the replay always has a start; an unreadable header `createdAt` is the only way
  // to get null, and then the SLA cannot be known.
  if (result === null) throw new RangeError(`ticket ${ticket.id} has no creation event and an unreadable createdAt`);
  return { ...result, timeZone, timeZoneSource: source, target: policy.applied.targets[`p${result.priority}`], policy };
}
