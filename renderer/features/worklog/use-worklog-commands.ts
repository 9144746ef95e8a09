import { useMemo } from 'react';
import type { TimeEntryDraft } from '../../../common/tickets/worklog.js';
import { useDatabase } from '../../app/database-context.js';
import { useSession } from '../../app/session-store.js';
import { getBlobRuntime } from '../../blobs/blob-runtime.js';
import { failure, type CommandContext } from '../tickets/command-support.js';
import type { PreparedPhoto } from './photo-prepare.js';
import { addPhoto, addTimeEntry, voidTimeEntry } from './worklog-commands.js';

/** Worklog commands bound to this device's replica, the signed-in user and the photo queue. */
export function useWorklogCommands() {
  const db = useDatabase();
  const user = useSession((state) => state.user);
  const deviceId = useSession((state) => state.deviceId);
  return useMemo(() => {
    const run = async <T>(command: (ctx: CommandContext) => Promise<T>) => {
      if (!user) return failure('SIGN_IN_REQUIRED', '', 'sign in first');
      return command({ db, user, deviceId, now: new Date() });
    };
    return {
      addTime: (ticketId: string, draft: TimeEntryDraft) => run((ctx) => addTimeEntry(ctx, ticketId, draft)),
      voidTime: (ticketId: string, entryId: string, reason: string) => run((ctx) => voidTimeEntry(ctx, ticketId, entryId, reason)),
      addPhoto: async (ticketId: string, photo: PreparedPhoto, options: { caption: string; source: 'camera' | 'file' }) => {
        const runtime = getBlobRuntime();
        if (!runtime) return failure('SIGN_IN_REQUIRED', '', 'the photo store is not open');
        const result = await run((ctx) => addPhoto(ctx, runtime.repository, ticketId, photo, options));
        runtime.uploader.kick();
        return result;
      },
    };
  }, [db, user, deviceId]);
}
