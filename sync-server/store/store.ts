import type { Role } from '../../common/domain/vocabulary.js';
import type { ServerErrorCode } from '../../common/errors.js';
import type { CollectionName } from '../../common/schemas/collections.js';
import type { DocError } from '../errors.js';

/**
 * Everything the server keeps, behind one asynchronous interface so the embedded SQLite store
 * and a PostgreSQL store can serve the same routes and run the same tests.
 */

/** A document body as the client sent it, without RxDB internals and without `_deleted`. */
export type DocBody = Readonly<Record<string, unknown>> & { readonly id: string; readonly contractId: string };

/** The client-visible state of a document: its body and whether it is a tombstone. */
export interface DocState {
  readonly body: DocBody;
  readonly deleted: boolean;
}

/** A stored document: client state plus server-owned facts kept apart from the body. */
export interface StoredDoc extends DocState {
  readonly collection: CollectionName;
  readonly id: string;
  readonly contractId: string;
  readonly seq: number;
  readonly updatedBy: string;
  readonly deviceId: string;
  readonly serverTime: string;
}

export interface Author {
  readonly userId: string;
  readonly deviceId: string;
}

export interface PushWrite {
  readonly assumed: DocState | null;
  readonly next: DocState;
}

/**
 * Authorisation and domain rules that depend on the stored document. Runs inside the write
 * transaction, once per row before that row is applied; any refusal rolls the whole batch back.
 */
export type RowGuard = (row: PushWrite, stored: StoredDoc | undefined) => DocError | null;

export type PushBatchResult =
  | {
      readonly ok: true;
      /** Current server state of every row that conflicted. */
      readonly conflicts: readonly StoredDoc[];
      /** Rows written (inserted or updated), with their new sequence. */
      readonly written: readonly { readonly id: string; readonly contractId: string; readonly seq: number }[];
    }
  | { readonly ok: false; readonly error: DocError };

export interface UserRecord {
  readonly id: string;
  readonly username: string;
  readonly name: string;
  readonly role: Role;
  readonly contractIds: readonly string[];
  readonly passwordHash: string;
  readonly disabled: boolean;
  /** The account version: the 'accounts' counter's value at the account's last change. */
  readonly version: number;
  readonly createdAt: string;
  readonly updatedAt: string | null;
  /** Epoch ms when every session was last ended; access tokens issued before are refused. */
  readonly sessionsRevokedAt: number | null;
}

/** What a new account needs; the store assigns version and times. */
export type NewUser = Omit<UserRecord, 'version' | 'createdAt' | 'updatedAt' | 'sessionsRevokedAt'>;

/** Fields an account change may set; absent ones stay as they are. */
export interface UserChange {
  readonly name?: string;
  readonly role?: Role;
  readonly contractIds?: readonly string[];
  readonly disabled?: boolean;
  readonly passwordHash?: string;
}

export interface AccountRefusal {
  readonly code: ServerErrorCode;
  readonly message: string;
  readonly path?: string;
}

export type AccountDecision = { readonly change: UserChange } | { readonly refusal: AccountRefusal };

/**
 * Decides the change from the stored account (who may change it, stale versions, what a
 * supervisor may touch). Runs inside the account write transaction, after the account row is
 * read; a refusal writes nothing.
 */
export type AccountDecider = (current: UserRecord) => AccountDecision;

export type UpdateUserResult =
  | { readonly ok: true; readonly before: UserRecord; readonly after: UserRecord }
  /** `NOT_FOUND` when there is no such account, else the decider's refusal. */
  | { readonly ok: false; readonly error: AccountRefusal };

export interface RefreshTokenRecord {
  readonly id: string;
  readonly family: string;
  readonly userId: string;
  readonly deviceId: string;
  readonly hash: string;
  /** Epoch ms. */
  readonly expires: number;
}

export type RotateResult =
  | { readonly status: 'rotated'; readonly previous: RefreshTokenRecord }
  | { readonly status: 'reused'; readonly previous: RefreshTokenRecord }
  | { readonly status: 'invalid' };

export interface AuditEntry {
  readonly event: string;
  readonly userId?: string | null;
  readonly username?: string | null;
  readonly ip?: string | null;
  readonly deviceId?: string | null;
  readonly detail?: Readonly<Record<string, unknown>>;
}

export interface AuditRecord extends AuditEntry {
  readonly id: number;
  readonly at: string;
}

/** A pull page as wire JSON: each document's text exactly as `toWire` would serialise it. */
export interface WirePage {
  readonly documents: readonly string[];
  /** Sequence of the last document, null for an empty page. */
  readonly lastSeq: number | null;
}

/** A content-addressed attachment of one contract (bytes named by their SHA-256). */
export interface BlobRecord {
  readonly contractId: string;
  readonly sha256: string;
  readonly mime: string;
  readonly data: Uint8Array;
  readonly uploadedBy: string;
  readonly deviceId: string;
}

export interface StoredBlob {
  readonly contractId: string;
  readonly sha256: string;
  readonly mime: string;
  readonly size: number;
  readonly data: Buffer;
}

export interface Store {
  /** Documents of the given contracts changed after `sinceSeq`, in sequence order, at most `limit`. */
  pull(collection: CollectionName, contractIds: readonly string[], sinceSeq: number, limit: number): Promise<StoredDoc[]>;
  /** The same page as `pull`, as wire JSON made from the stored text (no parse and re-serialise). */
  pullWire(collection: CollectionName, contractIds: readonly string[], sinceSeq: number, limit: number): Promise<WirePage>;
  getDocs(collection: CollectionName, ids: readonly string[]): Promise<StoredDoc[]>;
  /** One write transaction: guard, conflict check and writes for every row, all or nothing. */
  pushBatch(collection: CollectionName, rows: readonly PushWrite[], author: Author, guard: RowGuard): Promise<PushBatchResult>;
  /** Server-authoritative upserts (demo data, staff directory); identical states are skipped. */
  putServerDocs(collection: CollectionName, docs: readonly DocState[], author: Author): Promise<number>;
  /** Every accepted revision of a document, oldest first. */
  listRevisions(collection: CollectionName, id: string): Promise<StoredDoc[]>;
  maxSeq(): Promise<number>;

  /** Null when the id or the user name is taken. Raises the account counter. */
  createUser(user: NewUser): Promise<UserRecord | null>;
  getUserById(id: string): Promise<UserRecord | null>;
  getUserByUsername(username: string): Promise<UserRecord | null>;
  listUsers(): Promise<UserRecord[]>;
  /**
   * One account write transaction: read, decide, apply. Account writes take turns across
   * instances (the 'accounts' counter row is their lock); a change that changes nothing keeps
   * the version.
   */
  updateUser(id: string, decide: AccountDecider): Promise<UpdateUserResult>;
  /**
   * Ends every session of the user (disabled, password reset): revokes all refresh-token
   * families and records the time, so access tokens issued before it are refused too. Returns
   * how many refresh tokens were live.
   */
  revokeUserSessions(userId: string, now: number): Promise<number>;

  /** Epoch ms until which the user name is locked, or null. */
  getLoginLock(username: string, now: number): Promise<number | null>;
  /** Counts a failure; returns the lock end when this failure locked the name. */
  recordLoginFailure(username: string, now: number, policy: { maxFailures: number; lockMs: number }): Promise<number | null>;
  clearLoginFailures(username: string): Promise<void>;

  insertRefreshToken(token: RefreshTokenRecord, now: number): Promise<void>;
  /** Atomically marks `hash` used and stores `next` in the same family; reuse revokes the family. */
  rotateRefreshToken(hash: string, next: Omit<RefreshTokenRecord, 'family' | 'userId' | 'deviceId'>, now: number): Promise<RotateResult>;
  /** Revokes the family of the token with this hash; false when unknown. */
  revokeRefreshFamily(hash: string): Promise<boolean>;

  /** Stores the blob unless that contract already has it: 'exists' writes nothing (idempotent). */
  putBlob(blob: BlobRecord, now: string): Promise<'created' | 'exists'>;
  /** The blob with this hash in one of the given contracts, or null (missing and forbidden alike). */
  getBlob(sha256: string, contractIds: readonly string[]): Promise<StoredBlob | null>;

  audit(entry: AuditEntry): Promise<void>;
  listAudit(limit: number): Promise<AuditRecord[]>;

  /**
   * Runs `work` holding the start-up lock: with several instances on one PostgreSQL only one
   * at a time checks for an empty store and seeds it (an advisory lock); SQLite has one process.
   */
  withStartupLock<T>(work: () => Promise<T>): Promise<T>;

  close(): Promise<void>;
}
