import { TICKET_STATUSES, type TicketStatus } from '../../domain/vocabulary.js';
import { STATUS_RANK } from '../../tickets/status-machine.js';
import type { UnitRule } from './field-rules.js';

export type Side = 'local' | 'server';

function statusRank(value: unknown): number {
  // An unknown status (a newer vocabulary) ranks below all known ones, so a known one wins.
  return (TICKET_STATUSES as readonly unknown[]).includes(value) ? STATUS_RANK[value as TicketStatus] : -1;
}

function priorityNumber(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : Number.POSITIVE_INFINITY;
}

/**
 * Which side's unit wins when both sides changed it differently. `lead` is the value of the unit's
 * first field on each side. Ties keep the server, like every other rule, so all replicas agree.
 */
export function decideUnit(rule: UnitRule, localLead: unknown, serverLead: unknown): Side {
  switch (rule) {
    case 'rank':
      return statusRank(localLead) > statusRank(serverLead) ? 'local' : 'server';
    case 'priority-min':
      return priorityNumber(localLead) < priorityNumber(serverLead) ? 'local' : 'server';
  }
}

/**
 * The later of two ISO instants; the server's on a tie or when neither parses. Compared as
 * instants, not text, because offsets (`+02:00`) make text order lie.
 */
export function laterInstant(local: unknown, server: unknown): Side {
  const l = typeof local === 'string' ? Date.parse(local) : Number.NaN;
  const s = typeof server === 'string' ? Date.parse(server) : Number.NaN;
  if (Number.isNaN(l)) return 'server';
  if (Number.isNaN(s)) return 'local';
  return l > s ? 'local' : 'server';
}
