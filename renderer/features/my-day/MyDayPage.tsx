import { Anchor, Badge, Group, Loader, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useMemo } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import type { Ticket } from '../../../common/schemas/tickets.js';
import { useDatabase } from '../../app/database-context.js';
import { useSession } from '../../app/session-store.js';
import { useRxQuery } from '../../db/use-rx.js';
import { useLanguage, useT } from '../../i18n/index.js';
import {
  OPEN_STATUSES,
  PriorityBadge,
  StatusBadge,
  TicketSlaCell,
  formatDateTime,
  useContracts,
  useNow,
  useSlaSummaries,
} from '../tickets/index.js';
import { orderMyDay } from './my-day-order.js';

const NOWRAP = { whiteSpace: 'nowrap' } as const;

/** `/my-day`: my open tickets, at risk first, then by due time; local replica only, so offline too. */
export function MyDayPage() {
  const t = useT();
  const language = useLanguage((state) => state.language);
  const navigate = useNavigate();
  const db = useDatabase();
  const meId = useSession((state) => state.user?.id ?? '');
  const now = useNow(30_000);
  const { byId: contracts } = useContracts();
  const { docs: tickets, loading } = useRxQuery<Ticket>(
    () => db.tickets.find({ selector: { status: { $in: [...OPEN_STATUSES] }, assigneeId: meId }, sort: [{ updatedAt: 'desc' }] }),
    [db, meId],
  );
  const { summaries } = useSlaSummaries(tickets, contracts, now);
  const items = useMemo(
    () => orderMyDay(tickets.map((ticket) => ({ id: ticket.id, ticket, resolution: summaries.get(ticket.id)?.resolution ?? null }))),
    [tickets, summaries],
  );
  const atRisk = items.filter((item) => item.resolution?.level === 'warning').length;
  const breached = items.filter((item) => item.resolution?.level === 'breached').length;

  return (
    <Stack gap="md" p="md">
      <Stack gap={2}>
        <Title order={2}>{t('myDay.title')}</Title>
        <Text c="dimmed" fz="sm">
          {t('myDay.subtitle')}
        </Text>
      </Stack>
      <Group gap="xs">
        <Badge size="lg" variant="light" color="blue" data-testid="my-day-open">
          {t('myDay.count.open')}: {items.length}
        </Badge>
        <Badge size="lg" variant="light" color="orange" data-testid="my-day-at-risk">
          {t('myDay.count.atRisk')}: {atRisk}
        </Badge>
        <Badge size="lg" variant="light" color="red" data-testid="my-day-breached">
          {t('myDay.count.breached')}: {breached}
        </Badge>
      </Group>
      <Paper withBorder radius="md">
        {loading && items.length === 0 ? (
          <Group justify="center" p="xl">
            <Loader size="sm" />
          </Group>
        ) : items.length === 0 ? (
          <Text c="dimmed" ta="center" p="xl" data-testid="my-day-empty">
            {t('myDay.empty')}
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={860}>
            <Table highlightOnHover verticalSpacing="xs" data-testid="my-day-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('myDay.column.ticket')}</Table.Th>
                  <Table.Th>{t('myDay.column.status')}</Table.Th>
                  <Table.Th>{t('myDay.column.priority')}</Table.Th>
                  <Table.Th style={NOWRAP}>{t('myDay.column.remaining')}</Table.Th>
                  <Table.Th>{t('myDay.column.due')}</Table.Th>
                  <Table.Th>{t('myDay.column.contract')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map(({ ticket, resolution }) => (
                  <Table.Tr
                    key={ticket.id}
                    data-testid="my-day-row"
                    data-ref={ticket.ref}
                    data-level={resolution?.level ?? ''}
                    style={{ cursor: 'pointer' }}
                    onClick={() => void navigate(`/tickets/${ticket.id}`)}
                  >
                    <Table.Td>
                      <Anchor component={Link} to={`/tickets/${ticket.id}`} ff="monospace" fz="xs" style={NOWRAP} onClick={(e) => e.stopPropagation()}>
                        {ticket.ref}
                      </Anchor>
                      <Text fz="sm" fw={500} lineClamp={1}>
                        {ticket.title}
                      </Text>
                    </Table.Td>
                    <Table.Td style={NOWRAP}>
                      <StatusBadge status={ticket.status} />
                    </Table.Td>
                    <Table.Td style={NOWRAP}>
                      <PriorityBadge priority={ticket.priority} />
                    </Table.Td>
                    <Table.Td style={NOWRAP}>
                      <TicketSlaCell clock={resolution ?? undefined} />
                    </Table.Td>
                    <Table.Td style={NOWRAP}>
                      <Text fz="sm" c={resolution?.dueAt ? undefined : 'dimmed'}>
                        {resolution?.dueAt
                          ? formatDateTime(resolution.dueAt, language)
                          : resolution?.state === 'paused'
                            ? t('myDay.due.paused')
                            : t('myDay.due.none')}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text fz="sm">{contracts.get(ticket.contractId)?.code ?? '—'}</Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Paper>
    </Stack>
  );
}
