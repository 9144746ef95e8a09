import { BarChart } from '@mantine/charts';
import { Badge, Button, Group, Paper, Progress, Table, Text, TextInput } from '@mantine/core';
import { IconDownload, IconSearch } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { softwareVersionRows, topSoftware } from '../../../common/inventory/reports.js';
import { useT } from '../../i18n/index.js';
import { downloadText, toCsv } from '../supervisor/csv.js';
import { useSoftwareReport } from './use-inventory-report.js';

const TOP = 15;
/** Version rows listed per program (the CSV has them all). */
const VERSIONS_SHOWN = 4;

/** Programs by number of assets (chart) and their versions (table), searchable, with CSV of every version row. */
export function SoftwareReport({ assets, fileName }: { assets: Parameters<typeof useSoftwareReport>[0]; fileName: string }) {
  const t = useT();
  const [search, setSearch] = useState('');
  const { rows, withSoftware, progress } = useSoftwareReport(assets);
  const top = useMemo(() => topSoftware(rows, search, TOP), [rows, search]);
  const csv = () =>
    downloadText(
      fileName,
      toCsv(
        [t('reports.software.product'), t('reports.software.version'), t('reports.column.count')],
        softwareVersionRows(topSoftware(rows, search, rows.length)).map((row) => [row.product, row.version, row.count]),
      ),
    );
  return (
    <Paper withBorder p="md" radius="md" data-testid="report-software" data-products={rows.length}>
      <Group justify="space-between" align="flex-start" mb="xs">
        <div>
          <Text fw={600}>{t('reports.software.title')}</Text>
          <Text fz="xs" c="dimmed">
            {t('reports.software.hint')} {t('reports.software.coverage', { with: withSoftware, total: assets.length })}
          </Text>
        </div>
        <Group gap="xs">
          <TextInput leftSection={<IconSearch size={14} />} placeholder={t('reports.software.search')} value={search} onChange={(event) => setSearch(event.currentTarget.value)} w={260} data-testid="report-software-search" />
          <Button variant="default" leftSection={<IconDownload size={16} />} onClick={csv} disabled={rows.length === 0} data-testid="report-software-csv">
            {t('reports.csv')}
          </Button>
        </Group>
      </Group>
      {!progress.ready && progress.total > 0 && (
        <>
          <Text fz="sm" c="dimmed">
            {t('reports.software.loading', { done: progress.done, total: progress.total })}
          </Text>
          <Progress value={(100 * progress.done) / progress.total} mb="sm" />
        </>
      )}
      {progress.ready && top.length === 0 && (
        <Text c="dimmed" fz="sm" py="lg" ta="center">
          {t('reports.software.none')}
        </Text>
      )}
      {top.length > 0 && (
        <Group align="flex-start" grow>
          <BarChart
            h={Math.max(160, top.length * 28 + 20)}
            data={top.map((row) => ({ name: row.product.length > 32 ? `${row.product.slice(0, 31)}…` : row.product, count: row.count }))}
            dataKey="name"
            orientation="vertical"
            yAxisProps={{ width: 200 }}
            xAxisProps={{ allowDecimals: false }}
            withBarValueLabel
            series={[{ name: 'count', label: t('reports.column.count'), color: 'teal.6' }]}
          />
          <Table striped data-testid="report-software-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('reports.software.product')}</Table.Th>
                <Table.Th>{t('reports.software.version')}</Table.Th>
                <Table.Th ta="right">{t('reports.column.count')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {top.flatMap((row) =>
                row.versions.slice(0, VERSIONS_SHOWN).map((version, index) => (
                  <Table.Tr key={`${row.product}\u0000${version.version}`} data-testid="report-software-row" data-product={row.product} data-version={version.version} data-count={version.count}>
                    <Table.Td>
                      {index === 0 ? row.product : ''}
                      {index === 0 && row.versions.length > 1 && (
                        <Badge size="xs" variant="light" ml={6}>
                          {t('reports.software.versions', { count: row.versions.length })}
                        </Badge>
                      )}
                    </Table.Td>
                    <Table.Td ff="monospace" fz="sm">
                      {version.version || '—'}
                    </Table.Td>
                    <Table.Td ta="right">{version.count}</Table.Td>
                  </Table.Tr>
                )),
              )}
            </Table.Tbody>
          </Table>
        </Group>
      )}
    </Paper>
  );
}
