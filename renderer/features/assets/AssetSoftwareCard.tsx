import { Card, Group, Table, Text, TextInput, Title } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { decodeSnapshot, searchSoftware } from '../../../common/inventory/software.js';
import type { Asset } from '../../../common/schemas/assets.js';
import type { DomainEvent } from '../../../common/schemas/events.js';
import { useDatabase } from '../../app/database-context.js';
import { useRxDocument } from '../../db/use-rx.js';
import { useLanguage, useT } from '../../i18n/index.js';
import { formatDateTime } from '../tickets/ticket-format.js';

/** Rows drawn at once; a search narrows the rest (1,000+ rows would make the page sluggish). */
const SHOWN = 300;

/** The asset's last software snapshot (one event read by id), searchable by name, version, publisher. */
export function AssetSoftwareCard({ asset }: { asset: Asset }) {
  const t = useT();
  const db = useDatabase();
  const language = useLanguage((state) => state.language);
  const [term, setTerm] = useState('');
  const { doc: snapshot, loading } = useRxDocument<DomainEvent>(db.events, asset.software?.snapshotId ?? null);
  const entries = useMemo(() => (snapshot ? decodeSnapshot(snapshot.data) : []), [snapshot]);
  const found = useMemo(() => searchSoftware(entries, term), [entries, term]);

  let body;
  if (!asset.software) body = <Text c="dimmed">{t('assets.software.none')}</Text>;
  else if (!snapshot) body = loading ? null : <Text c="dimmed">{t('assets.software.notSynced', { count: asset.software.count })}</Text>;
  else {
    body = (
      <>
        <Table striped data-testid="asset-software" data-count={found.length}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('assets.software.column.name')}</Table.Th>
              <Table.Th>{t('assets.software.column.version')}</Table.Th>
              <Table.Th>{t('assets.software.column.publisher')}</Table.Th>
              <Table.Th>{t('assets.software.column.installed')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {found.slice(0, SHOWN).map((entry, index) => (
              <Table.Tr key={`${entry.name}\u0000${entry.version}\u0000${index}`} data-testid="asset-software-row">
                <Table.Td>{entry.name}</Table.Td>
                <Table.Td ff="monospace" fz="sm">
                  {entry.version}
                </Table.Td>
                <Table.Td>{entry.publisher ?? ''}</Table.Td>
                <Table.Td fz="sm">{entry.installedOn ?? ''}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {found.length > SHOWN && (
          <Text c="dimmed" fz="sm" mt="xs">
            {t('assets.software.more', { shown: SHOWN, total: found.length })}
          </Text>
        )}
      </>
    );
  }

  return (
    <Card withBorder>
      <Group justify="space-between" mb="sm">
        <div>
          <Title order={5}>{t('assets.software.title')}</Title>
          {asset.software && (
            <Text fz="xs" c="dimmed">
              {t('assets.software.collectedAt', { count: asset.software.count, time: formatDateTime(asset.software.collectedAt, language) })}
            </Text>
          )}
        </div>
        {snapshot && (
          <TextInput
            leftSection={<IconSearch size={14} />}
            placeholder={t('assets.software.search')}
            value={term}
            onChange={(event) => setTerm(event.currentTarget.value)}
            w={300}
            data-testid="asset-software-search"
          />
        )}
      </Group>
      {body}
    </Card>
  );
}
