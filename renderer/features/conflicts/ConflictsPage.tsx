import { Alert, Group, Loader, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useSession } from '../../app/session-store.js';
import { useT } from '../../i18n/index.js';
import { useStaffNames } from '../tickets/use-ticket-lookups.js';
import { ConflictCard } from './ConflictCard.js';
import { CONFLICT_FILTERS, visibleConflicts, type ConflictFilter } from './conflict-view.js';
import { useConflictRecords, useTicketsByIds } from './use-conflicts.js';

/** Supervisor review of every value a sync merge overruled (design: sync.md invariant 5). */
export function ConflictsPage() {
  const t = useT();
  const role = useSession((state) => state.user?.role);
  const [filter, setFilter] = useState<ConflictFilter>('unresolved');
  const { records, loading } = useConflictRecords();
  const shown = useMemo(() => visibleConflicts(records, filter), [records, filter]);
  const tickets = useTicketsByIds(shown.filter((record) => record.documentCollection === 'tickets').map((record) => record.documentId));
  const names = useStaffNames();

  if (role !== 'supervisor' && role !== 'admin') {
    return <Alert color="gray" data-testid="conflicts-not-allowed">{t('conflicts.notAllowed')}</Alert>;
  }
  return (
    <Stack gap="md" data-testid="conflicts-page">
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <div>
          <Title order={2}>{t('conflicts.title')}</Title>
          <Text c="dimmed" size="sm">
            {t('conflicts.subtitle')}
          </Text>
        </div>
        <SegmentedControl
          aria-label={t('conflicts.filter.label')}
          data-testid="conflicts-filter"
          value={filter}
          onChange={(value) => setFilter(value)}
          data={CONFLICT_FILTERS.map((value) => ({ value, label: t(`conflicts.filter.${value}`) }))}
        />
      </Group>
      {loading && records.length === 0 ? (
        <Group gap="xs">
          <Loader size="sm" />
          <Text c="dimmed">{t('conflicts.loading')}</Text>
        </Group>
      ) : shown.length === 0 ? (
        <Text c="dimmed" data-testid="conflicts-empty">
          {t('conflicts.empty')}
        </Text>
      ) : (
        shown.map((record) => <ConflictCard key={record.id} record={record} ticket={tickets.get(record.documentId) ?? null} names={names} />)
      )}
    </Stack>
  );
}
