import { Alert, Button, Stack, Text } from '@mantine/core';
import { useBlobQueue } from '../../blobs/blob-queue-store.js';
import { getBlobRuntime } from '../../blobs/blob-runtime.js';
import { useT } from '../../i18n/index.js';
import './messages.js';

/** In the sync details: photos waiting, photos refused (with the server's words) and a retry. */
export function PhotoQueueDetails() {
  const t = useT();
  const { pending, failed, lastError } = useBlobQueue();
  if (pending === 0 && failed === 0) return null;
  const retry = async () => {
    const runtime = getBlobRuntime();
    if (!runtime) return;
    await runtime.repository.retryFailed(Date.now());
    runtime.uploader.kick();
  };
  return (
    <Stack gap={4} data-testid="sync-photo-details">
      {pending > 0 && <Text size="sm">{t('worklog.queue.pending', { count: pending })}</Text>}
      {failed > 0 && (
        <Alert color="red" variant="light" p="xs">
          <Text size="sm">{t('worklog.queue.failed', { count: failed })}</Text>
          {lastError && (
            <Text size="xs" c="dimmed">
              {lastError.message}
            </Text>
          )}
          <Button size="compact-xs" mt={4} variant="light" onClick={() => void retry()}>
            {t('worklog.queue.retry')}
          </Button>
        </Alert>
      )}
    </Stack>
  );
}
