import { contractIssues } from '../../common/contracts/contract-rules.js';
import type { TicketStatus } from '../../common/domain/vocabulary.js';
import type { Contract } from '../../common/schemas/contracts.js';
import { COLLECTIONS, canWrite, type CollectionName } from '../../common/schemas/collections.js';
import { deepEqual } from '../../common/sync/merge/deep-equal.js';
import { PUSH_ROWS_MAX, type SessionUser } from '../../common/sync/protocol.js';
import { canReach } from '../../common/tickets/status-machine.js';
import { validateDocument } from '../../common/validation/validate.js';
import { HttpError, type DocError } from '../errors.js';
import { sameState, toDocState } from '../store/doc-state.js';
import type { DocState, PushWrite, RowGuard } from '../store/store.js';

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Checks a push body without touching the store: shape, size, and every row against the shared
 * schema. The first bad row refuses the whole request, naming its document and field.
 */
export function parsePushRows(collection: CollectionName, user: SessionUser, body: unknown): PushWrite[] {
  if (!canWrite(user.role, collection)) {
    throw new HttpError('ROLE_FORBIDDEN', `A ${user.role} may not change ${collection}.`);
  }
  if (!Array.isArray(body)) throw new HttpError('BAD_REQUEST', 'The push body must be an array of rows');
  if (body.length > PUSH_ROWS_MAX) {
    throw new HttpError('BAD_REQUEST', `A push carries at most ${PUSH_ROWS_MAX} rows, got ${body.length}`);
  }
  return body.map((row: unknown, index) => {
    if (!isObject(row) || !isObject(row['newDocumentState'])) {
      throw new HttpError('BAD_REQUEST', `Row ${index} has no newDocumentState object`);
    }
    const raw = row['newDocumentState'];
    const docId = typeof raw['id'] === 'string' ? raw['id'] : undefined;
    const fail = (path: string, message: string) =>
      new HttpError('VALIDATION_FAILED', message, { ...(docId !== undefined ? { docId } : {}), path });
    if (raw['_deleted'] !== undefined && typeof raw['_deleted'] !== 'boolean') throw fail('_deleted', '_deleted must be a boolean');
    const result = validateDocument(collection, raw);
    if (!result.ok) throw fail(result.issue.path, `${collection} document is invalid at "${result.issue.path || '(document)'}": ${result.issue.message}`);
    // What the schema cannot say (an IANA zone this server knows, shifts in order): the editor's own rules.
    if (collection === 'contracts' && raw['_deleted'] !== true) {
      const issue = contractIssues(raw as unknown as Contract)[0];
      if (issue) throw fail(issue.path, `contracts document is invalid at "${issue.path}": ${issue.message}`);
    }
    const next = toDocState(raw);
    const assumedRaw = row['assumedMasterState'];
    let assumed: DocState | null = null;
    if (assumedRaw !== undefined && assumedRaw !== null) {
      if (!isObject(assumedRaw) || assumedRaw['id'] !== next.body.id) {
        throw fail('assumedMasterState', 'assumedMasterState must be the same document as newDocumentState');
      }
      assumed = toDocState(assumedRaw);
    }
    return { assumed, next };
  });
}

/**
 * The rules that need the stored document; they run inside the push transaction. A document the
 * user may not see answers exactly like a missing one (404), so tenancy leaks nothing.
 */
export function pushGuard(collection: CollectionName, user: SessionUser): RowGuard {
  const contracts = new Set(user.contractIds);
  return (row, stored): DocError | null => {
    const docId = row.next.body.id;
    const notFound: DocError = { code: 'NOT_FOUND', message: `Document "${docId}" was not found.`, docId };
    if (!contracts.has(row.next.body.contractId)) return notFound;
    if (stored && !contracts.has(stored.contractId)) return notFound;
    if (stored && stored.contractId !== row.next.body.contractId) {
      return { code: 'VALIDATION_FAILED', message: 'A document cannot move to another contract.', docId, path: 'contractId' };
    }
    if (collection === 'contracts' && row.next.body.id !== row.next.body.contractId) {
      return { code: 'VALIDATION_FAILED', message: 'A contract\'s contractId must equal its id.', docId, path: 'contractId' };
    }
    if (COLLECTIONS[collection].immutable) return immutableRule(row, stored, user, docId);
    if (collection === 'conflicts') return conflictRule(row, stored, user, docId);
    if (collection === 'tickets' && stored && row.assumed && sameState(stored, row.assumed)) {
      return transitionRule(stored.body['status'], row.next.body['status'], docId);
    }
    return null;
  };
}

function immutableRule(row: PushWrite, stored: DocState | undefined, user: SessionUser, docId: string): DocError | null {
  if (stored) {
    return sameState(stored, row.next)
      ? null
      : { code: 'EVENT_IMMUTABLE', message: `Event "${docId}" already exists with other content; events are never changed.`, docId };
  }
  // The author of a new fact is the signed-in user; another name would be a forged record.
  if (row.next.body['authorId'] !== user.id) {
    return { code: 'SERVER_FIELD_FORGED', message: 'An event\'s authorId must be the signed-in user.', docId, path: 'authorId' };
  }
  return null;
}

function transitionRule(from: unknown, to: unknown, docId: string): DocError | null {
  // Reachable, not one step: offline work between two pushes arrives as one jump (see canReach).
  if (canReach(from as TicketStatus, to as TicketStatus)) return null;
  return {
    code: 'TRANSITION_NOT_ALLOWED',
    message: `A ticket cannot go from "${String(from)}" to "${String(to)}".`,
    docId,
    path: 'status',
  };
}

/** Who may decide what happens to an overruled value (restore it or dismiss it). */
const RESOLVERS: readonly string[] = ['supervisor', 'admin'];

/**
 * Conflict records are written once by the merging device: a new record names the signed-in user
 * as the one whose merge produced it and is unresolved. Afterwards only `resolution` changes, and
 * only by a supervisor or an admin. A row whose assumed state is stale is left to the conflict
 * check (the client merges and retries), exactly like tickets.
 */
function conflictRule(row: PushWrite, stored: DocState | undefined, user: SessionUser, docId: string): DocError | null {
  const next = row.next;
  if (!stored) {
    if (next.deleted) return { code: 'VALIDATION_FAILED', message: 'A conflict record cannot be created deleted.', docId, path: '_deleted' };
    if (next.body['localAuthorId'] !== user.id) {
      return { code: 'SERVER_FIELD_FORGED', message: 'A conflict record\'s localAuthorId must be the signed-in user.', docId, path: 'localAuthorId' };
    }
    if (next.body['resolution'] !== null && !RESOLVERS.includes(user.role)) {
      return { code: 'VALIDATION_FAILED', message: `A ${user.role} may not resolve conflicts.`, docId, path: 'resolution' };
    }
    return null;
  }
  if (!row.assumed || !sameState(stored, row.assumed) || sameState(stored, next)) return null;
  if (next.deleted !== stored.deleted) {
    return { code: 'VALIDATION_FAILED', message: 'Conflict records are never deleted.', docId, path: '_deleted' };
  }
  const keys = new Set([...Object.keys(stored.body), ...Object.keys(next.body)]);
  for (const key of [...keys].sort()) {
    if (key === 'resolution') continue;
    if (!deepEqual(stored.body[key], next.body[key])) {
      return { code: 'VALIDATION_FAILED', message: `A conflict record's "${key}" is recorded once and never changes; only its resolution may.`, docId, path: key };
    }
  }
  if (!RESOLVERS.includes(user.role)) {
    return { code: 'VALIDATION_FAILED', message: `A ${user.role} may not resolve conflicts.`, docId, path: 'resolution' };
  }
  return null;
}
