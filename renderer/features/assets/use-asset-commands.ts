import { useMemo } from 'react';
import { useDatabase } from '../../app/database-context.js';
import { useSession } from '../../app/session-store.js';
import { applyCollection, type ApplyCollectionInput } from './asset-commands.js';

/** The asset commands bound to this replica and the signed-in user, with the device time of each call. */
export function useAssetCommands() {
  const db = useDatabase();
  const user = useSession((state) => state.user);
  const deviceId = useSession((state) => state.deviceId);
  return useMemo(
    () => ({
      applyCollection: async (input: ApplyCollectionInput) => {
        if (!user) return { ok: false as const, error: { code: 'SIGN_IN_REQUIRED' as const, path: '', message: 'sign in first' } };
        return applyCollection({ db, user, deviceId, now: new Date() }, input);
      },
    }),
    [db, user, deviceId],
  );
}
