import type { Role } from '../../common/domain/vocabulary.js';
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
}

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
  getDocs(collection: CollectionName, ids: readonly string[]): Promise<StoredDoc[]>;
  /** One write transaction: guard, conflict check and writes for every row, all or nothing. */
  pushBatch(collection: CollectionName, rows: readonly PushWrite[], author: Author, guard: RowGuard): Promise<PushBatchResult>;
  /** Server-authoritative upserts (demo data, staff directory); identical states are skipped. */
  putServerDocs(collection: CollectionName, docs: readonly DocState[], author: Author): Promise<number>;
  /** Every accepted revision of a document, oldest first. */
  listRevisions(collection: CollectionName, id: string): Promise<StoredDoc[]>;
  maxSeq(): Promise<number>;

  createUser(user: UserRecord): Promise<void>;
  getUserById(id: string): Promise<UserRecord | null>;
  getUserByUsername(username: string): Promise<UserRecord | null>;
  listUsers(): Promise<UserRecord[]>;

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

  close(): Promise<void>;
}
