import { Alert, Group, Progress, Stack, Text } from '@mantine/core';
import { IconAlertOctagon, IconKey } from '@tabler/icons-react';
import { useT } from '../../i18n/index.js';
import { isOnline, useSyncStatus } from '../../sync/sync-status-store.js';
import './messages.js';
import { ReauthButton } from './ReauthButton.js';

/** Above every page: what stops sync (old app, expired sign-in) and the first download's progress. */
export function SyncBanners() {
  const t = useT();
  const status = useSyncStatus();
  const { initial } = status;
  const showProgress = initial.active && initial.received > 0 && isOnline(status);
  return (
    <Stack gap="sm" mb={status.outdated || status.signInRequired || showProgress ? 'md' : 0}>
      {status.outdated && (
        <Alert color="red" icon={<IconAlertOctagon size={18} />} data-testid="client-outdated">
          {t('sync.outdated')}
        </Alert>
      )}
      {status.signInRequired && (
        <Alert color="yellow" icon={<IconKey size={18} />} data-testid="sign-in-required">
          <Group justify="space-between" gap="sm">
            <Text size="sm">{t('sync.signInRequired')}</Text>
            <ReauthButton />
          </Group>
        </Alert>
      )}
      {showProgress && (
        <Stack gap={4} data-testid="sync-progress">
          <Text size="sm" c="dimmed">
            {initial.expected
              ? t('sync.initialOf', { received: initial.received, expected: initial.expected })
              : t('sync.initial', { received: initial.received })}
          </Text>
          {initial.expected ? (
            <Progress value={Math.min(100, (initial.received / initial.expected) * 100)} />
          ) : (
            <Progress value={100} striped animated />
          )}
        </Stack>
      )}
    </Stack>
  );
}
