import { Button, Card, Group, SimpleGrid, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconClockHour4, IconCloudUp, IconTicket, IconUserCheck } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import type { TicketStatus } from '../../../common/domain/vocabulary.js';
import { useDatabase } from '../../app/database-context.js';
import { useSession } from '../../app/session-store.js';
import { useRxQuery } from '../../db/use-rx.js';
import { useLanguage, useT } from '../../i18n/index.js';
import { useSyncStatus } from '../../sync/sync-status-store.js';
import { relativeTime } from '../sync-status/describe.js';
import { useNow } from '../sync-status/use-now.js';
import './messages.js';

/** Statuses that still need work; resolved/closed/cancelled are done. */
const OPEN_STATUSES: TicketStatus[] = ['new', 'assigned', 'in_progress', 'waiting'];

function Stat({ label, value, icon, testId }: { label: string; value: ReactNode; icon: ReactNode; testId: string }) {
  return (
    <Card withBorder padding="lg">
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Stack gap={4}>
          <Text size="sm" c="dimmed">
            {label}
          </Text>
          <Text fz={28} fw={700} data-testid={testId}>
            {value}
          </Text>
        </Stack>
        <ThemeIcon variant="light" size={40} radius="md">
          {icon}
        </ThemeIcon>
      </Group>
    </Card>
  );
}

export function HomePage() {
  const t = useT();
  const language = useLanguage((state) => state.language);
  const db = useDatabase();
  const user = useSession((state) => state.user);
  const { pending, lastSyncAt } = useSyncStatus();
  const now = useNow();
  const open = useRxQuery<number>(() => db.tickets.count({ selector: { status: { $in: OPEN_STATUSES } } }), [db]);
  const mine = useRxQuery<number>(
    () => (user ? db.tickets.count({ selector: { status: { $in: OPEN_STATUSES }, assigneeId: user.id } }) : null),
    [db, user],
  );

  return (
    <Stack gap="lg" maw={1100}>
      <Stack gap={4}>
        <Title order={2}>{t('home.greeting', { name: user?.name ?? '' })}</Title>
        <Text c="dimmed">{t('home.subtitle')}</Text>
      </Stack>
      <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }}>
        <Stat label={t('home.mine')} value={mine.loading ? '…' : (mine.docs[0] ?? 0)} icon={<IconUserCheck size={22} />} testId="home-mine" />
        <Stat label={t('home.allOpen')} value={open.loading ? '…' : (open.docs[0] ?? 0)} icon={<IconTicket size={22} />} testId="home-open" />
        <Stat label={t('home.waiting')} value={pending} icon={<IconCloudUp size={22} />} testId="home-pending" />
        <Stat
          label={t('home.lastSync')}
          value={<Text fz="lg" fw={600}>{lastSyncAt ? relativeTime(language, lastSyncAt, now, t('sync.justNow')) : t('sync.never')}</Text>}
          icon={<IconClockHour4 size={22} />}
          testId="home-last-sync"
        />
      </SimpleGrid>
      <Group>
        <Button component={Link} to="/tickets" leftSection={<IconTicket size={16} />}>
          {t('home.openTickets')}
        </Button>
      </Group>
    </Stack>
  );
}
