import { Anchor, Badge, Button, Group, Paper, SegmentedControl, Select, Stack, Table, Text, Title } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import { isSupervisorRole } from '../../../common/auth/permissions.js';
import type { DomainEvent } from '../../../common/schemas/events.js';
import type { Ticket } from '../../../common/schemas/tickets.js';
import { worklogReport } from '../../../common/tickets/worklog.js';
import { useDatabase } from '../../app/database-context.js';
import { useSession } from '../../app/session-store.js';
import { useRxQuery } from '../../db/use-rx.js';
import { useLanguage, useT } from '../../i18n/index.js';
import { downloadText, toCsv } from '../supervisor/csv.js';
import { useContracts, useStaff } from '../tickets/use-ticket-lookups.js';
import { COMBOBOX } from '../tickets/ticket-format.js';
import { formatDay, formatDuration } from './format.js';
import { WORKLOG_PERIODS, worklogDays, type WorklogPeriod } from './worklog-period.js';
import './messages.js';

/** `/worklog`: time per ticket for a period, mine or (supervisors) everyone's; offline, with CSV. */
export function WorklogPage() {
  const t = useT();
  const language = useLanguage((state) => state.language);
  const db = useDatabase();
  const user = useSession((state) => state.user);
  const supervisor = !!user && isSupervisorRole(user.role);
  const [period, setPeriod] = useState<WorklogPeriod>('week');
  const [who, setWho] = useState<'me' | 'everyone'>('me');
  const days = useMemo(() => worklogDays(period, new Date()), [period]);
  // Time is recorded on or after the day it was spent: entries from the period's first day on.
  const since = useMemo(() => new Date(new Date(`${days.fromDate}T00:00:00`).getTime() - 86_400_000).toISOString(), [days]);
  const { docs: events } = useRxQuery<DomainEvent>(
    () => db.events.find({ selector: { at: { $gte: since }, type: { $in: ['ticket.time', 'ticket.time_void'] } }, sort: [{ at: 'asc' }] }),
    [db, since],
  );
  const staff = useStaff(null);
  const supervisors = useMemo(() => new Set(staff.filter((member) => isSupervisorRole(member.role)).map((member) => member.userId)), [staff]);
  const report = useMemo(
    () => worklogReport(events, { ...days, authorId: who === 'me' || !supervisor ? (user?.id ?? '') : null }, { supervisors }),
    [events, days, who, supervisor, user, supervisors],
  );
  const ids = report.rows.map((row) => row.ticketId);
  const key = ids.join('|');
  const { docs: tickets } = useRxQuery<Ticket>(() => (key ? db.tickets.findByIds(key.split('|')) : null), [db, key]);
  const byId = useMemo(() => new Map(tickets.map((ticket) => [ticket.id, ticket])), [tickets]);
  const { byId: contracts } = useContracts();

  const exportCsv = () => {
    const header = ['ticket', 'title', 'contract', 'travel_min', 'work_min', 'total_min', 'entries'];
    const rows = report.rows.map((row) => {
      const ticket = byId.get(row.ticketId);
      return [ticket?.ref ?? row.ticketId, ticket?.title ?? '', ticket ? (contracts.get(ticket.contractId)?.code ?? '') : '', row.travelMinutes, row.workMinutes, row.totalMinutes, row.entries];
    });
    downloadText(`worklog-${days.fromDate}-${days.toDate}.csv`, toCsv(header, rows));
  };

  return (
    <Stack gap="md" p="md">
      <Stack gap={2}>
        <Title order={2}>{t('worklog.title')}</Title>
        <Text c="dimmed" fz="sm">
          {t('worklog.page.subtitle')}
        </Text>
      </Stack>
      <Group gap="md" align="flex-end">
        <SegmentedControl value={period} onChange={(value) => setPeriod(WORKLOG_PERIODS.find((item) => item === value) ?? 'week')} data={WORKLOG_PERIODS.map((value) => ({ value, label: t(`worklog.page.period.${value}`) }))} aria-label={t('worklog.page.period')} />
        {supervisor && (
          <Select
            label={t('worklog.page.who')}
            w={160}
            value={who}
            onChange={(value) => setWho(value === 'everyone' ? 'everyone' : 'me')}
            data={[
              { value: 'me', label: t('worklog.page.who.me') },
              { value: 'everyone', label: t('worklog.page.who.everyone') },
            ]}
            allowDeselect={false}
            comboboxProps={COMBOBOX}
          />
        )}
        <Text c="dimmed" fz="sm" data-testid="worklog-range">
          {t('worklog.page.range', { from: formatDay(days.fromDate, language), to: formatDay(days.toDate, language) })}
        </Text>
        <Button variant="light" leftSection={<IconDownload size={16} />} onClick={exportCsv} disabled={report.rows.length === 0} ml="auto">
          {t('worklog.page.csv')}
        </Button>
      </Group>
      <Paper withBorder radius="md">
        {report.rows.length === 0 ? (
          <Text c="dimmed" p="md">
            {t('worklog.page.empty')}
          </Text>
        ) : (
          <Table striped verticalSpacing="xs" data-testid="worklog-report">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('worklog.page.column.ticket')}</Table.Th>
                <Table.Th>{t('worklog.page.column.contract')}</Table.Th>
                <Table.Th>{t('worklog.totals.travel')}</Table.Th>
                <Table.Th>{t('worklog.totals.work')}</Table.Th>
                <Table.Th>{t('worklog.totals.total')}</Table.Th>
                <Table.Th>{t('worklog.page.column.entries')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {report.rows.map((row) => {
                const ticket = byId.get(row.ticketId);
                return (
                  <Table.Tr key={row.ticketId} data-testid="worklog-report-row" data-total={row.totalMinutes}>
                    <Table.Td>
                      <Anchor component={Link} to={`/tickets/${row.ticketId}`} fz="sm" ff="monospace">
                        {ticket?.ref ?? row.ticketId}
                      </Anchor>
                      <Text fz="sm" lineClamp={1}>
                        {ticket?.title ?? ''}
                      </Text>
                    </Table.Td>
                    <Table.Td>{ticket && <Badge variant="outline" color="gray">{contracts.get(ticket.contractId)?.code ?? ''}</Badge>}</Table.Td>
                    <Table.Td>{formatDuration(row.travelMinutes, t)}</Table.Td>
                    <Table.Td>{formatDuration(row.workMinutes, t)}</Table.Td>
                    <Table.Td fw={600}>{formatDuration(row.totalMinutes, t)}</Table.Td>
                    <Table.Td>{row.entries}</Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
            <Table.Tfoot>
              <Table.Tr data-testid="worklog-report-total" data-total={report.totals.totalMinutes}>
                <Table.Th colSpan={2}>{t('worklog.page.total')}</Table.Th>
                <Table.Th>{formatDuration(report.totals.travelMinutes, t)}</Table.Th>
                <Table.Th>{formatDuration(report.totals.workMinutes, t)}</Table.Th>
                <Table.Th>{formatDuration(report.totals.totalMinutes, t)}</Table.Th>
                <Table.Th>{report.totals.entries}</Table.Th>
              </Table.Tr>
            </Table.Tfoot>
          </Table>
        )}
      </Paper>
    </Stack>
  );
}
