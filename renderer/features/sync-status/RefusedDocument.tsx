import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { useNavigate } from 'react-router-dom';
import { useT } from '../../i18n/index.js';
import { isOnline, useSyncStatus, type DocumentProblem } from '../../sync/sync-status-store.js';
import { useRuntime } from '../auth/session-runtime.js';
import { describeDocumentProblem } from './describe.js';
import { useRefusedTarget } from './refused-path.js';
import { useDiscard } from './use-discard.js';

/**
 * One document the server refused, in the sync details: what, why, and the two ways out —
 * open it to correct it (it is sent again once changed), or discard the local change.
 */
export function RefusedDocument({ problem, onOpen }: { problem: DocumentProblem; onOpen?: () => void }) {
  const t = useT();
  const navigate = useNavigate();
  const db = useRuntime((state) => state.db);
  const online = useSyncStatus(isOnline);
  const { path, label } = useRefusedTarget(db, problem.collection, problem.docId);
  const words = describeDocumentProblem(t, problem, label);
  return (
    <Alert color="red" variant="light" p="xs" data-testid="sync-error" data-doc-id={problem.docId} data-code={problem.code}>
      <Text size="sm" fw={600}>
        {words.subject}
      </Text>
      <Text size="sm">{words.reason}</Text>
      <Text size="xs" c="dimmed">
        {words.detail}
      </Text>
      <DiscardControls
        subject={words.subject}
        problem={problem}
        online={online}
        before={
          path ? (
            <Button
              size="compact-xs"
              variant="light"
              data-testid="sync-error-open"
              onClick={() => {
                onOpen?.();
                void navigate(path);
              }}
            >
              {t('sync.refused.open')}
            </Button>
          ) : null
        }
      />
    </Alert>
  );
}

/** "Discard change" with an inline confirmation (a modal would close the popover it sits in). */
export function DiscardControls({ problem, subject, online, before }: { problem: DocumentProblem; subject: string; online: boolean; before?: ReactNode }) {
  const t = useT();
  const [confirming, setConfirming] = useState(false);
  const { discard, busy } = useDiscard();
  if (confirming) {
    return (
      <Stack mt={6} gap={0}>
        <Text size="xs">{t('sync.refused.confirm')}</Text>
        <Group gap="xs" mt={4}>
          <Button
            size="compact-xs"
            color="red"
            loading={busy}
            data-testid="sync-error-discard-confirm"
            onClick={() => void discard(problem.collection, problem.docId, subject).then(() => setConfirming(false))}
          >
            {t('sync.refused.confirmYes')}
          </Button>
          <Button size="compact-xs" variant="default" disabled={busy} onClick={() => setConfirming(false)}>
            {t('sync.refused.keep')}
          </Button>
        </Group>
      </Stack>
    );
  }
  return (
    <Group gap="xs" mt={6}>
      {before}
      <Button
        size="compact-xs"
        variant="subtle"
        color="red"
        disabled={!online}
        title={online ? undefined : t('sync.refused.offline')}
        data-testid="sync-error-discard"
        onClick={() => setConfirming(true)}
      >
        {t('sync.refused.discard')}
      </Button>
    </Group>
  );
}
