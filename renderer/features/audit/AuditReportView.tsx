import { Badge, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import type { AuditReport, ExpectedAsset, ScanResult } from '../../../common/inventory/audit.js';
import { useT } from '../../i18n/index.js';

const NOWRAP = { whiteSpace: 'nowrap' } as const;
// Badges cut long labels with an ellipsis; in a table the whole result must show.
const FULL = { label: { overflow: 'visible' } } as const;
const COLORS: Record<ScanResult, string> = { found: 'green', found_elsewhere: 'orange', unknown: 'red', duplicate: 'gray' };

interface Props {
  readonly title: string;
  readonly subtitle: string;
  readonly report: AuditReport;
  readonly expected: readonly ExpectedAsset[];
  readonly closed: boolean;
  readonly siteName: (siteId: string | null) => string;
  readonly assetName: (assetId: string | null) => string;
}

/** The report body: on screen under the scan field, and alone on paper (audit-print.css hides the rest). */
export function AuditReportView({ title, subtitle, report, expected, closed, siteName, assetName }: Props) {
  const t = useT();
  const scanned = new Set(report.scans.map((scan) => scan.tag));
  return (
    <Stack gap="md" className="audit-report" data-testid="audit-report">
      <div className="audit-print-only">
        <Title order={3}>{title}</Title>
        <Text fz="sm">{subtitle}</Text>
        <Text fz="sm">
          {(['expected', 'found', 'foundElsewhere', 'unknown', 'duplicate', 'missing'] as const)
            .map((key) => `${t(`audit.count.${key}`)}: ${report.counts[key]}`)
            .join(' · ')}
        </Text>
      </div>
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
        <Paper withBorder radius="md" p="sm">
          <Title order={4} mb="xs">
            {closed ? t('audit.detail.missing') : t('audit.detail.expectedList')}
          </Title>
          {closed && report.missing.length === 0 ? (
            <Text c="dimmed">{t('audit.detail.noMissing')}</Text>
          ) : (
            <Table data-testid={closed ? 'audit-missing' : 'audit-expected'}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('audit.column.tag')}</Table.Th>
                  <Table.Th>{t('audit.column.asset')}</Table.Th>
                  <Table.Th>{t('audit.column.location')}</Table.Th>
                  {!closed && <Table.Th>{t('audit.column.state')}</Table.Th>}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {(closed ? report.missing : []).map((asset) => (
                  <Table.Tr key={asset.assetId} data-testid="audit-missing-row" data-tag={asset.tag}>
                    <Table.Td ff="monospace">{asset.tag}</Table.Td>
                    <Table.Td>{assetName(asset.assetId)}</Table.Td>
                    <Table.Td>{asset.room}</Table.Td>
                  </Table.Tr>
                ))}
                {!closed &&
                  expected.map((asset) => ({ ...asset, done: scanned.has(asset.tag) })).map((asset) => (
                    <Table.Tr key={asset.assetId} data-testid="audit-expected-row" data-tag={asset.tag} data-scanned={asset.done}>
                      <Table.Td ff="monospace">{asset.tag}</Table.Td>
                      <Table.Td>{assetName(asset.assetId)}</Table.Td>
                      <Table.Td>{asset.room}</Table.Td>
                      <Table.Td style={NOWRAP}>
                        <Badge color={asset.done ? 'green' : 'gray'} variant="light" styles={FULL}>
                          {asset.done ? t('audit.detail.scanned') : t('audit.detail.notScanned')}
                        </Badge>
                      </Table.Td>
                    </Table.Tr>
                  ))}
              </Table.Tbody>
            </Table>
          )}
        </Paper>
        <Paper withBorder radius="md" p="sm">
          <Title order={4} mb="xs">
            {t('audit.detail.scans')} ({report.scans.length})
          </Title>
          <Table data-testid="audit-scans">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('audit.column.tag')}</Table.Th>
                <Table.Th>{t('audit.column.result')}</Table.Th>
                <Table.Th>{t('audit.column.location')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {report.scans.map((scan) => (
                <Table.Tr key={scan.eventId} data-testid="audit-scan-row" data-result={scan.result}>
                  <Table.Td ff="monospace" style={NOWRAP}>
                    {scan.tag}
                  </Table.Td>
                  <Table.Td style={NOWRAP}>
                    <Badge color={COLORS[scan.result]} variant="light" styles={FULL}>
                      {t(`audit.result.${scan.result}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{scan.assetId ? [siteName(scan.assetSiteId), scan.assetRoom].filter(Boolean).join(' / ') : ''}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      </SimpleGrid>
    </Stack>
  );
}
