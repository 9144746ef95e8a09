import { Card, Stack, Table, Text, Timeline, Title } from '@mantine/core';
import { useParams } from 'react-router-dom';
import type { Asset } from '../../../common/schemas/assets.js';
import type { DomainEvent } from '../../../common/schemas/events.js';
import { useDatabase } from '../../app/database-context.js';
import { useRxDocument, useRxQuery } from '../../db/use-rx.js';
import { useT, type TFunction } from '../../i18n/index.js';
import { RefusedBanner } from '../sync-status/RefusedBanner.js';
import { formatValue } from './CollectDiffTable.js';

function eventText(t: TFunction, event: DomainEvent): string {
  const data = event.data as { created?: boolean; source?: string; rule?: string; changes?: unknown[]; softwareCount?: number };
  if (event.type === 'asset.collected') {
    const params = { source: data.source ?? '', rule: data.rule ?? '', count: data.changes?.length ?? 0, software: data.softwareCount ?? 0 };
    return t(data.created ? 'assets.event.created' : 'assets.event.collected', params);
  }
  return event.type;
}

/** `/assets/:id`: the record and its history, newest first, from `events` (index [subjectId, at]). */
export function AssetDetailPage() {
  const t = useT();
  const db = useDatabase();
  const { id } = useParams();
  const { doc: asset, loading } = useRxDocument<Asset>(db.assets, id);
  const { docs: events } = useRxQuery<DomainEvent>(
    () => (id ? db.events.find({ selector: { subjectId: id, subjectType: 'asset' }, sort: [{ subjectId: 'desc' }, { at: 'desc' }] }) : null),
    [db, id],
  );
  if (!asset) return loading ? null : <Text p="md">{t('assets.detail.notFound')}</Text>;
  const hardware = Object.entries(asset.hardware).map(([key, value]) => ({ label: t(`assets.field.hardware.${key}`), value: formatValue(value as never) }));
  const rows = [
    { label: t('assets.field.tag'), value: asset.tag },
    { label: t('assets.field.serial'), value: asset.serial },
    { label: t('assets.field.type'), value: asset.type },
    { label: t('assets.field.manufacturer'), value: asset.manufacturer },
    { label: t('assets.field.model'), value: asset.model },
    { label: t('assets.field.hostname'), value: asset.hostname },
    { label: t('assets.field.os'), value: asset.os },
    { label: t('assets.field.state'), value: asset.state },
    { label: t('assets.field.room'), value: asset.room },
    { label: t('assets.field.locked'), value: asset.lockedFields.join(', ') },
    ...hardware,
  ];
  return (
    <Stack gap="md" p="md" maw={1000}>
      <RefusedBanner collection="assets" docId={asset.id} />
      <Title order={2} data-testid="asset-title">
        {asset.tag}
      </Title>
      <Card withBorder>
        <Table data-testid="asset-fields">
          <Table.Tbody>
            {rows.map((row) => (
              <Table.Tr key={row.label}>
                <Table.Th w={220}>{row.label}</Table.Th>
                <Table.Td>{row.value || '—'}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Card>
      <Card withBorder>
        <Title order={5} mb="sm">
          {t('assets.detail.history')}
        </Title>
        {events.length === 0 ? (
          <Text c="dimmed">{t('assets.detail.noHistory')}</Text>
        ) : (
          <Timeline bulletSize={14} data-testid="asset-history">
            {events.map((event) => (
              <Timeline.Item key={event.id} title={eventText(t, event)}>
                <Text size="xs" c="dimmed">
                  {new Date(event.at).toLocaleString()}
                </Text>
              </Timeline.Item>
            ))}
          </Timeline>
        )}
      </Card>
    </Stack>
  );
}
