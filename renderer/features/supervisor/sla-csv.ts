import { toCsv } from './csv.js';
import type { TicketSlaRow } from './sla-report.js';

type Translate = (key: string, params?: Record<string, string | number>) => string;

export interface CsvLookups {
  readonly t: Translate;
  readonly contractCode: (contractId: string) => string;
  readonly staffName: (userId: string) => string;
}

/** One line per ticket: both clocks' state, business minutes used and target; instants in UTC. */
export function slaCsv(rows: readonly TicketSlaRow[], { t, contractCode, staffName }: CsvLookups): string {
  const header = [
    'ref',
    'title',
    'contract',
    'priority',
    'status',
    'assignee',
    'created',
    'responseState',
    'responseElapsed',
    'responseTarget',
    'resolutionState',
    'resolutionElapsed',
    'resolutionTarget',
    'resolvedAt',
    'breachedAt',
  ].map((key) => t(`supervisor.csv.${key}`));
  const sorted = [...rows].sort((a, b) => a.ticket.ref.localeCompare(b.ticket.ref));
  return toCsv(
    header,
    sorted.map(({ ticket, priority, response, resolution }) => [
      ticket.ref,
      ticket.title,
      contractCode(ticket.contractId),
      `P${priority}`,
      t(`tickets.status.${ticket.status}`),
      ticket.assigneeId ? staffName(ticket.assigneeId) : '',
      ticket.createdAt,
      t(`supervisor.state.${response.state}`),
      response.elapsedBusinessMinutes,
      response.targetMinutes,
      t(`supervisor.state.${resolution.state}`),
      resolution.elapsedBusinessMinutes,
      resolution.targetMinutes,
      resolution.stoppedAt,
      resolution.breachedAt,
    ]),
  );
}
