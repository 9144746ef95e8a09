import type { AuditCounts, AuditStart } from '../../../common/inventory/audit.js';
import { orderAuditEvents } from '../../../common/inventory/audit.js';
import type { DomainEvent } from '../../../common/schemas/events.js';

/** One audit as its events tell it (the list and the detail screen share this fold). */
export interface AuditSummary {
  readonly id: string;
  readonly contractId: string;
  readonly start: AuditStart;
  readonly startedAt: string;
  readonly startedBy: string;
  readonly closedAt: string | null;
  readonly closedCounts: AuditCounts | null;
}

/** Folds `audit.started` / `audit.closed` events into audits, newest first. A close without its start is skipped (not synced yet). */
export function summarizeAudits(events: readonly DomainEvent[]): AuditSummary[] {
  const started = new Map<string, AuditSummary>();
  const closed = new Map<string, DomainEvent>();
  for (const event of orderAuditEvents(events)) {
    if (event.type === 'audit.started' && !started.has(event.subjectId)) {
      started.set(event.subjectId, {
        id: event.subjectId,
        contractId: event.contractId,
        start: event.data as unknown as AuditStart,
        startedAt: event.at,
        startedBy: event.authorId,
        closedAt: null,
        closedCounts: null,
      });
    } else if (event.type === 'audit.closed' && !closed.has(event.subjectId)) {
      closed.set(event.subjectId, event);
    }
  }
  return [...started.values()]
    .map((audit) => {
      const close = closed.get(audit.id);
      return close ? { ...audit, closedAt: close.at, closedCounts: (close.data as { counts: AuditCounts }).counts } : audit;
    })
    .sort((a, b) => (a.startedAt < b.startedAt ? 1 : a.startedAt > b.startedAt ? -1 : 0));
}
