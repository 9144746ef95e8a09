import { isSupervisorRole } from '../../../common/auth/permissions.js';
import type { Role } from '../../../common/domain/vocabulary.js';
import type { Contract } from '../../../common/schemas/contracts.js';
import type { DeskDatabase } from '../../db/database.js';
import { failure, success, type CommandResult } from '../tickets/command-support.js';
import { applyForm, formProblems, type ContractForm, type FieldProblem } from './contract-form.js';

export interface ContractCommandContext {
  readonly db: DeskDatabase;
  readonly role: Role;
  readonly now: Date;
}

export type SaveResult = CommandResult<Contract> | { readonly ok: false; readonly problems: ReadonlyMap<string, FieldProblem> };

/** Thrown inside the write when the latest stored version makes the form invalid. */
class Refused extends Error {
  constructor(readonly problems: ReadonlyMap<string, FieldProblem>) {
    super('refused');
  }
}

/**
 * Saves the sections this person changed onto the latest local version of the contract (offline
 * like every edit: the replica takes it, sync sends it). The checks run again inside the write,
 * against the version stored at that moment, so one that synced in meanwhile is never overwritten
 * blindly.
 */
export async function saveContract(ctx: ContractCommandContext, id: string, base: ContractForm, form: ContractForm): Promise<SaveResult> {
  // The server refuses anyone else too (403); saying so here keeps the change from being queued.
  if (!isSupervisorRole(ctx.role)) return failure('ROLE_FORBIDDEN', '', 'only supervisors and admins change contracts');
  const doc = await ctx.db.contracts.findOne(id).exec();
  if (!doc) return failure('NOT_FOUND', '', 'contract not found');
  try {
    const saved = await doc.incrementalModify((stored) => {
      const current = stored as Contract;
      const problems = formProblems(current, base, form);
      if (problems.size > 0) throw new Refused(problems);
      return applyForm(current, base, form, ctx.now.toISOString());
    });
    return success(saved.toMutableJSON());
  } catch (error) {
    const inner = (error as { parameters?: { error?: unknown } } | null)?.parameters?.error;
    const refused = error instanceof Refused ? error : inner instanceof Refused ? inner : null;
    if (refused) return { ok: false, problems: refused.problems };
    return failure('INTERNAL', '', error instanceof Error ? error.message : String(error));
  }
}
