import { replicateRxCollection } from 'rxdb/plugins/replication';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import type { Asset } from '../../../common/schemas/assets.js';
import { encodeCheckpoint, schemaVersionOf, syncPaths, type PullResponse, type SyncCheckpoint, type WithDeleted } from '../../../common/sync/protocol.js';
import { openDatabase } from 'deskops-renderer-db';
import type { BenchCollections, BenchDatabase as DeskDatabase } from '../bench-db.js';
import type { RunningServer } from '../../../sync-server/start.js';
import { pull } from '../../../sync-server/testing/http-client.js';
import { createGenerator } from '../generate.js';
import { elapsed, now, result, round, type Machine, type ScenarioResult, type Size } from '../report.js';
import { benchServer, seed, storeKind, token } from '../server-fixture.js';

/** The client's pull batch size (renderer/sync/sync-engine.ts default). */
const PULL_BATCH = 400;
type Doc = Record<string, unknown>;

/**
 * The app's pull side of `replicateCollection` (renderer/sync/collection-replication.ts) without
 * the engine around it (status area, pending tracker): same endpoint, checkpoint and batch size.
 */
function replicate(db: DeskDatabase, server: RunningServer, accessToken: string) {
  return replicateRxCollection<Doc, SyncCheckpoint>({
    replicationIdentifier: `bench:assets:${server.url}`,
    collection: db.assets as never,
    live: false,
    retryTime: 1000,
    waitForLeadership: false,
    autoStart: true,
    pull: {
      batchSize: PULL_BATCH,
      async handler(checkpoint, batchSize) {
        const answer = await pull(server.url, accessToken, 'assets', { limit: batchSize, ...(checkpoint ? { checkpoint } : {}) });
        if (answer.status !== 200) throw new Error(`pull: ${answer.status}`);
        const page = answer.body as unknown as PullResponse<Doc>;
        return { documents: page.documents as WithDeleted<Doc>[], checkpoint: page.checkpoint };
      },
    },
  });
}

async function syncOnce(db: DeskDatabase, server: RunningServer, accessToken: string): Promise<void> {
  const state = replicate(db, server, accessToken);
  const errors: unknown[] = [];
  const subscription = state.error$.subscribe((error) => errors.push(error));
  await state.awaitInitialReplication();
  subscription.unsubscribe();
  await state.cancel();
  if (errors.length > 0) throw errors[0] instanceof Error ? errors[0] : new Error(String(errors[0]));
}

/** The raw floor: the same pages through the same endpoint, parsed and dropped. */
async function rawPullMs(server: RunningServer, accessToken: string, from: SyncCheckpoint): Promise<{ ms: number; docs: number }> {
  const start = now();
  let checkpoint = from;
  let docs = 0;
  for (;;) {
    const query = new URLSearchParams({ limit: String(PULL_BATCH), schema: String(schemaVersionOf('assets')), checkpoint: encodeCheckpoint(checkpoint) });
    const response = await fetch(`${server.url}${syncPaths.pull('assets')}?${query.toString()}`, { headers: { Authorization: `Bearer ${accessToken}` } });
    const page = (await response.json()) as PullResponse<Doc>;
    docs += page.documents.length;
    checkpoint = page.checkpoint;
    if (page.documents.length < PULL_BATCH) return { ms: elapsed(start), docs };
  }
}

/**
 * B7: a laptop that synced its assets, then spent a week offline while the server took 10k
 * changes (1k deletes, 4k edits, 5k new). Timed: RxDB (memory storage, Node) replicating from
 * its stored checkpoint until caught up through the real pull endpoint.
 */
export async function runB7(size: Size, host: Machine, b1PerDocMs: number | null): Promise<ScenarioResult> {
  const changes = size === 'small' ? 2000 : 10_000;
  const deletes = changes / 10;
  const edits = (changes * 4) / 10;
  const fresh = changes - deletes - edits;
  const before = deletes + edits + 1000;
  const generator = createGenerator({ seed: 7 });
  const initial = generator.assets(before);
  const server = await benchServer();
  const db = await openDatabase<BenchCollections>({ name: `bench-b7-${Date.now()}`, storage: getRxStorageMemory() });
  try {
    await seed(server, 'assets', initial);
    const accessToken = await token(server);
    await syncOnce(db, server, accessToken);
    const localBefore = await db.assets.count().exec();
    const checkpoint: SyncCheckpoint = { seq: await server.store.maxSeq(), scope: '' };
    // The week: deletes of the first `deletes`, edits of the next `edits`, then new assets.
    const deleted = initial.slice(0, deletes);
    await seed(server, 'assets', deleted, true);
    await seed(server, 'assets', initial.slice(deletes, deletes + edits).map((doc) => generator.edit(doc, 0)));
    await seed(server, 'assets', Array.from({ length: fresh }, (_, i): Asset => generator.asset(before + i)));

    const start = now();
    await syncOnce(db, server, accessToken);
    const catchUpMs = elapsed(start);

    const stillThere = await db.assets.findByIds(deleted.map((doc) => doc.id)).exec();
    const localAfter = await db.assets.count().exec();
    const deletesApplied = deletes - stillThere.size;
    const expected = localBefore - deletes + fresh;
    // The scope is the server's fingerprint; a blank one restarts from 0, so take it from a real pull.
    const first = await pull(server.url, accessToken, 'assets', { limit: 1 });
    const raw = await rawPullMs(server, accessToken, { seq: checkpoint.seq, scope: first.body.checkpoint.scope });
    const b1Equivalent = b1PerDocMs === null ? null : b1PerDocMs * changes * 10;
    const vsB1 = b1Equivalent === null ? null : catchUpMs / b1Equivalent;
    return result(
      {
        id: 'B7',
        what: `catch-up after a week offline: ${changes} server changes incl. ${deletes} deletes, RxDB memory client (Node) via the real pull endpoint (${storeKind()})`,
        value: round(catchUpMs),
        baseline: round(raw.ms),
        target: `≤ 0.15× B1 time, exactly ${deletes} deletes applied`,
        unit: 'ms',
        docs: changes,
        meetsTarget: deletesApplied === deletes && localAfter === expected ? (vsB1 === null ? null : vsB1 <= 0.15) : false,
        notes:
          'client: replicateRxCollection with the app’s pull handler shape and batch size (400), RxDB memory storage in Node (not Dexie). ' +
          'baseline: a raw paging loop over the same endpoint from the same checkpoint (fetch + JSON.parse, nothing stored). ' +
          `vsB1 compares with B1 per-document cost × ${changes * 10} (the 0.15× rule assumes B1 of 10× the changes); null when B1 did not run.`,
        details: {
          deletesApplied,
          deletesExpected: deletes,
          docsLocalAfter: localAfter,
          docsLocalExpected: expected,
          rawPulledDocs: raw.docs,
          catchUpDocsPerSec: round(changes / (catchUpMs / 1000), 0),
          vsB1: vsB1 === null ? null : round(vsB1, 3),
        },
      },
      host,
    );
  } finally {
    await db.close();
    await server.close();
  }
}
