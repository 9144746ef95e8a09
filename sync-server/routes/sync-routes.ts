import type { FastifyInstance } from 'fastify';
import { scopeFingerprint } from '../../common/auth/permissions.js';
import { isCollectionName, type CollectionName } from '../../common/schemas/collections.js';
import {
  API_PREFIX,
  decodeCheckpoint,
  LOOKUP_IDS_MAX,
  PULL_LIMIT_MAX,
  type LookupResponse,
  type SyncCheckpoint,
  type WithDeleted,
} from '../../common/sync/protocol.js';
import type { AuthService } from '../auth/auth-service.js';
import { fromDocError, HttpError } from '../errors.js';
import { asRecord, hasControlCharacter, optionalInteger } from '../http/input.js';
import type { ChangeNotifier } from '../services/notifier.js';
import { parsePushRows, pushGuard } from '../services/push-rules.js';
import { checkSchemaVersion } from '../services/schema-version.js';
import { PullCache } from '../services/pull-cache.js';
import { toWire } from '../store/doc-state.js';
import type { Store } from '../store/store.js';

export const PULL_LIMIT_DEFAULT = 200;

interface SyncRequest {
  Params: { collection: string };
  Querystring: Record<string, string | undefined>;
}

function collectionOf(name: string): CollectionName {
  if (!isCollectionName(name)) throw new HttpError('NOT_FOUND', `There is no collection "${name}".`);
  return name;
}

function lookupIds(body: unknown): string[] {
  const ids = asRecord(body, 'The lookup request')['ids'];
  if (!Array.isArray(ids) || ids.length === 0 || ids.length > LOOKUP_IDS_MAX) {
    throw new HttpError('BAD_REQUEST', `"ids" must be a list of 1 to ${LOOKUP_IDS_MAX} document ids.`, { path: 'ids' });
  }
  for (const id of ids) {
    if (typeof id !== 'string' || id.length === 0 || id.length > 130 || hasControlCharacter(id)) {
      throw new HttpError('BAD_REQUEST', '"ids" must hold document ids (strings of 1 to 130 characters, no control characters).', { path: 'ids' });
    }
  }
  return [...new Set(ids as string[])];
}

export function registerSyncRoutes(app: FastifyInstance, deps: { store: Store; auth: AuthService; notifier: ChangeNotifier }): void {
  const { store, auth, notifier } = deps;

  const pages = new PullCache();

  app.get<SyncRequest>(`${API_PREFIX}/sync/:collection/pull`, async (request, reply) => {
    const { user } = await auth.authenticate(request.headers.authorization);
    const collection = collectionOf(request.params.collection);
    checkSchemaVersion(collection, request.query['schema']);
    const limit = Math.min(optionalInteger(request.query['limit'], 'limit', PULL_LIMIT_DEFAULT, 1), PULL_LIMIT_MAX);
    const scope = scopeFingerprint(user.contractIds);
    let since = 0;
    let scopeChanged = true;
    const text = request.query['checkpoint'];
    if (text) {
      const checkpoint = decodeCheckpoint(text);
      if (!checkpoint) throw new HttpError('CHECKPOINT_INVALID', 'The checkpoint was not issued by this server.', { path: 'checkpoint' });
      // A changed scope (contracts added or removed) restarts from zero so newly visible history arrives.
      scopeChanged = checkpoint.scope !== scope;
      since = scopeChanged ? 0 : checkpoint.seq;
    }
    const counter = await store.maxSeq();
    // A checkpoint beyond anything stored comes from a data folder that was reset: start over.
    if (since > counter) since = 0;
    const key = PullCache.key({ collection, contractIds: user.contractIds, since, limit, counter });
    let page = pages.get(key);
    if (page === undefined) {
      const found = await store.pullWire(collection, user.contractIds, since, limit);
      const checkpoint: SyncCheckpoint = { seq: found.lastSeq ?? since, scope };
      page = `"documents":[${found.documents.join(',')}],"checkpoint":${JSON.stringify(checkpoint)}`;
      pages.set(key, page);
    }
    // A (re)start names the contracts now visible, so the client can drop what no longer is
    // (the `contractIds` of PullResponse).
    const contracts = scopeChanged ? `,"contractIds":${JSON.stringify(user.contractIds)}` : '';
    return reply.type('application/json; charset=utf-8').send(`{${page}${contracts}}`);
  });

  // The server's current state of some documents, for a client that must put a refused change
  // back (discard) and may never have pulled that state. Tenancy as in pull: others are left out.
  app.post<SyncRequest>(`${API_PREFIX}/sync/:collection/lookup`, async (request) => {
    const { user } = await auth.authenticate(request.headers.authorization);
    const collection = collectionOf(request.params.collection);
    checkSchemaVersion(collection, request.query['schema']);
    const ids = lookupIds(request.body);
    const contracts = new Set(user.contractIds);
    const docs = await store.getDocs(collection, ids);
    const documents = docs.filter((doc) => contracts.has(doc.contractId)).map(toWire) as WithDeleted<Record<string, unknown>>[];
    return { documents } satisfies LookupResponse<Record<string, unknown>>;
  });

  app.post<SyncRequest>(`${API_PREFIX}/sync/:collection/push`, async (request) => {
    const { user, deviceId } = await auth.authenticate(request.headers.authorization);
    const collection = collectionOf(request.params.collection);
    checkSchemaVersion(collection, request.query['schema']);
    const denied = (code: string, docId?: string) =>
      store.audit({ event: 'sync.denied', userId: user.id, username: user.username, ip: request.ip, deviceId, detail: { collection, code, docId } });
    let rows;
    try {
      rows = parsePushRows(collection, user, request.body);
    } catch (error) {
      if (error instanceof HttpError && error.code === 'ROLE_FORBIDDEN') await denied(error.code);
      throw error;
    }
    if (rows.length === 0) return [];
    const result = await store.pushBatch(collection, rows, { userId: user.id, deviceId }, pushGuard(collection, user));
    if (!result.ok) {
      if (result.error.code === 'NOT_FOUND') await denied(result.error.code, result.error.docId);
      throw fromDocError(result.error);
    }
    if (result.written.length > 0) {
      notifier.publish({
        collection,
        seq: Math.max(...result.written.map((row) => row.seq)),
        contractIds: [...new Set(result.written.map((row) => row.contractId))],
      });
    }
    return result.conflicts.map(toWire);
  });
}
