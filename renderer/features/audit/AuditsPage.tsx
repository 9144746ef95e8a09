import { Badge, Button, Group, Paper, Select, Stack, Table, Text, Title } from '@mantine/core';
import { IconClipboardCheck } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { expectedAssets } from '../../../common/inventory/audit.js';
import { useLanguage, useT } from '../../i18n/index.js';
import { formatDateTime } from '../tickets/ticket-format.js';
import { useContracts, useStaffNames } from '../tickets/use-ticket-lookups.js';
import { useAuditCommands } from './use-audit-commands.js';
import { useAuditList, useContractAssets } from './use-audits.js';

/** `/audits`: start an audit of a site or room (offline is fine) and the audits this device knows. */
export function AuditsPage() {
  const t = useT();
  const language = useLanguage((state) => state.language);
  const navigate = useNavigate();
  const { contracts, byId } = useContracts();
  const staffNames = useStaffNames();
  const { audits } = useAuditList();
  const commands = useAuditCommands();
  const [contractId, setContractId] = useState<string | null>(null);
  const [siteId, setSiteId] = useState<string | null>(null);
  const [room, setRoom] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const assets = useContractAssets(contractId);
  const contract = contractId ? byId.get(contractId) : undefined;

  const rooms = useMemo(
    () => [...new Set(assets.filter((asset) => asset.siteId === siteId && asset.room).map((asset) => asset.room))].sort((a, b) => a.localeCompare(b, language)),
    [assets, siteId, language],
  );
  const expectedCount = siteId ? expectedAssets(assets, siteId, room).length : 0;
  const siteName = (cid: string, sid: string) => byId.get(cid)?.sites.find((site) => site.id === sid)?.name ?? sid;

  const start = async () => {
    if (!contractId || !siteId) return;
    setBusy(true);
    try {
      const id = await commands.start(contractId, siteId, room);
      void navigate(`/audits/${id}`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Stack gap="md" p="md">
      <Title order={2}>{t('audit.list.title')}</Title>
      <Paper withBorder radius="md" p="md">
        <Stack gap="sm">
          <Title order={4}>{t('audit.start.title')}</Title>
          <Text fz="sm" c="dimmed">
            {t('audit.start.hint')}
          </Text>
          <Group align="flex-end">
            <Select
              label={t('audit.start.contract')}
              data={contracts.map((c) => ({ value: c.id, label: `${c.code} – ${c.customerName}` }))}
              value={contractId}
              onChange={(value) => {
                setContractId(value);
                setSiteId(null);
                setRoom(null);
              }}
              data-testid="audit-contract"
              w={280}
            />
            <Select
              label={t('audit.start.site')}
              data={(contract?.sites ?? []).map((site) => ({ value: site.id, label: site.name }))}
              value={siteId}
              onChange={(value) => {
                setSiteId(value);
                setRoom(null);
              }}
              disabled={!contract}
              data-testid="audit-site"
              w={240}
            />
            <Select
              label={t('audit.start.room')}
              placeholder={t('audit.start.wholeSite')}
              data={rooms}
              value={room}
              onChange={setRoom}
              clearable
              searchable
              disabled={!siteId}
              data-testid="audit-room"
              w={200}
            />
            <Button leftSection={<IconClipboardCheck size={16} />} onClick={() => void start()} disabled={!siteId} loading={busy} data-testid="audit-start">
              {t('audit.start.submit')}
            </Button>
          </Group>
          {siteId && (
            <Text fz="sm" data-testid="audit-expected-count">
              {t('audit.start.expected', { count: expectedCount })}
            </Text>
          )}
        </Stack>
      </Paper>
      <Paper withBorder radius="md">
        {audits.length === 0 ? (
          <Text c="dimmed" ta="center" p="xl">
            {t('audit.list.empty')}
          </Text>
        ) : (
          <Table highlightOnHover data-testid="audit-list">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('audit.column.place')}</Table.Th>
                <Table.Th>{t('audit.column.started')}</Table.Th>
                <Table.Th>{t('audit.column.by')}</Table.Th>
                <Table.Th>{t('audit.column.state')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {audits.map((audit) => (
                <Table.Tr key={audit.id} style={{ cursor: 'pointer' }} onClick={() => void navigate(`/audits/${audit.id}`)} data-testid="audit-row" data-audit-id={audit.id}>
                  <Table.Td>
                    {byId.get(audit.contractId)?.code} · {siteName(audit.contractId, audit.start.siteId)}
                    {audit.start.room ? ` / ${audit.start.room}` : ''}
                  </Table.Td>
                  <Table.Td>{formatDateTime(audit.startedAt, language)}</Table.Td>
                  <Table.Td>{staffNames.get(audit.startedBy) ?? audit.startedBy}</Table.Td>
                  <Table.Td>
                    <Badge color={audit.closedAt ? 'gray' : 'blue'} variant="light">
                      {audit.closedAt ? t('audit.list.closed') : t('audit.list.open')}
                    </Badge>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Paper>
    </Stack>
  );
}
