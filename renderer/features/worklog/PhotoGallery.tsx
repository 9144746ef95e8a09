import { Button, FileButton, Group, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { IconCamera, IconPaperclip } from '@tabler/icons-react';
import { useState } from 'react';
import type { DomainEvent } from '../../../common/schemas/events.js';
import { BLOB_MIME_TYPES } from '../../../common/blobs/blob-protocol.js';
import { useT } from '../../i18n/index.js';
import { CameraCapture, cameraSupported } from './CameraCapture.js';
import { PhotoError, preparePhoto } from './photo-prepare.js';
import { PhotoThumb } from './PhotoThumb.js';
import { useWorklogCommands } from './use-worklog-commands.js';
import './messages.js';

interface PhotoGalleryProps {
  readonly ticketId: string;
  readonly contractId: string;
  /** The ticket's `ticket.photo` events, oldest first. */
  readonly photos: readonly DomainEvent[];
}

/** The ticket's photos and the two ways to add one: the camera, or an image file. */
export function PhotoGallery({ ticketId, contractId, photos }: PhotoGalleryProps) {
  const t = useT();
  const commands = useWorklogCommands();
  const [caption, setCaption] = useState('');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [camera, setCamera] = useState(false);

  const attach = async (input: Blob | null, source: 'camera' | 'file') => {
    if (!input) return;
    setBusy(true);
    setMessage(null);
    try {
      const photo = await preparePhoto(input);
      const result = await commands.addPhoto(ticketId, photo, { caption, source });
      if (result.ok) {
        setCaption('');
        setMessage({ ok: true, text: t('worklog.photo.added') });
      } else {
        setMessage({ ok: false, text: t('worklog.error.internal', { message: result.error.message }) });
      }
    } catch (error) {
      setMessage({ ok: false, text: t(`worklog.photo.error.${error instanceof PhotoError ? error.problem : 'unreadable'}`) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Stack gap="sm" data-testid="photo-gallery">
      {photos.length === 0 ? (
        <Text c="dimmed" fz="sm">
          {t('worklog.photo.empty')}
        </Text>
      ) : (
        <SimpleGrid cols={{ base: 2, sm: 3, lg: 4 }} spacing="xs">
          {photos.map((event) => (
            <PhotoThumb key={event.id} sha256={String(event.data['sha256'])} contractId={contractId} caption={typeof event.data['caption'] === 'string' ? event.data['caption'] : ''} />
          ))}
        </SimpleGrid>
      )}
      <Group gap="xs" align="flex-end" wrap="wrap">
        <TextInput size="xs" label={t('worklog.photo.caption')} value={caption} onChange={(event) => setCaption(event.currentTarget.value)} maxLength={500} style={{ flex: 1, minWidth: 160 }} data-testid="photo-caption" />
        <FileButton onChange={(file) => void attach(file, 'file')} accept={BLOB_MIME_TYPES.join(',')}>
          {(props) => (
            <Button {...props} size="xs" variant="default" leftSection={<IconPaperclip size={14} />} loading={busy} data-testid="photo-attach">
              {t('worklog.photo.attach')}
            </Button>
          )}
        </FileButton>
        {cameraSupported() && (
          <Button size="xs" variant="default" leftSection={<IconCamera size={14} />} onClick={() => setCamera(true)} disabled={busy} data-testid="photo-camera">
            {t('worklog.photo.camera')}
          </Button>
        )}
      </Group>
      {message && (
        <Text fz="xs" c={message.ok ? 'teal' : 'red'} data-testid="photo-message">
          {message.text}
        </Text>
      )}
      <CameraCapture opened={camera} onClose={() => setCamera(false)} onPhoto={(blob) => void attach(blob, 'camera')} />
    </Stack>
  );
}
