import type { RxReplicationState } from 'rxdb/plugins/replication';
import { Subject } from 'rxjs';
import type { ErrorCode } from '../../common/errors.js';
import { COLLECTION_NAMES, type CollectionName } from '../../common/schemas/index.js';
import { syncPaths, type SessionUser } from '../../common/sync/protocol.js';
import type { DeskDatabase } from '../db/database.js';
import type { AuthSession } from './auth-session.js';
import { DEFAULT_PULL_BATCH, replicateCollection, type ReplicationContext } from './collection-replication.js';
import { NetworkError, ServerError, SignInRequiredError, toServerError } from './http-errors.js';
import { localPendingPersistence, type PendingPersistence } from './pending-store.js';
import { PendingTracker } from './pending-tracker.js';
import { discardRefused, DiscardError } from './discard.js';
import { resendRefused, type ResendDeps } from './resend.js';
import { ServerStateRequests } from './server-state-requests.js';
import { StreamClient } from './stream-client.js';
import { patchSyncStatus, resetSyncStatus, useSyncStatus, type SyncProblem } from './sync-status-store.js';

export interface SyncEngineOptions {
  readonly db: DeskDatabase;
  readonly auth: AuthSession;
  readonly userId: string;
  readonly persistence?: PendingPersistence;
  readonly retryTimeMs?: number;
  readonly pullBatchSize?: number;
  readonly pushBatchSize?: number;
  /** Tests may turn the live stream off to drive pulls themselves. */
  readonly stream?: boolean;
  /** The user's contracts as last known (cached profile); pulls keep it current. */
  readonly contractIds?: readonly string[];
  /** The account changed on the server (role, contracts, name): the profile follows. */
  readonly onUser?: (user: SessionUser) => void;
  /** How long a discard waits for its server state to be written locally. */
  readonly discardTimeoutMs?: number;
}

type AnyReplication = RxReplicationState<unknown, unknown>;

/**
 * Runs the replication of every collection for one signed-in user, the shared SSE stream, and
 * the status the header shows. Never deletes local data: stopping only stops talking to the server.
 */
export class SyncEngine {
  readonly tracker: PendingTracker;
  private auth: AuthSession;
  private replications = new Map<CollectionName, AnyReplication>();
  private readonly streams = new Map<CollectionName, Subject<'RESYNC'>>();
  private stream: StreamClient | null = null;
  private readonly lastSyncKey: string;
  private readonly cleanups: (() => void)[] = [];
  private readonly serverStates = new ServerStateRequests();

  constructor(private readonly options: SyncEngineOptions) {
    this.auth = options.auth;
    this.lastSyncKey = `deskops.lastSync.${options.userId}`;
    this.tracker = new PendingTracker(options.db, options.persistence ?? localPendingPersistence(options.userId), (pending, documentErrors) =>
      patchSyncStatus({ pending, documentErrors }),
    );
    if (options.contractIds) this.tracker.setScope(options.contractIds);

    for (const name of COLLECTION_NAMES) this.streams.set(name, new Subject<'RESYNC'>());
  }

  get serverUrl(): string {
    return this.auth.serverUrl;
  }

  start(): void {
    const stored = Number(globalThis.localStorage?.getItem(this.lastSyncKey));
    resetSyncStatus({ lastSyncAt: Number.isFinite(stored) && stored > 0 ? stored : null });
    this.tracker.start();
    this.listenToBrowser();
    this.connect();
  }

  /** After the person signed in again: new tokens, same replica, the queue goes up. */
  resume(auth: AuthSession): void {
    this.auth.stop();
    this.auth = auth;
    patchSyncStatus({ signInRequired: false, lastError: null });
    this.connect();
  }

  /** Refresh failed for good: stop talking to the server, keep every local change. */
  handleSignInRequired(reason: ErrorCode): void {
    patchSyncStatus({ signInRequired: true, running: false, lastError: problem(reason, 'sign in required') });
    void this.disconnect();
  }

  async stop(): Promise<void> {
    for (const cleanup of this.cleanups.splice(0)) cleanup();
    this.serverStates.failAll(new DiscardError('not-connected'));
    await this.disconnect();
    this.auth.stop();
    this.tracker.stop();
    patchSyncStatus({ running: false });
  }

  replication(name: CollectionName): AnyReplication | undefined {
    return this.replications.get(name);
  }

  /** Resolves when every collection is caught up both ways (tests, "sync now"). */
  async awaitInSync(): Promise<void> {
    await Promise.all([...this.replications.values()].map((replication) => replication.awaitInSync()));
    await this.tracker.verify();
  }

  /**
   * A request to the sync server with this session's token (refreshed as needed), for side
   * channels such as photo uploads; the caller handles the answer. Throws NetworkError and
   * SignInRequiredError like the replication's own requests.
   */
  authorizedFetch(path: string, init?: RequestInit): Promise<Response> {
    return this.auth.fetch(path, init);
  }

  reSyncAll(): void {
    for (const subject of this.streams.values()) subject.next('RESYNC');
  }

  /**
   * Throws a refused local change away: the document goes back to the server's current state,
   * or leaves this device when the server never accepted it (or no longer shows it to this
   * user). Needs a connection; on failure the refused change stays as it was (see discard.ts).
   */
  discard(name: CollectionName, docId: string): Promise<void> {
    return discardRefused(this.discardDeps(), name, docId);
  }

  private discardDeps(): ResendDeps {
    return {
      db: this.options.db,
      tracker: this.tracker,
      serverStates: this.serverStates,
      connected: (collection) => this.replications.has(collection),
      pullNow: (collection) => this.streams.get(collection)?.next('RESYNC'),
      timeoutMs: this.options.discardTimeoutMs ?? 20_000,
      request: (path, init) => this.request(path, init),
    };
  }

  /**
   * The user's contracts now. Changes refused only because their contract was taken away are
   * sent again when it comes back (after the current pull: a resend may need the pull itself).
   */
  private scopeIs(contractIds: readonly string[]): void {
    const back = this.tracker.setScope(contractIds);
    for (const entry of back) {
      if (this.tracker.isPending(entry.collection, entry.docId)) continue;
      setTimeout(() => {
        resendRefused(this.discardDeps(), entry.collection, entry.docId)
          .then((outcome) => outcome === 'kept' && this.tracker.notOutOfScope(entry.collection, entry.docId))
          .catch(() => this.tracker.notOutOfScope(entry.collection, entry.docId));
      }, 0);
    }
  }

  /** A request to the sync server with the session's tokens (refreshed as needed); not a sync step. */
  api(path: string, init?: RequestInit): Promise<Response> {
    return this.auth.fetch(path, init);
  }

  /** The server says the account changed: read it again, then pull everything (the pull restarts in the new scope). */
  private async accountChanged(): Promise<void> {
    try {
      const response = await this.auth.fetch(syncPaths.me);
      if (response.ok) {
        const user = (await response.json()) as SessionUser;
        this.scopeIs(user.contractIds);
        this.options.onUser?.(user);
      }
    } catch (error) {
      this.report(error);
    }
    this.reSyncAll();
  }

  private connect(): void {
    const context = this.context();
    for (const name of COLLECTION_NAMES) {
      const replication = replicateCollection(name, context) as unknown as AnyReplication;
      this.replications.set(name, replication);
      this.tracker.attach(name, replication);
    }
    patchSyncStatus({ running: true, initial: { active: true, received: 0, expected: null } });
    const replications = [...this.replications.values()];
    void Promise.all(replications.map((replication) => replication.awaitInitialReplication())).then(() => {
      if (this.replications.size === 0 || replications.some((replication) => replication.isStopped())) return;
      this.markSynced();
      patchSyncStatus({ initial: { ...useSyncStatus.getState().initial, active: false } });
    });
    if (this.options.stream !== false) {
      this.stream = new StreamClient(this.auth, {
        onOpen: () => this.reSyncAll(),
        onMessage: (message) => {
          if (message.type === 'change') this.streams.get(message.collection)?.next('RESYNC');
          else if (message.type === 'resync') void this.accountChanged();
          else this.reSyncAll();
        },
        onClose: (error) => this.report(error),
      });
      this.stream.start();
    }
  }

  private async disconnect(): Promise<void> {
    this.stream?.stop();
    this.stream = null;
    this.tracker.detachReplications();
    const replications = [...this.replications.values()];
    this.replications.clear();
    await Promise.all(replications.map((replication) => replication.cancel()));
  }

  private context(): ReplicationContext {
    return {
      db: this.options.db,
      serverUrl: this.auth.serverUrl,
      userId: this.options.userId,
      tracker: this.tracker,
      retryTimeMs: this.options.retryTimeMs ?? 4_000,
      pullBatchSize: this.options.pullBatchSize ?? DEFAULT_PULL_BATCH,
      pushBatchSize: this.options.pushBatchSize ?? 100,
      stream$: (name) => this.streams.get(name) ?? new Subject<'RESYNC'>(),
      scope: (contractIds) => this.scopeIs(contractIds),
      serverStates: this.serverStates,
      request: (path, init) => this.request(path, init),
      pulled: (_name, count, batchSize) => {
        const { initial } = useSyncStatus.getState();
        if (initial.active && count > 0) patchSyncStatus({ initial: { ...initial, received: initial.received + count } });
        if (count < batchSize) this.markSynced();
      },
    };
  }

  private async request(path: string, init?: RequestInit): Promise<Response> {
    const auth = this.auth;
    let response: Response;
    try {
      response = await auth.fetch(path, init);
    } catch (error) {
      if (auth === this.auth) this.report(error);
      throw error;
    }
    if (!response.ok) {
      const refused = await toServerError(response);
      if (auth === this.auth) this.report(refused);
      throw refused;
    }
    patchSyncStatus({ serverReachable: true });
    const { lastError } = useSyncStatus.getState();
    if (lastError && (lastError.code === 'NETWORK_UNREACHABLE' || lastError.code === 'SERVER_UNAVAILABLE')) patchSyncStatus({ lastError: null });
    if (init?.method === 'POST') this.markSynced();
    return response;
  }

  private report(error: unknown): void {
    if (error === null || error === undefined) return;
    if (error instanceof NetworkError) {
      patchSyncStatus({ serverReachable: false, lastError: problem('NETWORK_UNREACHABLE', error.message) });
    } else if (error instanceof SignInRequiredError) {
      patchSyncStatus({ signInRequired: true });
    } else if (error instanceof ServerError) {
      const patch = { serverReachable: true, lastError: { ...problem(error.status >= 500 ? 'SERVER_UNAVAILABLE' : error.code, error.message), retryAfterSeconds: error.retryAfterSeconds } };
      patchSyncStatus(error.code === 'CLIENT_OUTDATED' ? { ...patch, outdated: true } : patch);
      // Retrying cannot help an outdated app; local work stays and goes up after the update.
      if (error.code === 'CLIENT_OUTDATED') void this.disconnect();
    } else if (!(error instanceof DOMException && error.name === 'AbortError')) {
      patchSyncStatus({ lastError: problem('INTERNAL', error instanceof Error ? error.message : JSON.stringify(error)) });
    }
  }

  private markSynced(): void {
    const now = Date.now();
    globalThis.localStorage?.setItem(this.lastSyncKey, String(now));
    patchSyncStatus({ lastSyncAt: now });
  }

  private listenToBrowser(): void {
    if (typeof window === 'undefined') return;
    const online = () => {
      patchSyncStatus({ browserOnline: true });
      this.stream?.reconnectNow();
      this.reSyncAll();
    };
    const offline = () => patchSyncStatus({ browserOnline: false });
    window.addEventListener('online', online);
    window.addEventListener('offline', offline);
    this.cleanups.push(() => {
      window.removeEventListener('online', online);
      window.removeEventListener('offline', offline);
    });
  }
}

function problem(code: ErrorCode, message: string): SyncProblem {
  return { code, message, at: Date.now() };
}
