import { useMemo } from 'react';
import type { ConflictRecord } from '../../../common/sync/merge/conflict-record.js';
import { useDatabase } from '../../app/database-context.js';
import { useSession } from '../../app/session-store.js';
import { failure, type CommandContext, type CommandResult } from '../tickets/command-support.js';
import { dismissConflict, restoreConflict } from './conflict-commands.js';

/** Restore and dismiss bound to this replica and the signed-in user, with the device time of the click. */
export function useConflictCommands() {
  const db = useDatabase();
  const user = useSession((state) => state.user);
  const deviceId = useSession((state) => state.deviceId);
  return useMemo(() => {
    const run = async (command: (ctx: CommandContext) => Promise<CommandResult<null>>): Promise<CommandResult<null>> => {
      if (!user) return failure('SIGN_IN_REQUIRED', '', 'sign in first');
      return command({ db, user, deviceId, now: new Date() });
    };
    return {
      restore: (record: ConflictRecord) => run((ctx) => restoreConflict(ctx, record)),
      dismiss: (record: ConflictRecord) => run((ctx) => dismissConflict(ctx, record)),
    };
  }, [db, user, deviceId]);
}
