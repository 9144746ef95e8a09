import { Alert, Anchor, Badge, Button, Checkbox, Group, Modal, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconArrowLeft, IconDownload, IconFileTypePdf, IconLock, IconPrinter } from '@tabler/icons-react';
import { useCallback, useMemo, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { buildAuditReport, indexAssetsByTag, type AuditCounts, type ScanResult } from '../../../common/inventory/audit.js';
import { useSession } from '../../app/session-store.js';
import { getDesktop } from '../../platform/desktop.js';
import { useLanguage, useT } from '../../i18n/index.js';
import { ScanInput, type ScanSource } from '../../ui/scan-input/index.js';
import { formatDateTime } from '../tickets/ticket-format.js';
import { useContracts, useStaffNames } from '../tickets/use-ticket-lookups.js';
import { AuditReportView } from './AuditReportView.js';
import { auditPdfDocument } from './audit-pdf.js';
import { auditReportCsv, downloadText } from './audit-report-csv.js';
import { useAuditCommands } from './use-audit-commands.js';
import { useAudit, useContractAssets } from './use-audits.js';
import './audit-print.css';

const RESULT_COLORS: Record<ScanResult, string> = { found: 'green', found_elsewhere: 'orange', unknown: 'red', duplicate: 'gray' };

const COUNT_KEYS: readonly (keyof AuditCounts)[] = ['expected', 'found', 'foundElsewhere', 'unknown', 'duplicate', 'missing'];

function CountCards({ counts }: { counts: AuditCounts }) {
  const t = useT();
  return (
    <SimpleGrid cols={{ base: 3, md: 6 }} spacing="xs" data-testid="audit-counts">
      {COUNT_KEYS.map((key) => (
        <Paper key={key} withBorder p="xs" radius="md" data-testid={`audit-count-${key}`} data-count={counts[key]}>
          <Text fz="xs" c="dimmed">
            {t(`audit.count.${key}`)}
          </Text>
          <Text fz="xl" fw={700}>
            {counts[key]}
          </Text>
        </Paper>
      ))}
    </SimpleGrid>
  );
}

/** `/audits/:id`: scan while open (offline is fine), every scan classified live; after closing, the report. */
export function AuditPage() {
  const { id = '' } = useParams();
  const t = useT();
  const language = useLanguage((state) => state.language);
  const userId = useSession((state) => state.user?.id ?? null);
  const { audit, scans } = useAudit(id);
  const { byId: contracts } = useContracts();
  const staffNames = useStaffNames();
  const assets = useContractAssets(audit?.contractId ?? null);
  const commands = useAuditCommands();
  const [confirming, setConfirming] = useState(false);
  const [closing, setClosing] = useState(false);
  const [moveIds, setMoveIds] = useState<readonly string[]>([]);
  const [pdfState, setPdfState] = useState<{ busy: boolean; message: string | null; ok: boolean; path?: string }>({ busy: false, message: null, ok: true });
  const desktop = getDesktop();

  const byTag = useMemo(() => indexAssetsByTag(assets), [assets]);
  const assetsById = useMemo(() => new Map(assets.map((asset) => [asset.id, asset])), [assets]);
  const report = useMemo(() => (audit ? buildAuditReport(audit.start, scans) : null), [audit, scans]);
  const contract = audit ? contracts.get(audit.contractId) : undefined;
  const siteName = useCallback((siteId: string | null) => contract?.sites.find((site) => site.id === siteId)?.name ?? siteId ?? '', [contract]);
  const assetName = useCallback(
    (assetId: string | null) => {
      const asset = assetId ? assetsById.get(assetId) : undefined;
      return asset ? `${asset.manufacturer} ${asset.model}`.trim() : '';
    },
    [assetsById],
  );

  const auditLabel = audit
    ? `${contract?.code ?? ''} · ${siteName(audit.start.siteId)}${audit.start.room ? ` / ${audit.start.room}` : ''} · ${audit.startedAt.slice(0, 10)}`
    : '';
  const elsewhere = useMemo(
    () => (report ? report.scans.filter((scan) => scan.result === 'found_elsewhere' && scan.assetId !== null) : []),
    [report],
  );

  const onScan = useCallback(
    (tag: string, source: ScanSource) => {
      if (!audit) return;
      // Each scan is its own insert; the live query reclassifies from the events.
      void commands.scan({ id: audit.id, contractId: audit.contractId, label: auditLabel }, tag, source, byTag);
    },
    [audit, commands, byTag, auditLabel],
  );

  if (!audit || !report) {
    return (
      <Stack p="md">
        <Anchor component={Link} to="/audits">
          {t('audit.detail.back')}
        </Anchor>
        <Text c="dimmed">{t('audit.detail.notFound')}</Text>
      </Stack>
    );
  }

  const closed = audit.closedAt !== null;
  const place = `${siteName(audit.start.siteId)}${audit.start.room ? ` / ${audit.start.room}` : ''}`;
  const recent = [...report.scans].reverse().map((scan) => ({
    key: scan.eventId,
    tag: scan.tag,
    badge: (
      <Badge color={RESULT_COLORS[scan.result]} variant="light" data-result={scan.result}>
        {t(`audit.result.${scan.result}`)}
      </Badge>
    ),
  }));

  const close = async () => {
    setClosing(true);
    try {
      await commands.close({ id: audit.id, contractId: audit.contractId, start: audit.start }, scans, { label: auditLabel, moveAssetIds: moveIds });
      setConfirming(false);
    } finally {
      setClosing(false);
    }
  };
  const savePdf = async () => {
    if (!desktop) return;
    setPdfState({ busy: true, message: null, ok: true });
    const period = `${formatDateTime(audit.startedAt, language)}${audit.closedAt ? ` – ${formatDateTime(audit.closedAt, language)}` : ''}`;
    const auditor = staffNames.get(audit.startedBy) ?? audit.startedBy;
    const spec = auditPdfDocument(
      {
        auditId: audit.id,
        title: `${t('audit.report.title')} · ${contract?.code ?? ''} · ${place}`,
        subtitle: `${contract?.customerName ?? ''} · ${period}`,
        customer: contract?.customerName ?? '',
        place,
        auditor,
        period,
        report,
        names: { site: siteName, asset: assetName },
        language,
        now: new Date(),
      },
      t,
    );
    const fileName = `audit-${(contract?.code ?? 'audit').replace(/[^A-Za-z0-9_-]/g, '')}-${audit.startedAt.slice(0, 10)}.pdf`;
    try {
      const result = await desktop.pdf.save(spec, fileName);
      if (!result.ok) setPdfState({ busy: false, message: t('audit.detail.pdfFailed', { message: result.error.message }), ok: false });
      else setPdfState({ busy: false, message: result.value.saved ? t('audit.detail.pdfSaved', { path: result.value.path ?? '' }) : null, ok: true, path: result.value.path ?? '' });
    } catch (error) {
      setPdfState({ busy: false, message: t('audit.detail.pdfFailed', { message: error instanceof Error ? error.message : String(error) }), ok: false });
    }
  };
  const download = () => downloadText(`audit-${contract?.code ?? ''}-${audit.startedAt.slice(0, 10)}.csv`, auditReportCsv(report, { site: siteName, asset: assetName }, t));

  return (
    <Stack gap="md" p="md" data-testid="audit-page" data-state={closed ? 'closed' : 'open'}>
      <Group justify="space-between" className="audit-no-print">
        <Anchor component={Link} to="/audits">
          <Group gap={4}>
            <IconArrowLeft size={14} />
            {t('audit.detail.back')}
          </Group>
        </Anchor>
        <Group gap="xs">
          {closed ? (
            <>
              <Button variant="default" leftSection={<IconDownload size={16} />} onClick={download} data-testid="audit-csv">
                {t('audit.detail.csv')}
              </Button>
              <Button
                variant="default"
                leftSection={<IconFileTypePdf size={16} />}
                onClick={() => void savePdf()}
                disabled={!desktop}
                loading={pdfState.busy}
                title={desktop ? undefined : t('audit.detail.pdfUnavailable')}
                data-testid="audit-pdf"
              >
                {t('audit.detail.pdf')}
              </Button>
              <Button variant="default" leftSection={<IconPrinter size={16} />} onClick={() => window.print()} data-testid="audit-print">
                {t('audit.detail.print')}
              </Button>
            </>
          ) : (
            <Button color="red" variant="light" leftSection={<IconLock size={16} />} onClick={() => setConfirming(true)} data-testid="audit-close">
              {t('audit.detail.close')}
            </Button>
          )}
        </Group>
      </Group>
      <div className="audit-no-print">
        <Title order={2}>{t('audit.detail.title', { place })}</Title>
        <Text c="dimmed" fz="sm">
          {contract?.code} · {t('audit.detail.startedBy', { time: formatDateTime(audit.startedAt, language), name: staffNames.get(audit.startedBy) ?? audit.startedBy })}
          {closed && audit.closedAt ? ` · ${t('audit.detail.closedAt', { time: formatDateTime(audit.closedAt, language) })}` : ''}
        </Text>
      </div>
      <div className="audit-no-print">
        <CountCards counts={report.counts} />
      </div>
      {!closed && userId === audit.startedBy && (
        <div className="audit-no-print">
          <ScanInput onScan={onScan} recent={recent} recentLimit={10} />
        </div>
      )}
      {closed && (
        <Alert variant="light" color="gray" className="audit-no-print">
          {desktop ? t('audit.detail.printHint') : t('audit.detail.pdfUnavailable')}
        </Alert>
      )}
      {pdfState.message && (
        <Alert variant="light" color={pdfState.ok ? 'green' : 'red'} className="audit-no-print" data-testid="audit-pdf-result" data-path={pdfState.path}>
          {pdfState.message}
        </Alert>
      )}
      <AuditReportView
        title={`${t('audit.report.title')} · ${contract?.code ?? ''} · ${place}`}
        subtitle={`${contract?.customerName ?? ''} · ${formatDateTime(audit.startedAt, language)}${audit.closedAt ? ` – ${formatDateTime(audit.closedAt, language)}` : ''}`}
        report={report}
        expected={audit.start.expected}
        closed={closed}
        siteName={siteName}
        assetName={assetName}
      />
      <Modal opened={confirming} onClose={() => setConfirming(false)} title={t('audit.detail.close')} centered>
        <Stack>
          <Text>{t('audit.detail.closeConfirm', { missing: report.counts.missing })}</Text>
          {elsewhere.length > 0 && (
            <Stack gap={4} data-testid="audit-move-list">
              <Text fw={500}>{t('audit.close.moveTitle', { place })}</Text>
              <Text fz="sm" c="dimmed">
                {t('audit.close.moveHint')}
              </Text>
              {elsewhere.map((scan) => (
                <div key={scan.eventId} data-testid="audit-move-asset" data-tag={scan.tag}>
                  <Checkbox
                    label={`${scan.tag} · ${assetName(scan.assetId)} · ${[siteName(scan.assetSiteId), scan.assetRoom].filter(Boolean).join(' / ')}`}
                    checked={moveIds.includes(scan.assetId ?? '')}
                    onChange={(event) => {
                      const id = scan.assetId ?? '';
                      const on = event.currentTarget.checked;
                      setMoveIds((ids) => (on ? [...ids, id] : ids.filter((other) => other !== id)));
                    }}
                  />
                </div>
              ))}
            </Stack>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)}>
              {t('audit.detail.closeCancel')}
            </Button>
            <Button color="red" onClick={() => void close()} loading={closing} data-testid="audit-close-confirm">
              {t('audit.detail.close')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
