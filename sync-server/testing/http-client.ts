import type { CollectionName } from '../../common/schemas/collections.js';
import {
  encodeCheckpoint,
  schemaVersionOf,
  syncPaths,
  type LoginResponse,
  type SyncCheckpoint,
} from '../../common/sync/protocol.js';
import { DEMO_PASSWORD } from '../demo/accounts.js';

/** A tiny fetch client for tests that talk to a real server over HTTP. */
export interface Answer<T = unknown> {
  readonly status: number;
  readonly body: T;
  readonly headers: Headers;
}

export type Doc = Record<string, unknown> & { id: string; _deleted?: boolean };

export async function call<T = unknown>(url: string, path: string, init: RequestInit & { token?: string; json?: unknown } = {}): Promise<Answer<T>> {
  const headers = new Headers(init.headers);
  if (init.token) headers.set('Authorization', `Bearer ${init.token}`);
  let body = init.body;
  if (init.json !== undefined) {
    headers.set('Content-Type', 'application/json');
    body = JSON.stringify(init.json);
  }
  const response = await fetch(`${url}${path}`, { ...init, headers, body: body ?? null });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : null) as T, headers: response.headers };
}

export async function login(url: string, username: string, password = DEMO_PASSWORD, deviceId = `dev-${username}`): Promise<LoginResponse> {
  const answer = await call<LoginResponse>(url, syncPaths.login, { method: 'POST', json: { username, password, deviceId } });
  if (answer.status !== 200) throw new Error(`login ${username} failed: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body;
}

export interface PullAnswer {
  readonly documents: Doc[];
  readonly checkpoint: SyncCheckpoint;
  /** Present when the pull (re)started: the user's contracts now. */
  readonly contractIds?: readonly string[];
}

export function pull(
  url: string,
  token: string,
  collection: CollectionName,
  options: { checkpoint?: SyncCheckpoint | string; limit?: number; schema?: number } = {},
): Promise<Answer<PullAnswer>> {
  const query = new URLSearchParams({ schema: String(options.schema ?? schemaVersionOf(collection)) });
  if (options.checkpoint !== undefined) {
    query.set('checkpoint', typeof options.checkpoint === 'string' ? options.checkpoint : encodeCheckpoint(options.checkpoint));
  }
  if (options.limit !== undefined) query.set('limit', String(options.limit));
  return call<PullAnswer>(url, `${syncPaths.pull(collection)}?${query.toString()}`, { token });
}

/** Pulls page after page until a short page; returns every document and the final checkpoint. */
export async function pullAll(url: string, token: string, collection: CollectionName, limit = 200): Promise<PullAnswer & { pages: number }> {
  const documents: Doc[] = [];
  let checkpoint: SyncCheckpoint | undefined;
  for (let pages = 1; ; pages++) {
    const answer = await pull(url, token, collection, { limit, ...(checkpoint ? { checkpoint } : {}) });
    if (answer.status !== 200) throw new Error(`pull ${collection}: ${answer.status} ${JSON.stringify(answer.body)}`);
    documents.push(...answer.body.documents);
    checkpoint = answer.body.checkpoint;
    if (answer.body.documents.length < limit) return { documents, checkpoint, pages };
  }
}

export interface Row {
  assumedMasterState?: Doc | null;
  newDocumentState: Doc;
}

export function push<T = Doc[]>(url: string, token: string, collection: CollectionName, rows: readonly Row[], schema = schemaVersionOf(collection)): Promise<Answer<T>> {
  return call<T>(url, `${syncPaths.push(collection)}?schema=${schema}`, { method: 'POST', token, json: rows });
}
