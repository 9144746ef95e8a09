import { Card, Stack, Table, Text, Timeline, Title } from '@mantine/core';
import { useParams } from 'react-router-dom';
import type { Asset } from '../../../common/schemas/assets.js';
import type { Contract } from '../../../common/schemas/contracts.js';
import type { DomainEvent } from '../../../common/schemas/events.js';
import { useDatabase } from '../../app/database-context.js';
import { useRxDocument, useRxQuery } from '../../db/use-rx.js';
import { useT, type TFunction } from '../../i18n/index.js';
import { AssetSoftwareCard } from './AssetSoftwareCard.js';
import { RefusedBanner } from '../sync-status/RefusedBanner.js';
import { formatValue } from './CollectDiffTable.js';

type Place = { siteId: string; room: string };

/** One history line; `place` names a site/room in words. */
function eventText(t: TFunction, event: DomainEvent, place: (value: Place) => string): string {
  const data = event.data as Record<string, unknown>;
  if (event.type === 'asset.collected') {
    const changes = data['changes'] as unknown[] | undefined;
    const params = { source: data['source'] as string, rule: data['rule'] as string, count: changes?.length ?? 0, software: Number(data['softwareCount'] ?? 0) };
    return t(data['created'] ? 'assets.event.created' : 'assets.event.collected', params);
  }
  if (event.type === 'asset.software') {
    const changes = data['changes'] as { added: number; removed: number; updated: number };
    return t('assets.event.software', { count: Number(data['count'] ?? 0), ...changes });
  }
  const cause = data['cause'] as { kind: string; label: string } | undefined;
  const causeText = cause ? t(`assets.cause.${cause.kind}`, { label: cause.label }) : '';
  if (event.type === 'asset.state') {
    return t('assets.event.state', { from: t(`assets.state.${String(data['from'])}`), to: t(`assets.state.${String(data['to'])}`), cause: causeText });
  }
  if (event.type === 'asset.moved') return t('assets.event.moved', { from: place(data['from'] as Place), to: place(data['to'] as Place), cause: causeText });
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
  const { docs: contracts } = useRxQuery<Contract>(() => (asset ? db.contracts.find({ selector: { id: asset.contractId } }) : null), [db, asset?.contractId]);
  if (!asset) return loading ? null : <Text p="md">{t('assets.detail.notFound')}</Text>;
  const sites = contracts[0]?.sites ?? [];
  const place = (value: Place) => [value.siteId ? (sites.find((site) => site.id === value.siteId)?.name ?? value.siteId) : t('assets.place.none'), value.room].filter(Boolean).join(' / ');
  const hardware = Object.entries(asset.hardware).map(([key, value]) => ({ label: t(`assets.field.hardware.${key}`), value: formatValue(value as never) }));
  const rows: { label: string; value: string; testId?: string; data?: string }[] = [
    { label: t('assets.field.tag'), value: asset.tag },
    { label: t('assets.field.serial'), value: asset.serial },
    { label: t('assets.field.type'), value: t(`assets.type.${asset.type}`) },
    { label: t('assets.field.manufacturer'), value: asset.manufacturer },
    { label: t('assets.field.model'), value: asset.model },
    { label: t('assets.field.hostname'), value: asset.hostname },
    { label: t('assets.field.os'), value: asset.os },
    { label: t('assets.field.state'), value: t(`assets.state.${asset.state}`), testId: 'asset-state', data: asset.state },
    { label: t('assets.field.site'), value: place({ siteId: asset.siteId, room: asset.room }) },
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
              <Table.Tr key={row.label} data-testid={row.testId} data-value={row.data}>
                <Table.Th w={220}>{row.label}</Table.Th>
                <Table.Td>{row.value || '—'}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Card>
      <AssetSoftwareCard asset={asset} />
      <Card withBorder>
        <Title order={5} mb="sm">
          {t('assets.detail.history')}
        </Title>
        {events.length === 0 ? (
          <Text c="dimmed">{t('assets.detail.noHistory')}</Text>
        ) : (
          <Timeline bulletSize={14} data-testid="asset-history">
            {events.map((event) => (
              <Timeline.Item key={event.id} title={eventText(t, event, place)} data-testid="asset-history-item" data-type={event.type}>
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
