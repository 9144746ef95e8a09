import '@mantine/charts/styles.css';
import { BarChart } from '@mantine/charts';
import { Alert, Button, Group, Paper, SegmentedControl, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import { useLanguage, useT } from '../../i18n/index.js';
import { useContracts, useNow, useStaffNames } from '../tickets/index.js';
import { downloadText } from './csv.js';
import { localDateString, periodFor, PERIOD_KINDS, type PeriodKind } from './period.js';
import { SlaRowsTable } from './SlaRowsTable.js';
import { useSupervisionRows } from './use-supervision-rows.js';
import { slaCsv } from './sla-csv.js';
import { AGE_BUCKETS, atRiskRows, breachedRows, metRates, openByAge, openByAssignee, percentOf, verdictIn, type MetRate } from './sla-report.js';

const OPEN_CLOCK: ReadonlySet<string> = new Set(['running', 'paused']);

function ChartCard({ title, empty, emptyText, testId, children }: { title: string; empty: boolean; emptyText: string; testId: string; children: React.ReactNode }) {
  return (
    <Paper withBorder p="md" radius="md" data-testid={testId}>
      <Text fw={600} mb="sm">
        {title}
      </Text>
      {empty ? (
        <Text c="dimmed" fz="sm" py="xl" ta="center">
          {emptyText}
        </Text>
      ) : (
        children
      )}
    </Paper>
  );
}

function Stat({ label, value, hint, testId, color }: { label: string; value: string; hint?: string; testId: string; color?: string }) {
  return (
    <Paper withBorder p="md" radius="md">
      <Text fz="sm" c="dimmed">
        {label}
      </Text>
      <Text fz={26} fw={700} c={color} data-testid={testId}>
        {value}
      </Text>
      {hint && (
        <Text fz="xs" c="dimmed">
          {hint}
        </Text>
      )}
    </Paper>
  );
}

/** Both clocks' met % in one chart row per group (contract or priority). */
function mergeRates(response: readonly MetRate[], resolution: readonly MetRate[], label: (key: string) => string) {
  const keys = [...new Set([...response.map((rate) => rate.key), ...resolution.map((rate) => rate.key)])].sort();
  return keys.map((key) => ({
    group: label(key),
    response: response.find((rate) => rate.key === key)?.percent ?? 0,
    resolution: resolution.find((rate) => rate.key === key)?.percent ?? 0,
  }));
}

/** `/supervision`: SLA met % per contract and priority, breaches, at-risk work and open work. */
export function SupervisionPage() {
  const t = useT();
  const language = useLanguage((state) => state.language);
  const now = useNow(60_000);
  const [params, setParams] = useSearchParams();
  const kind: PeriodKind = (PERIOD_KINDS as readonly string[]).includes(params.get('period') ?? '') ? (params.get('period') as PeriodKind) : 'week';
  const custom = { from: params.get('from') ?? localDateString(new Date(now.getTime() - 7 * 24 * 3600 * 1000)), to: params.get('to') ?? localDateString(now) };
  const contractFilter = params.get('contract');
  const period = useMemo(() => periodFor(kind, now, custom), [kind, now, custom.from, custom.to]); // eslint-disable-line react-hooks/exhaustive-deps
  const { contracts, byId } = useContracts();
  const names = useStaffNames();
  const { rows: allRows } = useSupervisionRows(period, byId, now);
  const rows = useMemo(() => (contractFilter ? allRows.filter((row) => row.ticket.contractId === contractFilter) : allRows), [allRows, contractFilter]);

  const update = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value === null) next.delete(key);
      else next.set(key, value);
    }
    setParams(next, { replace: true });
  };

  const report = useMemo(() => {
    if (!period) return null;
    const code = (id: string) => byId.get(id)?.code ?? id;
    const byContract = mergeRates(
      metRates(rows, 'response', period, (row) => row.ticket.contractId),
      metRates(rows, 'resolution', period, (row) => row.ticket.contractId),
      code,
    );
    const byPriority = mergeRates(
      metRates(rows, 'response', period, (row) => String(row.priority)),
      metRates(rows, 'resolution', period, (row) => String(row.priority)),
      (key) => t(`tickets.priority.${key}`),
    );
    const count = (clock: 'response' | 'resolution') => {
      const verdicts = rows.map((row) => verdictIn(row[clock], period)).filter((verdict) => verdict !== null);
      const met = verdicts.filter((verdict) => verdict === 'met').length;
      return { met, total: verdicts.length, percent: percentOf(met, verdicts.length) };
    };
    const openTickets = rows.filter((row) => OPEN_CLOCK.has(row.resolution.state)).map((row) => row.ticket);
    const ages = openByAge(openTickets, now);
    return {
      byContract,
      byPriority,
      response: count('response'),
      resolution: count('resolution'),
      breached: breachedRows(rows, period),
      atRisk: atRiskRows(rows),
      open: openTickets.length,
      byAge: AGE_BUCKETS.map((bucket) => ({ bucket: t(`supervisor.age.${bucket}`), tickets: ages[bucket] })),
      byTechnician: openByAssignee(openTickets).map(({ assigneeId, count }) => ({
        technician: assigneeId ? (names.get(assigneeId) ?? assigneeId) : t('supervisor.unassigned'),
        tickets: count,
      })),
    };
  }, [rows, period, byId, names, now, t]);

  const exportCsv = () => {
    if (!period) return;
    const text = slaCsv(rows, { t, contractCode: (id) => byId.get(id)?.code ?? id, staffName: (id) => names.get(id) ?? id });
    downloadText(`sla-${period.from.slice(0, 10)}_${period.to.slice(0, 10)}.csv`, text);
  };
  // Turkish writes the sign first: "%50".
  const percentText = (value: number | null) =>
    value === null ? '—' : language === 'tr' ? `%${value.toLocaleString('tr-TR')}` : `${value.toLocaleString('en-GB')} %`;

  return (
    <Stack gap="md" p="md" data-testid="supervision-page">
      <Group justify="space-between" align="flex-end">
        <Stack gap={2}>
          <Title order={2}>{t('supervisor.title')}</Title>
          <Text c="dimmed" fz="sm">
            {t('supervisor.subtitle')}
          </Text>
        </Stack>
        <Button leftSection={<IconDownload size={16} />} variant="light" onClick={exportCsv} disabled={!period} title={t('supervisor.csv.hint')} data-testid="supervision-export">
          {t('supervisor.csv.export')}
        </Button>
      </Group>
      <Group gap="sm" align="flex-end" wrap="wrap">
        <Stack gap={4}>
          <Text fz="sm" fw={500}>
            {t('supervisor.period.label')}
          </Text>
          <SegmentedControl
            value={kind}
            onChange={(value) => update({ period: value })}
            data={PERIOD_KINDS.map((value) => ({ value, label: t(`supervisor.period.${value}`) }))}
            data-testid="supervision-period"
          />
        </Stack>
        {kind === 'custom' && (
          <>
            <TextInput type="date" label={t('supervisor.period.from')} value={custom.from} onChange={(e) => update({ from: e.currentTarget.value })} data-testid="supervision-from" />
            <TextInput type="date" label={t('supervisor.period.to')} value={custom.to} onChange={(e) => update({ to: e.currentTarget.value })} data-testid="supervision-to" />
          </>
        )}
        <Select
          label={t('supervisor.contract.label')}
          data={[{ value: '', label: t('supervisor.contract.all') }, ...contracts.map((contract) => ({ value: contract.id, label: contract.code }))]}
          value={contractFilter ?? ''}
          onChange={(value) => update({ contract: value ? value : null })}
          allowDeselect={false}
          w={180}
          comboboxProps={{ keepMounted: false, withinPortal: true }}
        />
      </Group>
      {!report ? (
        <Alert color="orange">{t('supervisor.period.invalid')}</Alert>
      ) : (
        <>
          <SimpleGrid cols={{ base: 2, md: 5 }}>
            <Stat
              label={t('supervisor.stat.resolutionMet')}
              value={percentText(report.resolution.percent)}
              hint={report.resolution.total ? t('supervisor.stat.judged', { met: report.resolution.met, total: report.resolution.total }) : t('supervisor.stat.none')}
              testId="stat-resolution-met"
            />
            <Stat
              label={t('supervisor.stat.responseMet')}
              value={percentText(report.response.percent)}
              hint={report.response.total ? t('supervisor.stat.judged', { met: report.response.met, total: report.response.total }) : t('supervisor.stat.none')}
              testId="stat-response-met"
            />
            <Stat label={t('supervisor.stat.breached')} value={String(report.breached.length)} testId="stat-breached" color={report.breached.length ? 'red' : undefined} />
            <Stat label={t('supervisor.stat.atRisk')} value={String(report.atRisk.length)} testId="stat-at-risk" color={report.atRisk.length ? 'orange' : undefined} />
            <Stat label={t('supervisor.stat.open')} value={String(report.open)} testId="stat-open" />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, lg: 2 }}>
            <ChartCard title={t('supervisor.chart.byContract')} empty={report.byContract.length === 0} emptyText={t('supervisor.chart.empty')} testId="chart-by-contract">
              <BarChart
                h={220}
                data={report.byContract}
                dataKey="group"
                unit=" %"
                yAxisProps={{ domain: [0, 100] }}
                withLegend
                withBarValueLabel
                series={[
                  { name: 'response', label: t('supervisor.series.response'), color: 'blue.5' },
                  { name: 'resolution', label: t('supervisor.series.resolution'), color: 'teal.6' },
                ]}
              />
            </ChartCard>
            <ChartCard title={t('supervisor.chart.byPriority')} empty={report.byPriority.length === 0} emptyText={t('supervisor.chart.empty')} testId="chart-by-priority">
              <BarChart
                h={220}
                data={report.byPriority}
                dataKey="group"
                unit=" %"
                yAxisProps={{ domain: [0, 100] }}
                withLegend
                withBarValueLabel
                series={[
                  { name: 'response', label: t('supervisor.series.response'), color: 'blue.5' },
                  { name: 'resolution', label: t('supervisor.series.resolution'), color: 'teal.6' },
                ]}
              />
            </ChartCard>
          </SimpleGrid>
          <Stack gap="md">
            <Paper withBorder p="md" radius="md">
              <Text fw={600} mb="sm">
                {t('supervisor.breached.title')}
              </Text>
              <SlaRowsTable rows={report.breached} mode="breached" contracts={byId} names={names} emptyText={t('supervisor.breached.empty')} testId="supervision-breached" />
            </Paper>
            <Paper withBorder p="md" radius="md">
              <Text fw={600} mb="sm">
                {t('supervisor.atRisk.title')}
              </Text>
              <SlaRowsTable rows={report.atRisk} mode="atRisk" contracts={byId} names={names} emptyText={t('supervisor.atRisk.empty')} testId="supervision-at-risk" />
            </Paper>
          </Stack>
          <SimpleGrid cols={{ base: 1, lg: 2 }}>
            <ChartCard title={t('supervisor.chart.byAge')} empty={report.open === 0} emptyText={t('supervisor.chart.noOpen')} testId="chart-by-age">
              <BarChart h={220} data={report.byAge} dataKey="bucket" withBarValueLabel series={[{ name: 'tickets', label: t('supervisor.series.tickets'), color: 'indigo.5' }]} />
            </ChartCard>
            <ChartCard title={t('supervisor.chart.byTechnician')} empty={report.open === 0} emptyText={t('supervisor.chart.noOpen')} testId="chart-by-technician">
              <BarChart
                h={Math.max(160, report.byTechnician.length * 36)}
                data={report.byTechnician}
                dataKey="technician"
                orientation="vertical"
                yAxisProps={{ width: 120 }}
                withBarValueLabel
                series={[{ name: 'tickets', label: t('supervisor.series.tickets'), color: 'grape.5' }]}
              />
            </ChartCard>
          </SimpleGrid>
        </>
      )}
    </Stack>
  );
}
