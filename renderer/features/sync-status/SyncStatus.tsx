import { Box, Group, Popover, Text, UnstyledButton } from '@mantine/core';
import { IconCloudOff, IconCloudCheck, IconCloudUp, IconAlertTriangle } from '@tabler/icons-react';
import { useState } from 'react';
import { useLanguage, useT } from '../../i18n/index.js';
import { isOnline, useSyncStatus } from '../../sync/sync-status-store.js';
import { PhotoQueueIndicator } from '../worklog/PhotoQueueIndicator.js';
import { relativeTime } from './describe.js';
import './messages.js';
import { SyncDetails } from './SyncDetails.js';
import { useNow } from './use-now.js';

/** Always in the header: online/offline, changes waiting to go up, last sync; click for details. */
export function SyncStatus() {
  const t = useT();
  const language = useLanguage((state) => state.language);
  const status = useSyncStatus();
  const now = useNow();
  const [opened, setOpened] = useState(false);
  const online = isOnline(status);
  const problem = status.signInRequired || status.outdated || status.documentErrors.length > 0;
  const color = !online ? 'gray' : problem ? 'orange' : 'teal';
  const Icon = !online ? IconCloudOff : problem ? IconAlertTriangle : status.pending > 0 ? IconCloudUp : IconCloudCheck;
  const last = status.lastSyncAt ? t('sync.last', { time: relativeTime(language, status.lastSyncAt, now, t('sync.justNow')) }) : t('sync.never');

  return (
    <Popover width={380} position="bottom-end" shadow="md" withinPortal opened={opened} onChange={setOpened}>
      <Popover.Target>
        <UnstyledButton
          onClick={() => setOpened((open) => !open)}
          data-testid="sync-status"
          aria-label={t('sync.open')}
          px="sm"
          py={6}
          style={{ borderRadius: 'var(--mantine-radius-md)', border: '1px solid var(--mantine-color-default-border)' }}
        >
          <Group gap="sm" wrap="nowrap">
            <Icon size={18} color={`var(--mantine-color-${color}-filled)`} />
            <Text size="sm" fw={600} c={color} data-testid="sync-online" data-state={online ? 'online' : 'offline'}>
              {online ? t('sync.online') : t('sync.offline')}
            </Text>
            <Group gap={4} wrap="nowrap" title={t('sync.pendingHint')}>
              <Box
                component="span"
                data-testid="sync-pending"
                fz="xs"
                fw={700}
                px={7}
                style={{
                  borderRadius: 10,
                  minWidth: 22,
                  textAlign: 'center',
                  background: status.pending > 0 ? 'var(--mantine-color-orange-light)' : 'var(--mantine-color-default-hover)',
                  color: status.pending > 0 ? 'var(--mantine-color-orange-light-color)' : 'var(--mantine-color-dimmed)',
                }}
              >
                {status.pending}
              </Box>
              <Text size="xs" c="dimmed" visibleFrom="lg">
                {t('sync.pending')}
              </Text>
            </Group>
            <PhotoQueueIndicator />
            <Text size="xs" c="dimmed" data-testid="sync-last" visibleFrom="md">
              {last}
            </Text>
          </Group>
        </UnstyledButton>
      </Popover.Target>
      <Popover.Dropdown>
        <SyncDetails onNavigate={() => setOpened(false)} />
      </Popover.Dropdown>
    </Popover>
  );
}
