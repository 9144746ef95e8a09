import { Button, Group, Loader, Pagination, Paper, Stack, Text, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useMemo } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import type { CreateTicketState } from './TicketCreatePage.js';
import { useSession } from '../../app/session-store.js';
import { useT } from '../../i18n/index.js';
import { TicketFilterBar } from './TicketFilterBar.js';
import { TicketTable } from './TicketTable.js';
import { PAGE_SIZE, filtersFromParams, filtersToParams, type TicketListFilters } from './ticket-list-query.js';
import { useNow } from './use-now.js';
import { useSlaSummaries } from './use-sla-summaries.js';
import { useTicketList } from './use-ticket-list.js';
import { useContracts, usePeopleByIds, useStaff, useStaffNames } from './use-ticket-lookups.js';

/** `/tickets`: the filtered, sorted list, a page of 50 at a time, all from the local replica. */
export function TicketsPage() {
  const t = useT();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => filtersFromParams(params), [params]);
  const page = Math.max(0, Number(params.get('page') ?? '1') - 1) || 0;
  const meId = useSession((state) => state.user?.id ?? null);
  const now = useNow();

  const { contracts, byId } = useContracts();
  const staff = useStaff(filters.contractId);
  const staffNames = useStaffNames();
  const list = useTicketList(filters, page, meId);
  const { summaries } = useSlaSummaries(list.items, byId, now);
  const people = usePeopleByIds(list.items.flatMap((ticket) => (ticket.requesterId ? [ticket.requesterId] : [])));

  const setFilters = (next: TicketListFilters) => setParams(filtersToParams(next), { replace: true });
  const setPage = (next: number) => {
    const nextParams = filtersToParams(filters);
    if (next > 1) nextParams.set('page', String(next));
    setParams(nextParams, { replace: true });
  };
  const openCreate = () => {
    const state: CreateTicketState = { back: params.toString() ? `?${params.toString()}` : '', contractId: filters.contractId };
    void navigate('/tickets/new', { state });
  };
  const first = list.total === 0 ? 0 : list.page * PAGE_SIZE + 1;
  const last = list.page * PAGE_SIZE + list.items.length;

  return (
    <Stack gap="md" p="md">
      <Group justify="space-between">
        <Title order={2}>{t('tickets.list.title')}</Title>
        <Button leftSection={<IconPlus size={16} />} onClick={openCreate} data-testid="ticket-new">
          {t('tickets.list.new')}
        </Button>
      </Group>
      <TicketFilterBar filters={filters} onChange={setFilters} contracts={contracts} staff={staff} />
      <Paper withBorder radius="md">
        {list.loading && list.items.length === 0 ? (
          <Group justify="center" p="xl" gap="xs">
            <Loader size="sm" />
            <Text c="dimmed">{t('tickets.list.loading')}</Text>
          </Group>
        ) : list.total === 0 ? (
          <Text c="dimmed" ta="center" p="xl" data-testid="ticket-list-empty">
            {t('tickets.list.empty')}
          </Text>
        ) : (
          <TicketTable tickets={list.items} contracts={byId} staffNames={staffNames} people={people} now={now} sla={summaries} />
        )}
      </Paper>
      <Group justify="space-between">
        <Text c="dimmed" fz="sm" data-testid="ticket-count" data-total={list.total}>
          {t('tickets.list.range', { from: first, to: last, total: list.total })}
        </Text>
        <Pagination total={list.pageCount} value={list.page + 1} onChange={setPage} hideWithOnePage size="sm" />
      </Group>
    </Stack>
  );
}
