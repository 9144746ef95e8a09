import { Badge, Tooltip } from '@mantine/core';
import { IconPhotoUp } from '@tabler/icons-react';
import { useBlobQueue } from '../../blobs/blob-queue-store.js';
import { useT } from '../../i18n/index.js';
import './messages.js';

/** In the sync status: photos waiting to upload (and refused ones), hidden while there are none. */
export function PhotoQueueIndicator() {
  const t = useT();
  const { pending, failed } = useBlobQueue();
  const label = [pending > 0 ? t('worklog.queue.pending', { count: pending }) : null, failed > 0 ? t('worklog.queue.failed', { count: failed }) : null].filter(Boolean).join(' · ');
  return (
    <Tooltip label={label} disabled={!label} withinPortal>
      <Badge
        size="sm"
        variant="light"
        color={failed > 0 ? 'red' : 'orange'}
        leftSection={<IconPhotoUp size={12} />}
        data-testid="sync-photos"
        data-pending={pending}
        data-failed={failed}
        style={{ display: pending + failed > 0 ? undefined : 'none' }}
      >
        {pending + failed}
      </Badge>
    </Tooltip>
  );
}
