import '@mantine/charts/styles.css';
import { Group, Loader, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useSearchParams } from 'react-router-dom';
import { useT } from '../../i18n/index.js';
import { useContracts } from '../tickets/use-ticket-lookups.js';
import { ReportChartCard } from './ReportChartCard.js';
import { SoftwareReport } from './SoftwareReport.js';
import { useAssetReport } from './use-inventory-report.js';

/** `/reports`: inventory counts as charts, filtered by contract and site, from the local replica. */
export function ReportsPage() {
  const t = useT();
  const [params, setParams] = useSearchParams();
  const contractId = params.get('contract') || null;
  const siteId = params.get('site') || null;
  const { contracts, byId } = useContracts();
  const report = useAssetReport({ contractId, siteId });
  const sites = contracts.filter((contract) => !contractId || contract.id === contractId).flatMap((contract) => contract.sites);
  const siteNames = new Map(contracts.flatMap((contract) => contract.sites.map((site) => [site.id, site.name] as const)));
  const none = t('reports.none');
  const set = (next: { contract?: string | null; site?: string | null }) => {
    const values = { contract: contractId, site: siteId, ...next };
    const search = new URLSearchParams();
    if (values.contract) search.set('contract', values.contract);
    if (values.site) search.set('site', values.site);
    setParams(search, { replace: true });
  };
  const stamp = new Date().toISOString().slice(0, 10);
  const file = (name: string) => `inventory-${name}-${byId.get(contractId ?? '')?.code ?? 'all'}-${stamp}.csv`;
  const counts = report.counts;

  return (
    <Stack gap="md" p="md" data-testid="reports-page">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2}>{t('reports.title')}</Title>
          <Text c="dimmed" fz="sm" data-testid="reports-total" data-total={counts?.total ?? 0}>
            {t('reports.subtitle', { total: counts?.total ?? 0 })}
          </Text>
        </div>
        <Group gap="sm" align="flex-end">
          {report.loading && <Loader size="sm" />}
          <Select
            label={t('reports.filter.contract')}
            placeholder={t('reports.filter.all')}
            clearable
            data={contracts.map((contract) => ({ value: contract.id, label: contract.code }))}
            value={contractId}
            onChange={(value) => set({ contract: value, site: null })}
            w={160}
            data-testid="reports-contract"
          />
          <Select
            label={t('reports.filter.site')}
            placeholder={t('reports.filter.all')}
            clearable
            data={sites.map((site) => ({ value: site.id, label: site.name }))}
            value={siteId}
            onChange={(value) => set({ site: value })}
            w={200}
            data-testid="reports-site"
          />
        </Group>
      </Group>
      {!counts ? (
        <Text c="dimmed">{t('reports.loading')}</Text>
      ) : (
        <>
          <SimpleGrid cols={{ base: 1, md: 2, xl: 3 }} spacing="md">
            <ReportChartCard title={t('reports.chart.state')} rows={counts.state} label={(key) => t(`assets.state.${key}`)} kind="bars" limit={8} fileName={file('state')} testId="report-state" />
            <ReportChartCard title={t('reports.chart.type')} rows={counts.type} label={(key) => t(`assets.type.${key}`)} kind="donut" limit={7} fileName={file('type')} testId="report-type" />
            <ReportChartCard title={t('reports.chart.contract')} rows={counts.contract} label={(key) => byId.get(key)?.code ?? key} kind="donut" limit={8} fileName={file('contract')} testId="report-contract" />
            <ReportChartCard title={t('reports.chart.site')} rows={counts.site} label={(key) => (key ? (siteNames.get(key) ?? key) : none)} kind="bars" limit={10} fileName={file('site')} testId="report-site" />
            <ReportChartCard title={t('reports.chart.model')} rows={counts.model} label={(key) => key || none} kind="bars" limit={10} fileName={file('model')} testId="report-model" />
            <ReportChartCard title={t('reports.chart.os')} rows={counts.os} label={(key) => key || none} kind="bars" limit={8} fileName={file('os')} testId="report-os" />
          </SimpleGrid>
          <SoftwareReport assets={report.assets} fileName={file('software')} />
        </>
      )}
    </Stack>
  );
}
