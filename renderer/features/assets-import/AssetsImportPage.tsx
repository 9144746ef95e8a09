import { Alert, Button, FileButton, Group, Paper, Select, Stack, Table, Text, Title } from '@mantine/core';
import { IconDownload, IconUpload } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { newId } from '../../../common/domain/ids.js';
import { assetsToCsv, planAssetImport, type AssetImportPlan } from '../../../common/inventory/csv-assets.js';
import type { Asset } from '../../../common/schemas/assets.js';
import { useDatabase } from '../../app/database-context.js';
import { useRxQuery } from '../../db/use-rx.js';
import { useT } from '../../i18n/index.js';
import { downloadText } from '../audit/audit-report-csv.js';
import { useContracts } from '../tickets/use-ticket-lookups.js';
import { importPlannedAssets } from './asset-import-commands.js';

/** `/assets-import`: export the filtered assets as CSV; import a CSV with a per-row validation report. */
export function AssetsImportPage() {
  const t = useT();
  const db = useDatabase();
  const { contracts, byId } = useContracts();
  const [contractId, setContractId] = useState<string | null>(null);
  const [siteId, setSiteId] = useState<string | null>(null);
  const [file, setFile] = useState<{ name: string; plan: AssetImportPlan } | null>(null);
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  const { docs: assets } = useRxQuery<Asset>(
    () => db.assets.find(contractId ? { selector: { contractId }, sort: [{ contractId: 'asc' }, { tag: 'asc' }] } : { sort: [{ tag: 'asc' }] }),
    [db, contractId],
  );
  const filtered = useMemo(() => (siteId ? assets.filter((asset) => asset.siteId === siteId) : assets), [assets, siteId]);
  const sites = contractId ? (byId.get(contractId)?.sites ?? []) : [];

  const exportCsv = () => {
    const code = contractId ? (byId.get(contractId)?.code ?? 'assets') : 'all';
    downloadText(`assets-${code}-${new Date().toISOString().slice(0, 10)}.csv`, assetsToCsv(filtered, byId));
  };

  const choose = async (chosen: File | null) => {
    setResult(null);
    if (!chosen) return;
    const text = await chosen.text();
    // Tag uniqueness is checked against every asset of this replica, not only the filtered ones.
    const existing = await db.assets.find().exec();
    const plan = planAssetImport(text, { contracts, existing: existing.map((doc) => ({ contractId: doc.contractId, tag: doc.tag })), now: new Date(), newId });
    setFile({ name: chosen.name, plan });
  };

  const runImport = async (validRowsOnly: boolean) => {
    if (!file) return;
    setBusy(true);
    try {
      const outcome = await importPlannedAssets(db, file.plan, validRowsOnly);
      setResult(outcome.ok ? { ok: true, text: t('assetsImport.import.done', { count: outcome.written }) } : { ok: false, text: t('assetsImport.import.failed', { message: outcome.message }) });
      if (outcome.ok) setFile(null);
    } finally {
      setBusy(false);
    }
  };

  const plan = file?.plan;
  return (
    <Stack gap="md" p="md">
      <Title order={2}>{t('assetsImport.title')}</Title>
      <Paper withBorder radius="md" p="md">
        <Stack gap="sm">
          <Title order={4}>{t('assetsImport.export.title')}</Title>
          <Group align="flex-end">
            <Select
              label={t('assetsImport.contract')}
              placeholder={t('assetsImport.allContracts')}
              data={contracts.map((c) => ({ value: c.id, label: `${c.code} – ${c.customerName}` }))}
              value={contractId}
              onChange={(value) => {
                setContractId(value);
                setSiteId(null);
              }}
              clearable
              w={280}
            />
            <Select
              label={t('assetsImport.site')}
              placeholder={t('assetsImport.allSites')}
              data={sites.map((site) => ({ value: site.id, label: site.name }))}
              value={siteId}
              onChange={setSiteId}
              clearable
              disabled={!contractId}
              w={240}
            />
            <Button leftSection={<IconDownload size={16} />} onClick={exportCsv} disabled={filtered.length === 0} data-testid="assets-export">
              {t('assetsImport.export.button')}
            </Button>
          </Group>
          <Text fz="sm" c="dimmed" data-testid="assets-export-count">
            {t('assetsImport.export.count', { count: filtered.length })}
          </Text>
        </Stack>
      </Paper>
      <Paper withBorder radius="md" p="md">
        <Stack gap="sm">
          <Title order={4}>{t('assetsImport.import.title')}</Title>
          <Text fz="sm" c="dimmed">
            {t('assetsImport.import.hint')}
          </Text>
          <Group>
            <FileButton onChange={(chosen) => void choose(chosen)} accept=".csv,text/csv,text/plain">
              {(props) => (
                <Button variant="default" leftSection={<IconUpload size={16} />} {...props} data-testid="assets-import-choose">
                  {t('assetsImport.import.choose')}
                </Button>
              )}
            </FileButton>
          </Group>
          {result && (
            <Alert color={result.ok ? 'green' : 'red'} data-testid="assets-import-result">
              {result.text}
            </Alert>
          )}
          {file && plan && (
            <Stack gap="sm" data-testid="assets-import-report">
              <Text fw={600}>{t('assetsImport.import.summary', { file: file.name, rows: plan.rowCount, valid: plan.valid.length, issues: plan.issues.length })}</Text>
              {plan.issues.length === 0 ? (
                <Alert color="green">{t('assetsImport.import.ok')}</Alert>
              ) : (
                <>
                  <Alert color="orange">{t('assetsImport.import.blocked')}</Alert>
                  <Table data-testid="assets-import-issues">
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th>{t('assetsImport.column.row')}</Table.Th>
                        <Table.Th>{t('assetsImport.column.field')}</Table.Th>
                        <Table.Th>{t('assetsImport.column.message')}</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {plan.issues.slice(0, 500).map((issue, index) => (
                        <Table.Tr key={`${issue.row}-${issue.field}-${index}`} data-row={issue.row} data-field={issue.field}>
                          <Table.Td>{issue.row}</Table.Td>
                          <Table.Td ff="monospace">{issue.field}</Table.Td>
                          <Table.Td>{issue.message}</Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </>
              )}
              <Group>
                <Button onClick={() => void runImport(false)} disabled={plan.issues.length > 0 || plan.valid.length === 0} loading={busy} data-testid="assets-import-all">
                  {t('assetsImport.import.all', { count: plan.valid.length })}
                </Button>
                {plan.issues.length > 0 && (
                  <Button variant="light" color="orange" onClick={() => void runImport(true)} disabled={plan.valid.length === 0} loading={busy} data-testid="assets-import-valid">
                    {t('assetsImport.import.validOnly', { count: plan.valid.length })}
                  </Button>
                )}
              </Group>
            </Stack>
          )}
        </Stack>
      </Paper>
    </Stack>
  );
}
