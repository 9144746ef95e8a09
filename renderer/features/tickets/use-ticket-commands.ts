import { useMemo } from 'react';
import type { TicketStatus, WaitingReason } from '../../../common/domain/vocabulary.js';
import { useDatabase } from '../../app/database-context.js';
import { useSession } from '../../app/session-store.js';
import { failure } from './command-support.js';
import {
  addNote,
  changeStatus,
  createTicket,
  updateTicket,
  type CommandContext,
  type NoteVisibility,
  type TicketDraft,
  type TicketPatch,
} from './ticket-commands.js';

/**
 * The ticket commands bound to this device's replica and the signed-in user; each call takes the
 * device time at the moment it runs. Screens call these, never RxDB directly.
 */
export function useTicketCommands() {
  const db = useDatabase();
  const user = useSession((state) => state.user);
  const deviceId = useSession((state) => state.deviceId);
  return useMemo(() => {
    const run = async <T>(command: (ctx: CommandContext) => Promise<T>) => {
      if (!user) return failure('SIGN_IN_REQUIRED', '', 'sign in first');
      return command({ db, user, deviceId, now: new Date() });
    };
    return {
      create: (draft: TicketDraft) => run((ctx) => createTicket(ctx, draft)),
      update: (id: string, patch: TicketPatch) => run((ctx) => updateTicket(ctx, id, patch)),
      changeStatus: (id: string, to: TicketStatus, reason: WaitingReason | null, comment?: string) =>
        run((ctx) => changeStatus(ctx, id, to, reason, comment)),
      addNote: (id: string, text: string, visibility: NoteVisibility) => run((ctx) => addNote(ctx, id, text, visibility)),
    };
  }, [db, user, deviceId]);
}
