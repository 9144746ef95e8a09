import { Anchor, Table, Text } from '@mantine/core';
import { Link, useNavigate } from 'react-router-dom';
import type { SlaSummary } from '../../../common/sla/index.js';
import type { Contract } from '../../../common/schemas/contracts.js';
import type { Person } from '../../../common/schemas/people.js';
import type { Ticket } from '../../../common/schemas/tickets.js';
import { useLanguage, useT } from '../../i18n/index.js';
import { PriorityBadge, StatusBadge } from './TicketBadges.js';
import { TicketSlaCell } from './TicketSlaCell.js';
import { formatDateTime, formatRelative } from './ticket-format.js';

interface TicketTableProps {
  readonly tickets: readonly Ticket[];
  readonly contracts: ReadonlyMap<string, Contract>;
  readonly staffNames: ReadonlyMap<string, string>;
  readonly people: ReadonlyMap<string, Person>;
  readonly now: Date;
  /** Resolution SLA of the tickets on this page (computed for the visible page only). */
  readonly sla: ReadonlyMap<string, SlaSummary>;
}

/** Short cells never wrap or truncate: refs, badges and times keep their full width. */
const NOWRAP = { whiteSpace: 'nowrap' } as const;

/** One page of tickets; a row opens the ticket (the ref is also a real link for keyboard users). */
export function TicketTable({ tickets, contracts, staffNames, people, now, sla }: TicketTableProps) {
  const t = useT();
  const language = useLanguage((state) => state.language);
  const navigate = useNavigate();

  return (
    <Table.ScrollContainer minWidth={1000}>
      <Table highlightOnHover verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('tickets.column.ref')}</Table.Th>
            <Table.Th>{t('tickets.column.title')}</Table.Th>
            <Table.Th>{t('tickets.column.status')}</Table.Th>
            <Table.Th>{t('tickets.column.priority')}</Table.Th>
            <Table.Th style={NOWRAP}>{t('tickets.column.sla')}</Table.Th>
            <Table.Th>{t('tickets.column.contract')}</Table.Th>
            <Table.Th>{t('tickets.column.assignee')}</Table.Th>
            <Table.Th>{t('tickets.column.updated')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {tickets.map((ticket) => {
            const requester = ticket.requesterId ? people.get(ticket.requesterId)?.name : undefined;
            return (
              <Table.Tr
                key={ticket.id}
                data-testid="ticket-row"
                data-ref={ticket.ref}
                style={{ cursor: 'pointer' }}
                onClick={() => void navigate(`/tickets/${ticket.id}`)}
              >
                <Table.Td style={NOWRAP}>
                  <Anchor component={Link} to={`/tickets/${ticket.id}`} ff="monospace" fz="sm" onClick={(e) => e.stopPropagation()}>
                    {ticket.ref}
                  </Anchor>
                </Table.Td>
                <Table.Td miw={180}>
                  <Text fz="sm" fw={500} lineClamp={1}>
                    {ticket.title}
                  </Text>
                  {requester && (
                    <Text fz="xs" c="dimmed">
                      {requester}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td style={NOWRAP}>
                  <StatusBadge status={ticket.status} />
                </Table.Td>
                <Table.Td style={NOWRAP}>
                  <PriorityBadge priority={ticket.priority} />
                </Table.Td>
                <Table.Td style={NOWRAP}>
                  <TicketSlaCell clock={sla.get(ticket.id)?.resolution} />
                </Table.Td>
                <Table.Td>
                  <Text fz="sm">{contracts.get(ticket.contractId)?.code ?? '—'}</Text>
                </Table.Td>
                <Table.Td style={NOWRAP}>
                  <Text fz="sm" c={ticket.assigneeId ? undefined : 'dimmed'}>
                    {ticket.assigneeId ? (staffNames.get(ticket.assigneeId) ?? ticket.assigneeId) : t('tickets.filter.unassigned')}
                  </Text>
                </Table.Td>
                <Table.Td style={NOWRAP}>
                  <Text fz="sm" title={formatDateTime(ticket.updatedAt, language)}>
                    {formatRelative(ticket.updatedAt, now, language)}
                  </Text>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
