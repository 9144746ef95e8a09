import { Alert, Button, Divider, Group, ScrollArea, Stack, Text } from '@mantine/core';
import { IconRefresh } from '@tabler/icons-react';
import { useSession } from '../../app/session-store.js';
import { getSyncEngine } from '../auth/session-runtime.js';
import { TokenStorageNotice } from '../auth/TokenStorageNotice.js';
import { useT } from '../../i18n/index.js';
import { PhotoQueueDetails } from '../worklog/PhotoQueueDetails.js';
import { isOnline, useSyncStatus } from '../../sync/sync-status-store.js';
import { describeProblem } from './describe.js';
import { RefusedDocument } from './RefusedDocument.js';
import { ReauthButton } from './ReauthButton.js';

/** `onNavigate`: a refused document was opened (the popover around this closes). */
export function SyncDetails({ onNavigate }: { onNavigate?: () => void } = {}) {
  const t = useT();
  const status = useSyncStatus();
  const serverUrl = useSession((state) => state.serverUrl);
  const online = isOnline(status);

  return (
    <Stack gap="xs" data-testid="sync-details">
      <Group justify="space-between">
        <Text fw={700}>{t('sync.details.title')}</Text>
        <Button
          size="compact-sm"
          variant="light"
          leftSection={<IconRefresh size={14} />}
          onClick={() => getSyncEngine()?.reSyncAll()}
          disabled={!status.running}
        >
          {t('sync.details.syncNow')}
        </Button>
      </Group>
      <Text size="sm">
        {t('sync.details.server')}: <b>{serverUrl}</b> · {online ? t('sync.online') : t('sync.offline')}
      </Text>
      <Text size="sm">
        <b>{status.pending}</b> {t('sync.pending')}
      </Text>
      <Text size="sm" c="dimmed">
        {status.lastSyncAt ? new Date(status.lastSyncAt).toLocaleString() : t('sync.never')}
      </Text>
      <PhotoQueueDetails />
      {status.signInRequired && (
        <Alert color="yellow" p="xs">
          <Text size="sm">{t('sync.signInRequired')}</Text>
          <ReauthButton mt="xs" />
        </Alert>
      )}
      <Divider label={t('sync.details.lastError')} labelPosition="left" />
      <Text size="sm" c={status.lastError ? 'red' : 'dimmed'} data-testid="sync-last-error">
        {status.lastError ? describeProblem(t, status.lastError) : t('sync.details.noProblems')}
      </Text>
      {status.documentErrors.length > 0 && (
        <>
          <Divider label={t('sync.details.refused')} labelPosition="left" />
          <Text size="xs" c="dimmed">
            {t('sync.details.refusedHint')}
          </Text>
          <ScrollArea.Autosize mah={220}>
            <Stack gap={6} data-testid="sync-errors">
              {status.documentErrors.map((problem) => (
                <RefusedDocument key={`${problem.collection}/${problem.docId}`} problem={problem} {...(onNavigate ? { onOpen: onNavigate } : {})} />
              ))}
            </Stack>
          </ScrollArea.Autosize>
        </>
      )}
      <Divider />
      <TokenStorageNotice compact />
    </Stack>
  );
}
