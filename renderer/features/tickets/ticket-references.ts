import { LEVELS, type Level } from '../../../common/domain/vocabulary.js';
import type { Contract } from '../../../common/schemas/contracts.js';
import { priorityOf } from '../../../common/tickets/priority.js';
import type { DeskDatabase } from '../../db/database.js';
import { failure, type CommandError } from './command-support.js';

type Failure = { ok: false; error: CommandError };

/** The references a ticket form can set; `undefined` = not being changed. */
export interface TicketReferences {
  readonly siteId?: string | null;
  readonly requesterId?: string | null;
  readonly assigneeId?: string | null;
  readonly deliveryMode?: string | null;
}

export function isLevel(value: unknown): value is Level {
  return (LEVELS as readonly unknown[]).includes(value);
}

/** urgency × impact → priority; 0 (refused by the schema) when either level is not a level. */
export function priorityFor(urgency: unknown, impact: unknown): number {
  return isLevel(urgency) && isLevel(impact) ? priorityOf(urgency, impact) : 0;
}

/** Urgency and impact are checked first: the stored priority is computed from them. */
export function checkLevels(levels: { urgency?: unknown; impact?: unknown }): Failure | null {
  if (levels.urgency !== undefined && !isLevel(levels.urgency)) return failure('VALIDATION_FAILED', 'urgency', 'choose an urgency');
  if (levels.impact !== undefined && !isLevel(levels.impact)) return failure('VALIDATION_FAILED', 'impact', 'choose an impact');
  return null;
}

/**
 * A ticket only points at things of its own contract: a site of the contract, a person of the
 * contract, a staff member serving it, a delivery mode it allows. The schema cannot say that.
 */
export async function checkReferences(
  db: DeskDatabase,
  contractId: string,
  refs: TicketReferences,
): Promise<{ ok: true; contract: Contract } | Failure> {
  const contractDoc = contractId ? await db.contracts.findOne(contractId).exec() : null;
  if (!contractDoc) return failure('VALIDATION_FAILED', 'contractId', 'choose a contract');
  const contract = contractDoc.toMutableJSON();
  if (refs.siteId && !contract.sites.some((site) => site.id === refs.siteId)) {
    return failure('VALIDATION_FAILED', 'siteId', 'site is not part of this contract');
  }
  if (refs.deliveryMode !== undefined && !(contract.deliveryModes as readonly unknown[]).includes(refs.deliveryMode)) {
    return failure('VALIDATION_FAILED', 'deliveryMode', 'delivery mode is not allowed by this contract');
  }
  if (refs.requesterId) {
    const person = await db.people.findOne(refs.requesterId).exec();
    if (!person || person.contractId !== contractId) {
      return failure('VALIDATION_FAILED', 'requesterId', 'requester is not a person of this contract');
    }
  }
  if (refs.assigneeId) {
    const staff = await db.staff.findOne({ selector: { contractId, userId: refs.assigneeId } }).exec();
    if (!staff) return failure('VALIDATION_FAILED', 'assigneeId', 'assignee does not serve this contract');
  }
  return { ok: true, contract };
}
