import type { CollectionName } from '../../common/schemas/collections.js';
import type { DemoUsername } from '../demo/accounts.js';
import type { RunningServer } from '../start.js';
import { toWire } from '../store/doc-state.js';
import { login, type Doc } from './http-client.js';

/** Access tokens of the demo users against one running server. */
export async function signInAll(server: RunningServer, names: readonly DemoUsername[]): Promise<Record<DemoUsername, string>> {
  const tokens = {} as Record<DemoUsername, string>;
  for (const name of names) tokens[name] = (await login(server.url, name)).accessToken;
  return tokens;
}

/** The server's current wire state of a document (body + `_deleted`), read straight from the store. */
export async function storedWire(server: RunningServer, collection: CollectionName, id: string): Promise<Doc | null> {
  const [doc] = await server.store.getDocs(collection, [id]);
  return doc ? (toWire(doc) as Doc) : null;
}

export async function storedSeq(server: RunningServer, collection: CollectionName, id: string): Promise<number | null> {
  const [doc] = await server.store.getDocs(collection, [id]);
  return doc?.seq ?? null;
}
