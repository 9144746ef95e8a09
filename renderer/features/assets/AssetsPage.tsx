import { Anchor, Button, Group, Pagination, Paper, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { IconDeviceDesktopSearch } from '@tabler/icons-react';
import { useMemo } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { ASSET_STATES, ASSET_TYPES } from '../../../common/domain/vocabulary.js';
import type { Contract } from '../../../common/schemas/contracts.js';
import { useDatabase } from '../../app/database-context.js';
import { useRxQuery } from '../../db/use-rx.js';
import { useT } from '../../i18n/index.js';
import { ASSET_PAGE_SIZE, filtersFromParams, filtersToParams, type AssetListFilters } from './asset-list-query.js';
import { useAssetList } from './use-asset-list.js';

/** `/assets`: filtered, searchable list from the local replica, 50 per page. */
export function AssetsPage() {
  const t = useT();
  const db = useDatabase();
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => filtersFromParams(params), [params]);
  const page = Math.max(0, Number(params.get('page') ?? '1') - 1) || 0;
  const { docs: contracts } = useRxQuery<Contract>(() => db.contracts.find({ sort: [{ code: 'asc' }] }), [db]);
  const list = useAssetList(filters, page);
  const contractCode = new Map(contracts.map((contract) => [contract.id, contract.code]));
  const sites = contracts.filter((contract) => !filters.contractId || contract.id === filters.contractId).flatMap((contract) => contract.sites);
  const siteName = new Map(contracts.flatMap((contract) => contract.sites.map((site) => [site.id, site.name] as const)));

  const set = (patch: Partial<AssetListFilters>) => setParams(filtersToParams({ ...filters, ...patch }), { replace: true });
  const setPage = (next: number) => {
    const nextParams = filtersToParams(filters);
    if (next > 1) nextParams.set('page', String(next));
    setParams(nextParams, { replace: true });
  };
  const pageCount = Math.max(1, Math.ceil(list.total / ASSET_PAGE_SIZE));
  const first = list.total === 0 ? 0 : page * ASSET_PAGE_SIZE + 1;
  const any = t('assets.filter.any');

  return (
    <Stack gap="md" p="md">
      <Group justify="space-between">
        <Title order={2}>{t('assets.list.title')}</Title>
        <Button component={Link} to="/assets/collect" leftSection={<IconDeviceDesktopSearch size={16} />} data-testid="assets-collect">
          {t('assets.list.collect')}
        </Button>
      </Group>
      <Group align="flex-end" gap="sm">
        <TextInput label={t('assets.list.search')} placeholder={t('assets.list.searchPlaceholder')} value={filters.search} onChange={(event) => set({ search: event.currentTarget.value })} data-testid="assets-search" />
        <Select label={t('assets.filter.contract')} placeholder={any} clearable data={contracts.map((contract) => ({ value: contract.id, label: contract.code }))} value={filters.contractId} onChange={(value) => set({ contractId: value, siteId: null })} w={140} />
        <Select label={t('assets.filter.site')} placeholder={any} clearable data={sites.map((site) => ({ value: site.id, label: site.name }))} value={filters.siteId} onChange={(value) => set({ siteId: value })} w={180} />
        <Select label={t('assets.filter.type')} placeholder={any} clearable data={ASSET_TYPES.map((value) => ({ value, label: t(`assets.type.${value}`) }))} value={filters.type} onChange={(value) => set({ type: value })} w={140} />
        <Select label={t('assets.filter.state')} placeholder={any} clearable data={ASSET_STATES.map((value) => ({ value, label: t(`assets.state.${value}`) }))} value={filters.state} onChange={(value) => set({ state: value })} w={180} />
        <TextInput label={t('assets.filter.model')} value={filters.model} onChange={(event) => set({ model: event.currentTarget.value })} w={150} />
        <TextInput label={t('assets.filter.os')} value={filters.os} onChange={(event) => set({ os: event.currentTarget.value })} w={150} />
      </Group>
      <Paper withBorder radius="md">
        {list.total === 0 && !list.loading ? (
          <Text c="dimmed" ta="center" p="xl">
            {t('assets.list.empty')}
          </Text>
        ) : (
          <Table striped highlightOnHover data-testid="asset-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('assets.field.tag')}</Table.Th>
                <Table.Th>{t('assets.field.contract')}</Table.Th>
                <Table.Th>{t('assets.field.type')}</Table.Th>
                <Table.Th>{t('assets.field.model')}</Table.Th>
                <Table.Th>{t('assets.field.serial')}</Table.Th>
                <Table.Th>{t('assets.field.hostname')}</Table.Th>
                <Table.Th>{t('assets.field.site')}</Table.Th>
                <Table.Th>{t('assets.field.state')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.items.map((asset) => (
                <Table.Tr key={asset.id} data-testid="asset-row">
                  <Table.Td>
                    <Anchor component={Link} to={`/assets/${asset.id}`}>
                      {asset.tag}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{contractCode.get(asset.contractId) ?? ''}</Table.Td>
                  <Table.Td>{t(`assets.type.${asset.type}`)}</Table.Td>
                  <Table.Td>{`${asset.manufacturer} ${asset.model}`.trim()}</Table.Td>
                  <Table.Td>{asset.serial}</Table.Td>
                  <Table.Td>{asset.hostname}</Table.Td>
                  <Table.Td>{asset.siteId ? (siteName.get(asset.siteId) ?? '') : ''}</Table.Td>
                  <Table.Td data-state={asset.state}>{t(`assets.state.${asset.state}`)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Paper>
      <Group justify="space-between">
        <Text c="dimmed" fz="sm" data-testid="asset-count" data-total={list.total}>
          {t('assets.list.range', { from: first, to: page * ASSET_PAGE_SIZE + list.items.length, total: list.total })}
        </Text>
        <Pagination total={pageCount} value={page + 1} onChange={setPage} hideWithOnePage size="sm" />
      </Group>
    </Stack>
  );
}
