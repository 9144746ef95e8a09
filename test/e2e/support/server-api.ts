import { encodeCheckpoint, schemaVersionOf, syncPaths, type LoginResponse, type PullResponse } from '../../../common/sync/protocol.js';
import type { CollectionName, DocumentOf } from '../../../common/schemas/index.js';

/** Talks to the sync server directly, as a second witness of what reached it. */
export async function signInApi(baseUrl: string, username: string, password = 'demo1234'): Promise<LoginResponse> {
  const response = await fetch(`${baseUrl}${syncPaths.login}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password, deviceId: `e2e-witness-${username}` }),
  });
  if (!response.ok) throw new Error(`sign-in as ${username} failed: ${response.status} ${await response.text()}`);
  return (await response.json()) as LoginResponse;
}

/** Every document of a collection the user may see, following checkpoints until caught up. */
export async function pullAll<C extends CollectionName>(
  baseUrl: string,
  accessToken: string,
  collection: C,
): Promise<(DocumentOf<C> & { _deleted: boolean })[]> {
  const documents: (DocumentOf<C> & { _deleted: boolean })[] = [];
  let checkpoint: string | null = null;
  for (;;) {
    const query = new URLSearchParams({ limit: '500', schema: String(schemaVersionOf(collection)) });
    if (checkpoint) query.set('checkpoint', checkpoint);
    const response = await fetch(`${baseUrl}${syncPaths.pull(collection)}?${query.toString()}`, {
      headers: { authorization: `Bearer ${accessToken}` },
    });
    if (!response.ok) throw new Error(`pull ${collection} failed: ${response.status} ${await response.text()}`);
    const page = (await response.json()) as PullResponse<DocumentOf<C>>;
    documents.push(...page.documents);
    checkpoint = encodeCheckpoint(page.checkpoint);
    if (page.documents.length < 500) return documents;
  }
}
