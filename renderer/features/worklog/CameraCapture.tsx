import { Alert, Button, Group, Image, Modal, Stack, Text } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useT } from '../../i18n/index.js';
import { canvasToJpeg } from './photo-prepare.js';
import './messages.js';

type CameraState = 'starting' | 'live' | 'taken' | 'unavailable' | 'denied';

/** Whether this runtime can ask for a camera at all (a plain http page cannot). */
export function cameraSupported(): boolean {
  return typeof navigator !== 'undefined' && typeof navigator.mediaDevices?.getUserMedia === 'function';
}

interface CameraCaptureProps {
  readonly opened: boolean;
  readonly onClose: () => void;
  /** A JPEG of the frame the person chose. */
  readonly onPhoto: (photo: Blob) => void;
}

/**
 * Live camera preview (the laptop's or a USB camera) and one frame captured as JPEG. The stream is
 * stopped as soon as the dialog closes, so the camera light never stays on.
 */
export function CameraCapture({ opened, onClose, onPhoto }: CameraCaptureProps) {
  const t = useT();
  return (
    <Modal opened={opened} onClose={onClose} title={t('worklog.camera.title')} size="lg">
      {/* Mounted only while open: the stream's life is the body's life. */}
      <CameraBody onClose={onClose} onPhoto={onPhoto} />
    </Modal>
  );
}

function CameraBody({ onClose, onPhoto }: Omit<CameraCaptureProps, 'opened'>) {
  const t = useT();
  const video = useRef<HTMLVideoElement>(null);
  const [state, setState] = useState<CameraState>(() => (cameraSupported() ? 'starting' : 'unavailable'));
  const [shot, setShot] = useState<{ blob: Blob; url: string } | null>(null);

  useEffect(() => {
    if (!cameraSupported()) return;
    let stream: MediaStream | null = null;
    let cancelled = false;
    navigator.mediaDevices
      .getUserMedia({ video: { facingMode: 'environment', width: { ideal: 1920 }, height: { ideal: 1080 } }, audio: false })
      .then(async (media) => {
        if (cancelled) return media.getTracks().forEach((track) => track.stop());
        stream = media;
        if (video.current) {
          video.current.srcObject = media;
          await video.current.play().catch(() => undefined);
        }
        setState('live');
      })
      .catch((error: unknown) => setState(error instanceof DOMException && error.name === 'NotAllowedError' ? 'denied' : 'unavailable'));
    return () => {
      cancelled = true;
      stream?.getTracks().forEach((track) => track.stop());
    };
  }, []);

  useEffect(
    () => () => {
      if (shot) URL.revokeObjectURL(shot.url);
    },
    [shot],
  );

  const capture = async () => {
    const element = video.current;
    if (!element || element.videoWidth === 0) return;
    const canvas = document.createElement('canvas');
    canvas.width = element.videoWidth;
    canvas.height = element.videoHeight;
    canvas.getContext('2d')?.drawImage(element, 0, 0);
    const blob = await canvasToJpeg(canvas);
    setShot({ blob, url: URL.createObjectURL(blob) });
    setState('taken');
  };

  return (
    <Stack gap="sm" data-testid="camera-capture" data-state={state}>
      {(state === 'unavailable' || state === 'denied') && <Alert color="orange">{t(state === 'denied' ? 'worklog.camera.denied' : 'worklog.camera.unavailable')}</Alert>}
      {state === 'starting' && <Text c="dimmed">{t('worklog.camera.starting')}</Text>}
      <video ref={video} muted playsInline style={{ width: '100%', borderRadius: 8, display: state === 'live' ? 'block' : 'none', background: '#000' }} />
      {state === 'taken' && shot && <Image src={shot.url} alt={t('worklog.camera.title')} radius="sm" />}
      <Group justify="flex-end">
        {state === 'live' && (
          <Button onClick={() => void capture()} data-testid="camera-shoot">
            {t('worklog.camera.capture')}
          </Button>
        )}
        {state === 'taken' && shot && (
          <>
            <Button variant="default" onClick={() => setState('live')}>
              {t('worklog.camera.retake')}
            </Button>
            <Button
              onClick={() => {
                onPhoto(shot.blob);
                onClose();
              }}
              data-testid="camera-use"
            >
              {t('worklog.camera.use')}
            </Button>
          </>
        )}
      </Group>
    </Stack>
  );
}
