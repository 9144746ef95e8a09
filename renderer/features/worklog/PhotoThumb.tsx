import { Badge, Box, Center, Image, Loader, Modal, Stack, Text, UnstyledButton } from '@mantine/core';
import { IconPhotoOff } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import type { LocalBlobState } from '../../blobs/blob-repository.js';
import { useBlobQueue } from '../../blobs/blob-queue-store.js';
import { getBlobRuntime } from '../../blobs/blob-runtime.js';
import { useBlobUrl } from '../../blobs/use-blob-url.js';
import { useT } from '../../i18n/index.js';
import './messages.js';

/** The local copy's upload state, re-read when the photo loads and whenever the upload queue changes. */
function useLocalState(sha256: string, loaded: boolean): LocalBlobState | null {
  const [state, setState] = useState<LocalBlobState | null>(null);
  const queue = useBlobQueue();
  useEffect(() => {
    let cancelled = false;
    void getBlobRuntime()
      ?.repository.find(sha256)
      .then((row) => {
        if (!cancelled) setState(row?.state ?? null);
      });
    return () => {
      cancelled = true;
    };
  }, [sha256, queue, loaded]);
  return state;
}

interface PhotoThumbProps {
  readonly sha256: string;
  readonly contractId: string;
  readonly caption: string;
}

/** A photo of the ticket: from this device, or fetched once from the server; click to enlarge. */
export function PhotoThumb({ sha256, contractId, caption }: PhotoThumbProps) {
  const t = useT();
  const view = useBlobUrl(sha256, contractId);
  const local = useLocalState(sha256, view.status === 'ready');
  const [open, setOpen] = useState(false);
  const badge = local === 'pending' ? { color: 'orange', key: 'worklog.photo.pending' } : local === 'failed' ? { color: 'red', key: 'worklog.photo.failed' } : null;

  return (
    <Stack gap={4} data-testid="photo-thumb" data-sha256={sha256} data-status={view.status} data-local={local ?? 'none'}>
      <Box pos="relative" h={120} style={{ borderRadius: 'var(--mantine-radius-sm)', overflow: 'hidden', background: 'var(--mantine-color-default-hover)' }}>
        {view.status === 'ready' ? (
          <UnstyledButton onClick={() => setOpen(true)} aria-label={t('worklog.photo.open')} w="100%" h="100%">
            <Image src={view.url} alt={caption || t('worklog.photo.title')} h={120} fit="cover" data-testid="photo-image" />
          </UnstyledButton>
        ) : (
          <Center h="100%" p="xs">
            {view.status === 'loading' ? (
              <Loader size="sm" />
            ) : (
              <Stack gap={4} align="center">
                <IconPhotoOff size={22} color="var(--mantine-color-dimmed)" />
                <Text fz="xs" c="dimmed" ta="center">
                  {t(view.status === 'missing' ? 'worklog.photo.missing' : 'worklog.photo.offline')}
                </Text>
              </Stack>
            )}
          </Center>
        )}
        {badge && (
          <Badge size="xs" color={badge.color} pos="absolute" top={4} left={4} data-testid="photo-state">
            {t(badge.key)}
          </Badge>
        )}
      </Box>
      {caption && (
        <Text fz="xs" lineClamp={2}>
          {caption}
        </Text>
      )}
      <Modal opened={open} onClose={() => setOpen(false)} size="xl" title={caption || t('worklog.photo.title')}>
        {view.status === 'ready' && <Image src={view.url} alt={caption || t('worklog.photo.title')} fit="contain" mah="75vh" />}
      </Modal>
    </Stack>
  );
}
