import { Alert, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import type { CollectionName } from '../../../common/schemas/index.js';
import { useT } from '../../i18n/index.js';
import { isOnline, useSyncStatus } from '../../sync/sync-status-store.js';
import { describeDocumentProblem } from './describe.js';
import './messages.js';
import { DiscardControls } from './RefusedDocument.js';

/**
 * On a document's own page: the server refused the local change, why, and "discard". Correcting
 * the document on the page sends it again.
 */
export function RefusedBanner({ collection, docId }: { collection: CollectionName; docId: string }) {
  const t = useT();
  const problem = useSyncStatus((state) => state.documentErrors.find((entry) => entry.collection === collection && entry.docId === docId));
  const online = useSyncStatus(isOnline);
  if (!problem) return null;
  const words = describeDocumentProblem(t, problem);
  return (
    <Alert color="red" icon={<IconAlertTriangle size={18} />} title={t('sync.refused.banner')} data-testid="refused-banner" data-code={problem.code}>
      <Text size="sm">{words.reason}</Text>
      {problem.path && (
        <Text size="xs" c="dimmed">
          {words.subject}
        </Text>
      )}
      <DiscardControls problem={problem} subject={words.subject} online={online} />
    </Alert>
  );
}
