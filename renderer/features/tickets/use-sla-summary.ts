import { useMemo } from 'react';
import { slaSummaryForTicket, type SlaSummary } from '../../../common/sla/index.js';
import type { Contract } from '../../../common/schemas/contracts.js';
import type { DomainEvent } from '../../../common/schemas/events.js';
import type { Ticket } from '../../../common/schemas/tickets.js';

/**
 * The ticket's SLA clocks, derived once per render from its event log (device times); shared by
 * the SLA panel and the SLA timeline. Null without a contract, or when the ticket has an unreadable
 * createdAt and no creation event (the panels say so instead of crashing).
 */
export function useSlaSummary(ticket: Ticket, events: readonly DomainEvent[], contract: Contract | null, now: Date): SlaSummary | null {
  return useMemo(() => {
    if (!contract) return null;
    try {
      return slaSummaryForTicket(ticket, events, contract, now.toISOString());
    } catch {
      return null;
    }
  }, [ticket, events, contract, now]);
}
