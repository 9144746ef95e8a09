import { BarChart, DonutChart } from '@mantine/charts';
import { ActionIcon, ColorSwatch, Group, Paper, Stack, Text, Tooltip } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { topWithOther, type CountRow } from '../../../common/inventory/reports.js';
import { useT } from '../../i18n/index.js';
import { downloadText, toCsv } from '../supervisor/csv.js';

const COLORS = ['blue.6', 'teal.6', 'orange.6', 'grape.6', 'red.6', 'cyan.6', 'lime.7', 'indigo.6', 'pink.6', 'yellow.7', 'gray.6'];

export interface ReportChartProps {
  readonly title: string;
  readonly rows: readonly CountRow[];
  /** Display name of a grouped value. */
  readonly label: (key: string) => string;
  readonly kind: 'bars' | 'columns' | 'donut';
  /** Rows charted before the rest become "Other" (the CSV always has every row). */
  readonly limit: number;
  readonly fileName: string;
  readonly testId: string;
}

/** One grouping as a chart (people look before they read), with every row as CSV a click away. */
export function ReportChartCard({ title, rows, label, kind, limit, fileName, testId }: ReportChartProps) {
  const t = useT();
  const total = rows.reduce((sum, row) => sum + row.count, 0);
  const shown = topWithOther(rows, limit, '\u0000other').map((row) => ({ name: row.key === '\u0000other' ? t('reports.other') : label(row.key), count: row.count }));
  const csv = () =>
    downloadText(
      fileName,
      toCsv(
        [title, t('reports.column.count'), t('reports.column.share')],
        rows.map((row) => [label(row.key), row.count, total > 0 ? `${((100 * row.count) / total).toFixed(1)} %` : '']),
      ),
    );
  let chart;
  if (kind === 'donut') {
    const slices = shown.map((row, index) => ({ name: row.name, value: row.count, color: COLORS[index % COLORS.length] ?? 'gray.6' }));
    chart = (
      <Group align="center" wrap="nowrap" gap="lg">
        <DonutChart h={200} size={170} thickness={26} withLabelsLine withLabels chartLabel={String(total)} data={slices} />
        {/* The donut's own labels are numbers: the legend names each slice. */}
        <Stack gap={4}>
          {slices.map((slice) => (
            <Group key={slice.name} gap={6} wrap="nowrap">
              <ColorSwatch color={`var(--mantine-color-${slice.color.replace('.', '-')})`} size={12} />
              <Text fz="sm">
                {slice.name} · {slice.value}
              </Text>
            </Group>
          ))}
        </Stack>
      </Group>
    );
  } else {
    chart = (
      <BarChart
        h={kind === 'bars' ? Math.max(140, shown.length * 30 + 20) : 240}
        data={shown}
        dataKey="name"
        orientation={kind === 'bars' ? 'vertical' : 'horizontal'}
        // Counts are whole numbers: no 0.5 ticks on small sets.
        yAxisProps={kind === 'bars' ? { width: 170 } : { allowDecimals: false }}
        xAxisProps={kind === 'bars' ? { allowDecimals: false } : undefined}
        withBarValueLabel
        series={[{ name: 'count', label: t('reports.column.count'), color: 'blue.6' }]}
      />
    );
  }
  return (
    <Paper withBorder p="md" radius="md" data-testid={testId} data-rows={rows.length} data-total={total}>
      <Group justify="space-between" mb="sm">
        <Text fw={600}>{title}</Text>
        <Tooltip label={t('reports.csv')}>
          <ActionIcon variant="subtle" onClick={csv} aria-label={`${title} CSV`} data-testid={`${testId}-csv`}>
            <IconDownload size={16} />
          </ActionIcon>
        </Tooltip>
      </Group>
      {rows.length === 0 ? (
        <Text c="dimmed" fz="sm" py="xl" ta="center">
          {t('reports.empty')}
        </Text>
      ) : (
        chart
      )}
    </Paper>
  );
}
