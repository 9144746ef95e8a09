import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scopeFingerprint } from '../../common/auth/permissions.js';
import type { Role } from '../../common/domain/vocabulary.js';
import { canWrite, type CollectionName } from '../../common/schemas/collections.js';
import { encodeCheckpoint, type SyncCheckpoint } from '../../common/sync/protocol.js';
import { hashPassword } from '../../sync-server/auth/passwords.js';
import { seededRandom, type Random } from '../../sync-server/demo/random.js';
import type { RunningServer } from '../../sync-server/start.js';
import { toDocState } from '../../sync-server/store/doc-state.js';
import { login, pull, push, type Doc } from '../../sync-server/testing/http-client.js';
import { startServerOn, storeKinds } from '../../sync-server/testing/store-matrix.js';
import { assetDoc, noteDoc, ticketDoc } from './support/documents.js';
import { seedsFor, suiteTimeout } from './support/run-size.js';
import { storeFingerprint } from './support/server-state.js';
import { probeBlobs, probeLookup, seedBlobs } from './support/tenancy-probes.js';
import { addFigures, runSeeds, type Figures } from './support/summary.js';

/**
 * Invariant 6 as a property: per seed, random contracts, random users (role and contracts at
 * random) and documents in every contract; then random operations by random users: pulls with
 * no, honest, forged (another scope, any sequence) and garbage checkpoints; pushes that forge a
 * foreign contract id, reuse a foreign document's id, move a document between contracts, or hide
 * one forged row in a batch of honest ones; and honest pushes, so the property is not vacuous;
 * lookups with forged foreign ids, and blob downloads and uploads across contracts
 * (support/tenancy-probes.ts).
 * Nobody may ever receive a foreign document, a forged push must change nothing at all (the
 * sequence counter and every stored document stay as they were), and "forbidden" must answer
 * exactly like "missing". The stream never pokes about a foreign contract.
 */
const FILE = 'test/integration/sync-tenancy.test.ts';
const SEEDS = seedsFor(3);
const OPERATIONS = 35;
const PASSWORD = 'tenancy-test-1234';
const WRITABLE: readonly CollectionName[] = ['tickets', 'assets', 'people', 'events'];
const READABLE: readonly CollectionName[] = ['contracts', 'people', 'tickets', 'assets', 'events', 'conflicts', 'staff'];

interface User {
  readonly id: string;
  readonly role: Role;
  readonly contractIds: readonly string[];
  readonly token: string;
}

function personDoc(id: string, contractId: string, name: string): Doc {
  return { id, contractId, name, email: '', phone: '', department: 'IT', siteId: null, updatedAt: '2026-11-25T08:00:00.000Z', _deleted: false };
}

function docFor(collection: CollectionName, id: string, contractId: string, authorId: string, tag: string): Doc {
  switch (collection) {
    case 'tickets':
      return ticketDoc(id, contractId, { title: `Sahte ${tag}` });
    case 'assets':
      return assetDoc(id, contractId, { room: `Oda ${tag}` });
    case 'people':
      return personDoc(id, contractId, `Kişi ${tag}`);
    default:
      return noteDoc(id, contractId, `t-x-${tag}`, authorId, 'tenancy', `Not ${tag}`, '2026-11-25T09:00:00.000Z');
  }
}

/** What a refusal looks like with the document id taken out: forbidden and missing must be equal. */
function shape(answer: { status: number; body: unknown }, id: string): string {
  return JSON.stringify({ status: answer.status, body: JSON.stringify(answer.body).split(id).join('<id>') });
}

describe.each(storeKinds())('%s store', (kind) => {
  let server: RunningServer;
  let passwordHash: string;
  beforeAll(async () => {
    [server, passwordHash] = await Promise.all([startServerOn(kind), hashPassword(PASSWORD)]);
  });
  afterAll(async () => server?.close());

  async function runSeed(seed: number): Promise<{ figures: Figures; problems: string[] }> {
    const random: Random = seededRandom(seed);
    const problems: string[] = [];
    const contracts = Array.from({ length: 4 }, (_, k) => `c-tn${seed}-${k}`);
    // Documents in every contract, written by the server (no user needs access to make them).
    const owned = new Map<string, { collection: CollectionName; id: string; contractId: string }>();
    for (const contractId of contracts) {
      for (const collection of WRITABLE) {
        const docs = Array.from({ length: 2 }, (_, n) => docFor(collection, `${collection.slice(0, 1)}-${contractId}-${n}`, contractId, 'u-admin', `${seed}-${n}`));
        await server.store.putServerDocs(collection, docs.map((doc) => toDocState(doc)), { userId: 'u-admin', deviceId: 'tenancy-setup' });
        for (const doc of docs) owned.set(`${collection}/${doc.id}`, { collection, id: doc.id, contractId });
      }
    }
    const users: User[] = [];
    for (let k = 0; k < 4; k++) {
      const role = random.pick<Role>(['technician', 'technician', 'warehouse', 'supervisor']);
      const mine = contracts.filter(() => random.chance(0.45));
      const id = `u-tn${seed}-${k}`;
      await server.store.createUser({ id, username: `tn${seed}u${k}`, name: `Kullanıcı ${k}`, role, contractIds: mine, passwordHash, disabled: false });
      const session = await login(server.url, `tn${seed}u${k}`, PASSWORD, `tn-dev-${k}`);
      users.push({ id, role, contractIds: mine, token: session.accessToken });
    }

    const blobs = await seedBlobs(server, contracts, seed);
    const probes: Figures = {};
    let leaked = 0;
    let foreignWrites = 0;
    let differentAnswers = 0;
    let forged = 0;
    let honest = 0;
    let pulls = 0;
    let serverErrors = 0;
    const checkpoints = new Map<string, SyncCheckpoint>();
    for (let op = 0; op < OPERATIONS; op++) {
      const user = random.pick(users);
      if (random.chance(0.2)) {
        // Lookup with forged ids, or blobs across contracts.
        const probe = random.chance(0.5)
          ? await probeLookup(server, random, user, random.pick(WRITABLE), [...owned.values()], `${seed}-${op}`)
          : await probeBlobs(server, random, user, blobs, `${seed}-${op}`);
        addFigures(probes, probe.figures);
        problems.push(...probe.problems);
        continue;
      }
      const roll = random.next();
      if (roll < 0.4) {
        // A pull with some checkpoint; whatever comes back must be the user's.
        const collection = random.pick(READABLE);
        const other = random.pick(users);
        const maxSeq = await server.store.maxSeq();
        const kindOf = random.int(0, 4);
        const checkpoint =
          kindOf === 0
            ? undefined
            : kindOf === 1
              ? encodeCheckpoint({ seq: random.int(0, maxSeq + 3), scope: scopeFingerprint(user.contractIds) })
              : kindOf === 2
                ? encodeCheckpoint({ seq: random.int(0, maxSeq), scope: scopeFingerprint(other.contractIds) })
                : kindOf === 3
                  ? random.pick(['x', '%%%', 'eyJzZXEiOi0xfQ', encodeCheckpoint({ seq: -5, scope: '' }), 'A'.repeat(300)])
                  : checkpoints.get(`${user.id}/${collection}`);
        const answer = await pull(server.url, user.token, collection, { limit: random.int(1, 50), ...(checkpoint !== undefined ? { checkpoint } : {}) });
        pulls++;
        if (answer.status >= 500) serverErrors++;
        if (answer.status === 200) {
          checkpoints.set(`${user.id}/${collection}`, answer.body.checkpoint);
          const foreign = answer.body.documents.filter((doc) => !user.contractIds.includes(String(doc['contractId'])));
          leaked += foreign.length;
          if (foreign.length > 0) problems.push(`${user.id} pulled ${foreign.length} foreign ${collection}: ${foreign.map((doc) => doc.id).join(', ')}`);
        } else if (answer.status !== 400) {
          problems.push(`pull ${collection} with checkpoint ${JSON.stringify(checkpoint)}: ${answer.status}`);
        }
        continue;
      }
      const collection = random.pick(WRITABLE.filter((name) => canWrite(user.role, name)));
      const own = user.contractIds;
      const foreignContracts = contracts.filter((id) => !own.includes(id));
      const foreignDocs = [...owned.values()].filter((doc) => doc.collection === collection && !own.includes(doc.contractId));
      const ownDocs = [...owned.values()].filter((doc) => doc.collection === collection && own.includes(doc.contractId));
      const tag = `${seed}-${op}`;
      if (roll < 0.55 && own.length > 0) {
        // Honest: a new document in one of the user's contracts (proves the user can write at all).
        const doc = docFor(collection, `${collection.slice(0, 1)}-new-${tag}`, random.pick(own), user.id, tag);
        const answer = await push(server.url, user.token, collection, [{ newDocumentState: doc }]);
        honest++;
        if (answer.status !== 200) problems.push(`honest push of ${doc.id} by ${user.id}: ${answer.status} ${JSON.stringify(answer.body)}`);
        else owned.set(`${collection}/${doc.id}`, { collection, id: doc.id, contractId: String(doc['contractId']) });
        continue;
      }
      // Forged: pick a way to reach outside the user's contracts.
      const rows: { assumedMasterState?: Doc; newDocumentState: Doc }[] = [];
      const way = random.int(0, 3);
      let probeId: string | null = null;
      if (way === 0 && foreignContracts.length > 0) {
        rows.push({ newDocumentState: docFor(collection, `${collection.slice(0, 1)}-forged-${tag}`, random.pick(foreignContracts), user.id, tag) });
      } else if (way === 1 && foreignDocs.length > 0) {
        // A foreign document's id with one of the user's contracts (or a made-up one).
        const target = random.pick(foreignDocs);
        const contractId = own.length > 0 ? random.pick(own) : 'c-tn-nowhere';
        const stored = (await server.store.getDocs(collection, [target.id]))[0];
        const assumed = stored && random.chance(0.5) ? { ...stored.body, _deleted: stored.deleted } : undefined;
        rows.push({ ...(assumed ? { assumedMasterState: assumed } : {}), newDocumentState: docFor(collection, target.id, contractId, user.id, tag) });
        probeId = target.id;
      } else if (way === 2 && foreignDocs.length > 0) {
        // The foreign document as it is, "edited", with its own contract id and its real state as base.
        const target = random.pick(foreignDocs);
        const stored = (await server.store.getDocs(collection, [target.id]))[0];
        if (stored) rows.push({ assumedMasterState: { ...stored.body, _deleted: stored.deleted }, newDocumentState: docFor(collection, target.id, target.contractId, user.id, tag) });
        probeId = target.id;
      } else if (ownDocs.length > 0 && foreignContracts.length > 0) {
        // Moving one of the user's documents into a foreign contract.
        const target = random.pick(ownDocs);
        const stored = (await server.store.getDocs(collection, [target.id]))[0];
        if (stored) rows.push({ assumedMasterState: { ...stored.body, _deleted: stored.deleted }, newDocumentState: { ...docFor(collection, target.id, random.pick(foreignContracts), user.id, tag) } });
      }
      if (rows.length === 0) continue;
      // Sometimes hidden between honest rows: the whole request must still be refused.
      if (own.length > 0 && random.chance(0.5)) {
        rows.unshift({ newDocumentState: docFor(collection, `${collection.slice(0, 1)}-cover-${tag}`, random.pick(own), user.id, `${tag}a`) });
        rows.push({ newDocumentState: docFor(collection, `${collection.slice(0, 1)}-cover2-${tag}`, random.pick(own), user.id, `${tag}b`) });
      }
      forged++;
      const probeRow = rows.find((row) => row.newDocumentState.id === probeId);
      const before = await storeFingerprint(server.store, contracts);
      const answer = await push(server.url, user.token, collection, rows);
      // The same forged row without a base, as an attacker who never saw the document would send it.
      const again = probeRow ? await push(server.url, user.token, collection, rows.map((row) => (row === probeRow ? { newDocumentState: row.newDocumentState } : row))) : null;
      const after = await storeFingerprint(server.store, contracts);
      for (const refused of again ? [answer, again] : [answer]) {
        if (refused.status >= 500) serverErrors++;
        if (refused.status !== 404 || (refused.body as unknown as { code?: string }).code !== 'NOT_FOUND') {
          problems.push(`forged push (${way}) of ${collection} by ${user.id}: ${refused.status} ${JSON.stringify(refused.body)}`);
        }
      }
      if (before.maxSeq !== after.maxSeq || before.hash !== after.hash) {
        foreignWrites++;
        problems.push(`forged push (${way}) by ${user.id} changed the store`);
      }
      if (probeRow && probeId !== null && again && foreignContracts.length > 0) {
        // An id that exists nowhere, in a contract the user does not serve: must answer exactly alike.
        const missingId = `${collection.slice(0, 1)}-missing-${tag}`;
        const contractId = foreignContracts.includes(String(probeRow.newDocumentState['contractId'])) ? probeRow.newDocumentState['contractId'] : random.pick(foreignContracts);
        const missing = await push(
          server.url,
          user.token,
          collection,
          rows.map((row) => (row === probeRow ? { newDocumentState: { ...row.newDocumentState, id: missingId, contractId } } : row)),
        );
        if (shape(again, probeId) !== shape(missing, missingId)) {
          differentAnswers++;
          problems.push(`forbidden ≠ missing: ${shape(again, probeId)} vs ${shape(missing, missingId)}`);
        }
      }
    }

    // The stream: a change in a contract the user does not serve is never announced to them.
    const watcher = users.find((user) => user.contractIds.length > 0 && user.contractIds.length < contracts.length);
    let pokes = 0;
    if (watcher) {
      const controller = new AbortController();
      const seen: string[] = [];
      const response = await fetch(`${server.url}/api/v1/sync/stream`, { headers: { Authorization: `Bearer ${watcher.token}` }, signal: controller.signal });
      const reader = response.body?.getReader();
      const decoder = new TextDecoder();
      const reading = (async () => {
        try {
          for (;;) {
            const chunk = await reader?.read();
            if (!chunk || chunk.done) return;
            seen.push(decoder.decode(chunk.value));
          }
        } catch {
          // aborted
        }
      })();
      const foreign = contracts.find((id) => !watcher.contractIds.includes(id)) ?? '';
      const mine = watcher.contractIds[0] ?? '';
      const foreignWriter = users.find((user) => user.contractIds.includes(foreign) && canWrite(user.role, 'assets'));
      const ownWriter = users.find((user) => user.contractIds.includes(mine) && canWrite(user.role, 'assets'));
      if (foreignWriter && ownWriter) {
        await push(server.url, foreignWriter.token, 'assets', [{ newDocumentState: assetDoc(`a-poke-f-${seed}`, foreign) }]);
        await push(server.url, ownWriter.token, 'assets', [{ newDocumentState: assetDoc(`a-poke-o-${seed}`, mine) }]);
        const [ownDoc] = await server.store.getDocs('assets', [`a-poke-o-${seed}`]);
        const [foreignDoc] = await server.store.getDocs('assets', [`a-poke-f-${seed}`]);
        const deadline = Date.now() + 5_000;
        while (!seen.join('').includes(`"seq":${ownDoc?.seq}`) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
        const text = seen.join('');
        pokes = text.split('"type":"change"').length - 1;
        if (!text.includes(`"seq":${ownDoc?.seq}`)) problems.push('the stream did not announce a change in the user\'s own contract');
        if (text.includes(`"seq":${foreignDoc?.seq}`)) {
          leaked++;
          problems.push('the stream announced a change in a foreign contract');
        }
      }
      controller.abort();
      await reading;
    }
    if (serverErrors > 0) problems.push(`${serverErrors} answers were 5xx`);
    const figures: Figures = { users: users.length, pulls, honest, forged, streamPokes: pokes, leaked, foreignWrites, differentAnswers, serverErrors };
    addFigures(figures, probes);
    return { figures, problems };
  }

  it(
    `never lets a user read or write another tenant's documents, however ids, contracts and checkpoints are forged (${SEEDS.length} seeds)`,
    async () => {
      const { totals, failures } = await runSeeds({ suite: 'sync-tenancy', file: FILE, kind, seeds: SEEDS, deadlineMs: 60_000 }, runSeed);
      expect(failures).toEqual([]);
      expect({ leaked: totals['leaked'], foreignWrites: totals['foreignWrites'], differentAnswers: totals['differentAnswers'], serverErrors: totals['serverErrors'] }).toEqual({
        leaked: 0,
        foreignWrites: 0,
        differentAnswers: 0,
        serverErrors: 0,
      });
      expect(totals['forged']).toBeGreaterThan(0);
      expect(totals['honest']).toBeGreaterThan(0);
      expect(totals['lookupServed']).toBeGreaterThan(0);
      expect(totals['blobServed']).toBeGreaterThan(0);
    },
    suiteTimeout(SEEDS, 30_000),
  );
});
