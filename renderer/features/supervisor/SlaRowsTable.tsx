import { Anchor, Table, Text } from '@mantine/core';
import { Link } from 'react-router-dom';
import type { Contract } from '../../../common/schemas/contracts.js';
import { useLanguage, useT } from '../../i18n/index.js';
import { PriorityBadge, TicketSlaCell, formatDateTime } from '../tickets/index.js';
import { firstBreachAt, type TicketSlaRow } from './sla-report.js';

const NOWRAP = { whiteSpace: 'nowrap' } as const;

interface SlaRowsTableProps {
  readonly rows: readonly TicketSlaRow[];
  /** Breached rows show when; at-risk rows show what is left. */
  readonly mode: 'breached' | 'atRisk';
  readonly contracts: ReadonlyMap<string, Contract>;
  readonly names: ReadonlyMap<string, string>;
  readonly emptyText: string;
  readonly testId: string;
}

export function SlaRowsTable({ rows, mode, contracts, names, emptyText, testId }: SlaRowsTableProps) {
  const t = useT();
  const language = useLanguage((state) => state.language);
  if (rows.length === 0) {
    return (
      <Text c="dimmed" fz="sm" data-testid={testId} data-count={0}>
        {emptyText}
      </Text>
    );
  }
  return (
    <Table.ScrollContainer minWidth={640} mah={420}>
      <Table verticalSpacing={6} data-testid={testId} data-count={rows.length}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('supervisor.column.ticket')}</Table.Th>
            <Table.Th>{t('supervisor.column.priority')}</Table.Th>
            <Table.Th>{t('supervisor.column.assignee')}</Table.Th>
            <Table.Th>{mode === 'breached' ? t('supervisor.column.breachedAt') : t('supervisor.column.left')}</Table.Th>
            {mode === 'breached' && <Table.Th>{t('supervisor.column.result')}</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => {
            const breachedAt = firstBreachAt(row);
            return (
              <Table.Tr key={row.ticket.id} data-testid="sla-row" data-ref={row.ticket.ref} data-resolution={row.resolution.state} data-response={row.response.state}>
                <Table.Td>
                  <Anchor component={Link} to={`/tickets/${row.ticket.id}`} ff="monospace" fz="xs" style={NOWRAP} title={contracts.get(row.ticket.contractId)?.name}>
                    {row.ticket.ref}
                  </Anchor>
                  <Text fz="sm" lineClamp={1}>
                    {row.ticket.title}
                  </Text>
                </Table.Td>
                <Table.Td style={NOWRAP}>
                  <PriorityBadge priority={row.priority} />
                </Table.Td>
                <Table.Td style={NOWRAP}>
                  <Text fz="sm">{row.ticket.assigneeId ? (names.get(row.ticket.assigneeId) ?? row.ticket.assigneeId) : t('supervisor.unassigned')}</Text>
                </Table.Td>
                <Table.Td style={NOWRAP}>
                  {mode === 'breached' ? <Text fz="sm">{breachedAt ? formatDateTime(breachedAt, language) : '—'}</Text> : <TicketSlaCell clock={row.resolution} />}
                </Table.Td>
                {mode === 'breached' && (
                  <Table.Td style={NOWRAP}>
                    <TicketSlaCell clock={row.resolution} />
                  </Table.Td>
                )}
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

