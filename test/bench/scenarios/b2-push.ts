import type { Asset } from '../../../common/schemas/assets.js';
import type { Ticket } from '../../../common/schemas/tickets.js';
import { mergeThreeWay } from '../../../common/sync/merge/three-way.js';
import { PUSH_ROWS_MAX } from '../../../common/sync/protocol.js';
import { push, type Doc, type Row } from '../../../sync-server/testing/http-client.js';
import { createGenerator } from '../generate.js';
import { elapsed, now, result, round, type Machine, type ScenarioResult, type Size } from '../report.js';
import { rawPostgresInsertMs, type BenchPostgres } from '../postgres.js';
import { benchServer, seed, token } from '../server-fixture.js';
import { rawSqliteInsertMs } from './raw-sqlite.js';

/** The client's push batch size (renderer/sync/sync-engine.ts default). */
const PUSH_BATCH = 100;

type Editable = 'tickets' | 'assets';

/**
 * B2: a technician comes back online with 5,000 offline edits of tickets and assets; another
 * device changed 10% of the same documents meanwhile. Both collections push in parallel, 100 rows
 * per request as the client does; conflicts come back, are merged three-way (common/sync/merge)
 * and pushed again. Timed from the first push to the last answer.
 */
export async function runB2(size: Size, host: Machine, postgres: BenchPostgres | null = null): Promise<ScenarioResult> {
  const store = postgres === null ? 'sqlite' : 'postgres';
  const edits = size === 'small' ? 1000 : 5000;
  const generator = createGenerator({ seed: 2 });
  const half = edits / 2;
  const base: Record<Editable, Doc[]> = {
    tickets: Array.from({ length: half }, (_, i) => ({ ...generator.ticket(i) })),
    assets: Array.from({ length: half }, (_, i) => ({ ...generator.asset(i) })),
  };
  /** One push of every edit on a fresh server (seeded alike), `pushBatch` rows per request. */
  const pushRun = async (pushBatch: number) => {
  const server = await benchServer({}, postgres);
  try {
    for (const collection of ['tickets', 'assets'] as const) await seed(server, collection, base[collection]);
    // Another device's edits of every tenth document, already on the server.
    for (const collection of ['tickets', 'assets'] as const) {
      const theirs = base[collection].filter((_, i) => i % 10 === 0).map((doc) => generator.edit(doc as unknown as Ticket & Asset, 1));
      await seed(server, collection, theirs);
    }
    const accessToken = await token(server);
    const rowsOf = (collection: Editable): Row[] =>
      base[collection].map((doc) => ({
        assumedMasterState: { ...doc, _deleted: false },
        newDocumentState: { ...(generator.edit(doc as unknown as Ticket & Asset, 0) as unknown as Doc), _deleted: false },
      }));
    const rows = { tickets: rowsOf('tickets'), assets: rowsOf('assets') };
    let conflicts = 0;
    let requests = 0;
    const pushCollection = async (collection: Editable) => {
      let pending = rows[collection];
      for (let round = 0; pending.length > 0 && round < 5; round++) {
        const next: Row[] = [];
        for (let i = 0; i < pending.length; i += pushBatch) {
          const batch = pending.slice(i, i + pushBatch);
          const answer = await push(server.url, accessToken, collection, batch);
          requests++;
          if (answer.status !== 200) throw new Error(`B2 push ${collection}: ${answer.status} ${JSON.stringify(answer.body)}`);
          for (const serverDoc of answer.body) {
            conflicts++;
            const mine = batch.find((row) => row.newDocumentState.id === serverDoc.id);
            if (!mine) continue;
            const merged = mergeThreeWay(collection, mine.assumedMasterState as never, mine.newDocumentState as never, serverDoc as never).merged;
            next.push({ assumedMasterState: serverDoc, newDocumentState: merged });
          }
        }
        pending = next;
      }
      if (pending.length > 0) throw new Error(`B2: ${pending.length} ${collection} rows still conflicting after 5 rounds`);
    };
    const seqBefore = await server.store.maxSeq();
    const start = now();
    await Promise.all([pushCollection('tickets'), pushCollection('assets')]);
    const pushMs = elapsed(start);
    const written = (await server.store.maxSeq()) - seqBefore;
    return { pushMs, written, requests, conflicts, rows };
  } finally {
    await server.close();
  }
  };
  {
    const { pushMs, written, requests, conflicts, rows } = await pushRun(PUSH_BATCH);
    // The lever named in quality.md, measured: the same push in the largest batches the server takes.
    const lever = await pushRun(PUSH_ROWS_MAX);

    const rawRows = [...rows.tickets.map((row) => ['tickets', row] as const), ...rows.assets.map((row) => ['assets', row] as const)].map(
      ([collection, row]) => ({
        collection,
        id: row.newDocumentState.id,
        contractId: String(row.newDocumentState['contractId']),
        body: JSON.stringify(row.newDocumentState),
      }),
    );
    let rawMs: number;
    if (postgres === null) rawMs = rawSqliteInsertMs(rawRows, 1000);
    else {
      const raw = await postgres.database();
      try {
        rawMs = await rawPostgresInsertMs(raw.url, rawRows, 1000);
      } finally {
        await raw.drop();
      }
    }
    const serverRate = written / (pushMs / 1000);
    const rawRate = rawRows.length / (rawMs / 1000);
    const share = serverRate / rawRate;
    return result(
      {
        id: postgres === null ? 'B2' : 'B2-pg',
        what: `${edits} offline edits (10% conflicting) pushed to the real server (${store}, HTTP, batches of ${PUSH_BATCH})`,
        value: round(pushMs),
        baseline: round(rawMs),
        target: '≤ 5 s; server apply ≥ 15% of raw insert rate',
        unit: 'ms',
        docs: edits,
        meetsTarget: pushMs <= 5000 && share >= 0.15,
        notes:
          (postgres === null
            ? 'baseline: raw better-sqlite3 inserts of the same rows, 1,000 per transaction, same pragmas (WAL, synchronous=FULL), same indexes. '
            : 'baseline: raw multi-row INSERTs of the same rows (1,000 per statement and transaction) into a table shaped like documents, same PostgreSQL (fsync on). ') +
          'Conflicts are merged three-way and pushed again (included in the time); merges that keep the server value write nothing.',
        details: {
          store,
          requests,
          conflictsReturned: conflicts,
          writesCommitted: written,
          serverApplyPerSec: round(serverRate, 0),
          rawInsertPerSec: round(rawRate, 0),
          applyShareOfRaw: round(share, 3),
          pushMsAtBatch1000: round(lever.pushMs),
          applyShareOfRawAtBatch1000: round(lever.written / (lever.pushMs / 1000) / rawRate, 3),
        },
      },
      host,
    );
  }
}
