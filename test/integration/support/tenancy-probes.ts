import { createHash } from 'node:crypto';
import { blobPaths } from '../../../common/blobs/blob-protocol.js';
import { syncPaths, schemaVersionOf } from '../../../common/sync/protocol.js';
import type { CollectionName } from '../../../common/schemas/collections.js';
import type { Random } from '../../../sync-server/demo/random.js';
import type { RunningServer } from '../../../sync-server/start.js';
import { call } from '../../../sync-server/testing/http-client.js';
import type { Figures } from './summary.js';

/**
 * Tenancy probes for the read paths beside pull: `POST /sync/<c>/lookup` with forged foreign ids,
 * and blob download and upload across contracts. For each: nothing foreign is ever answered or
 * written, and a foreign thing answers exactly like one that does not exist (same status, same
 * body once its id or hash is taken out). Each probe also reads something of the user's own, so
 * the property is not vacuous.
 */
export interface ProbeUser {
  readonly id: string;
  readonly contractIds: readonly string[];
  readonly token: string;
}

export interface Owned {
  readonly collection: CollectionName;
  readonly id: string;
  readonly contractId: string;
}

export interface ProbeResult {
  readonly figures: Figures;
  readonly problems: string[];
}

/** Status and body with `id` taken out: forbidden and missing must give the same. */
function shape(status: number, body: string, id: string): string {
  return `${status} ${body.split(id).join('<id>')}`;
}

async function raw(url: string, path: string, init: RequestInit & { token: string }): Promise<{ status: number; text: string; bytes: Buffer }> {
  const headers = new Headers(init.headers);
  headers.set('Authorization', `Bearer ${init.token}`);
  const response = await fetch(`${url}${path}`, { ...init, headers });
  const bytes = Buffer.from(await response.arrayBuffer());
  return { status: response.status, text: bytes.toString('utf8'), bytes };
}

export async function probeLookup(server: RunningServer, random: Random, user: ProbeUser, collection: CollectionName, owned: readonly Owned[], tag: string): Promise<ProbeResult> {
  const problems: string[] = [];
  const mine = owned.filter((doc) => doc.collection === collection && user.contractIds.includes(doc.contractId));
  const foreign = owned.filter((doc) => doc.collection === collection && !user.contractIds.includes(doc.contractId));
  const missingId = `${collection.slice(0, 1)}-missing-lookup-${tag}`;
  const askOwn = mine.filter(() => random.chance(0.5)).map((doc) => doc.id);
  const askForeign = foreign.filter(() => random.chance(0.5)).map((doc) => doc.id);
  const ids = [...askOwn, ...askForeign, missingId].sort(() => random.next() - 0.5);
  const path = `${syncPaths.lookup(collection)}?schema=${schemaVersionOf(collection)}`;
  const answer = await call<{ documents: Record<string, unknown>[] }>(server.url, path, { method: 'POST', token: user.token, json: { ids } });
  let leaked = 0;
  let served = 0;
  let differentAnswers = 0;
  if (answer.status !== 200) problems.push(`lookup of ${ids.length} ids in ${collection} by ${user.id}: ${answer.status} ${JSON.stringify(answer.body)}`);
  else {
    for (const doc of answer.body.documents) {
      if (user.contractIds.includes(String(doc['contractId']))) served++;
      else {
        leaked++;
        problems.push(`lookup handed ${user.id} ${collection}/${String(doc['id'])} of foreign contract ${String(doc['contractId'])}`);
      }
    }
    const answered = new Set(answer.body.documents.map((doc) => String(doc['id'])));
    const withheld = askOwn.filter((id) => !answered.has(id));
    if (withheld.length > 0) problems.push(`lookup withheld ${user.id}'s own ${collection} ${withheld.join(', ')}`);
  }
  // One forged foreign id alone against one id nobody has: the answers must not tell them apart.
  const target = foreign.length > 0 ? random.pick(foreign) : null;
  if (target) {
    const forbidden = await raw(server.url, path, { method: 'POST', token: user.token, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ ids: [target.id] }) });
    const missing = await raw(server.url, path, { method: 'POST', token: user.token, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ ids: [missingId] }) });
    if (shape(forbidden.status, forbidden.text, target.id) !== shape(missing.status, missing.text, missingId)) {
      differentAnswers++;
      problems.push(`lookup: forbidden ≠ missing: ${shape(forbidden.status, forbidden.text, target.id)} vs ${shape(missing.status, missing.text, missingId)}`);
    }
    if (forbidden.text.includes(`"contractId":"${target.contractId}"`)) leaked++;
  }
  return { figures: { lookups: 1, lookupServed: served, leaked, differentAnswers }, problems };
}

/** One blob per contract, written by the server; returns sha256 → { contract, bytes }. */
export async function seedBlobs(server: RunningServer, contracts: readonly string[], seed: number): Promise<Map<string, { contractId: string; bytes: Buffer }>> {
  const blobs = new Map<string, { contractId: string; bytes: Buffer }>();
  for (const contractId of contracts) {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from(`tenancy ${seed} ${contractId}`)]);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    await server.store.putBlob({ contractId, sha256, mime: 'image/jpeg', data: bytes, uploadedBy: 'u-admin', deviceId: 'tenancy-setup' }, new Date().toISOString());
    blobs.set(sha256, { contractId, bytes });
  }
  return blobs;
}

/**
 * Download of a foreign contract's blob (404 exactly like an unknown hash) and of an own one (the
 * bytes); upload into a foreign contract (answers exactly like a contract that does not exist,
 * and stores nothing there).
 */
export async function probeBlobs(server: RunningServer, random: Random, user: ProbeUser, blobs: Map<string, { contractId: string; bytes: Buffer }>, tag: string): Promise<ProbeResult> {
  const problems: string[] = [];
  let leaked = 0;
  let differentAnswers = 0;
  let served = 0;
  let foreignWrites = 0;
  const entries = [...blobs.entries()];
  const foreign = entries.filter(([, blob]) => !user.contractIds.includes(blob.contractId));
  const own = entries.filter(([, blob]) => user.contractIds.includes(blob.contractId));
  const unknown = createHash('sha256').update(`never uploaded ${tag}`).digest('hex');
  if (own.length > 0) {
    const [sha256, blob] = random.pick(own);
    const answer = await raw(server.url, blobPaths.blob(sha256), { token: user.token });
    if (answer.status === 200 && answer.bytes.equals(blob.bytes)) served++;
    else problems.push(`${user.id} could not download its own blob: ${answer.status}`);
  }
  if (foreign.length > 0) {
    const [sha256, blob] = random.pick(foreign);
    const forbidden = await raw(server.url, blobPaths.blob(sha256), { token: user.token });
    const missing = await raw(server.url, blobPaths.blob(unknown), { token: user.token });
    if (forbidden.status === 200 || forbidden.bytes.includes(blob.bytes)) {
      leaked++;
      problems.push(`${user.id} downloaded a blob of foreign contract ${blob.contractId}`);
    }
    if (shape(forbidden.status, forbidden.text, sha256) !== shape(missing.status, missing.text, unknown)) {
      differentAnswers++;
      problems.push(`blob download: forbidden ≠ missing: ${shape(forbidden.status, forbidden.text, sha256)} vs ${shape(missing.status, missing.text, unknown)}`);
    }
    // An upload into the foreign contract against one into a contract that does not exist.
    const bytes = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from(`forged ${tag}`)]);
    const name = createHash('sha256').update(bytes).digest('hex');
    const put = (contract: string) => raw(server.url, `${blobPaths.blob(name)}?contract=${encodeURIComponent(contract)}`, { method: 'PUT', token: user.token, headers: { 'content-type': 'image/png' }, body: bytes });
    const nowhere = `c-nowhere-${tag}`;
    const [intoForeign, intoNowhere] = [await put(blob.contractId), await put(nowhere)];
    if (intoForeign.status < 400 || (await server.store.getBlob(name, [blob.contractId])) !== null) {
      foreignWrites++;
      problems.push(`${user.id} uploaded into foreign contract ${blob.contractId}: ${intoForeign.status}`);
    }
    if (shape(intoForeign.status, intoForeign.text, blob.contractId) !== shape(intoNowhere.status, intoNowhere.text, nowhere)) {
      differentAnswers++;
      problems.push(`blob upload: forbidden ≠ missing: ${shape(intoForeign.status, intoForeign.text, blob.contractId)} vs ${shape(intoNowhere.status, intoNowhere.text, nowhere)}`);
    }
  }
  return { figures: { blobProbes: 1, blobServed: served, leaked, differentAnswers, foreignWrites }, problems };
}
