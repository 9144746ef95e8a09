import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import type { CollectionName } from '../../../common/schemas/index.js';
import { useT } from '../../i18n/index.js';
import { DiscardError } from '../../sync/discard.js';
import { getSyncEngine } from '../auth/session-runtime.js';

/** Discards a refused change through the sync engine and says how it went. */
export function useDiscard(): { discard: (collection: CollectionName, docId: string, subject: string) => Promise<boolean>; busy: boolean } {
  const t = useT();
  const [busy, setBusy] = useState(false);
  const discard = async (collection: CollectionName, docId: string, subject: string): Promise<boolean> => {
    const engine = getSyncEngine();
    setBusy(true);
    try {
      if (!engine) throw new DiscardError('not-connected');
      await engine.discard(collection, docId);
      notifications.show({ color: 'teal', message: t('sync.refused.discarded', { subject }) });
      return true;
    } catch (error) {
      const reason = error instanceof DiscardError ? error.reason : 'not-connected';
      notifications.show({ color: 'red', message: t(reason === 'timeout' ? 'sync.refused.timeout' : 'sync.refused.notConnected') });
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { discard, busy };
}
