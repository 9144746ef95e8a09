import type { Role } from '../domain/vocabulary.js';
import { COLLECTIONS, type CollectionName } from '../schemas/collections.js';

/**
 * The replication protocol between the RxDB client and the sync server. Written down in
 * sync-server/README.md; this file is the typed source of truth.
 */
export const API_VERSION = 1;
export const API_PREFIX = `/api/v${API_VERSION}` as const;

/** Schema version per collection; the client sends its own in every sync URL (`?schema=`). */
export function schemaVersionOf(collection: CollectionName): number {
  return COLLECTIONS[collection].schema.version;
}

export const PULL_LIMIT_MAX = 1000;
export const PUSH_ROWS_MAX = 1000;
/** Largest request body the server accepts (bytes). */
export const BODY_LIMIT_BYTES = 8 * 1024 * 1024;

/**
 * Opaque to the client. `seq` is the server sequence of the last document returned (strictly
 * increasing in commit order); `scope` fingerprints the user's contracts when it was issued, so a
 * change of scope restarts the pull.
 */
export interface SyncCheckpoint {
  readonly seq: number;
  readonly scope: string;
}

export type WithDeleted<T> = T & { _deleted: boolean };

export interface PullResponse<T> {
  readonly documents: readonly WithDeleted<T>[];
  readonly checkpoint: SyncCheckpoint;
  /**
   * The user's current contracts, sent when the pull (re)starts: no checkpoint, or one issued for
   * another scope. The client then removes, as if the server had deleted them, the local
   * documents of contracts no longer listed (see renderer/sync/scope-purge.ts).
   */
  readonly contractIds?: readonly string[];
}

/** At most this many ids per lookup. */
export const LOOKUP_IDS_MAX = 1000;

/** `POST /sync/<collection>/lookup`: the server's current state of some documents. */
export interface LookupRequest {
  readonly ids: readonly string[];
}

/** Only documents the user may see; a forbidden id is left out exactly like a missing one. */
export interface LookupResponse<T> {
  readonly documents: readonly WithDeleted<T>[];
}

export interface PushRow<T> {
  readonly assumedMasterState?: WithDeleted<T> | null;
  readonly newDocumentState: WithDeleted<T>;
}

/** The server's current state of every conflicting document; `[]` when all rows were written. */
export type PushResponse<T> = readonly WithDeleted<T>[];

/** Messages on the server-sent-events stream. */
export type StreamMessage =
  | { readonly type: 'hello'; readonly serverTime: string }
  | { readonly type: 'change'; readonly collection: CollectionName; readonly seq: number }
  /**
   * The user's account changed (contracts, role, name): pull every collection again. The pull
   * answers with the new scope; a disabled account's stream ends instead.
   */
  | { readonly type: 'resync' };

export interface SessionUser {
  readonly id: string;
  readonly username: string;
  readonly name: string;
  readonly role: Role;
  readonly contractIds: readonly string[];
}

export interface LoginRequest {
  readonly username: string;
  readonly password: string;
  readonly deviceId: string;
}

export interface TokenPair {
  readonly accessToken: string;
  /** Epoch milliseconds. */
  readonly accessExpiresAt: number;
  readonly refreshToken: string;
}

export interface LoginResponse extends TokenPair {
  readonly user: SessionUser;
}

export interface RefreshRequest {
  readonly refreshToken: string;
}

export function encodeCheckpoint(checkpoint: SyncCheckpoint): string {
  return btoa(JSON.stringify(checkpoint)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** `null` when the text is not a checkpoint this server issued (the server answers 400). */
export function decodeCheckpoint(text: string): SyncCheckpoint | null {
  try {
    const json = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
    const value: unknown = JSON.parse(json);
    if (typeof value !== 'object' || value === null) return null;
    const { seq, scope } = value as Record<string, unknown>;
    if (typeof seq !== 'number' || !Number.isSafeInteger(seq) || seq < 0) return null;
    if (typeof scope !== 'string' || scope.length > 128) return null;
    return { seq, scope };
  } catch {
    return null;
  }
}

export const syncPaths = {
  login: `${API_PREFIX}/auth/login`,
  refresh: `${API_PREFIX}/auth/refresh`,
  logout: `${API_PREFIX}/auth/logout`,
  me: `${API_PREFIX}/auth/me`,
  health: `${API_PREFIX}/health`,
  stream: `${API_PREFIX}/sync/stream`,
  pull: (collection: CollectionName) => `${API_PREFIX}/sync/${collection}/pull`,
  push: (collection: CollectionName) => `${API_PREFIX}/sync/${collection}/push`,
  lookup: (collection: CollectionName) => `${API_PREFIX}/sync/${collection}/lookup`,
} as const;
