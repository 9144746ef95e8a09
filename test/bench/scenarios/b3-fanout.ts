import type { SyncCheckpoint } from '../../../common/sync/protocol.js';
import { syncPaths } from '../../../common/sync/protocol.js';
import { pull, pullAll, push, type Doc } from '../../../sync-server/testing/http-client.js';
import { createGenerator } from '../generate.js';
import { elapsed, now, percentile, result, round, type Machine, type ScenarioResult, type Size } from '../report.js';
import type { BenchServer } from '../server-process.js';
import { scenarioServer, seed, serversInChildProcesses, storeKind, token } from '../server-fixture.js';

interface Client {
  readonly token: string;
  checkpoint: SyncCheckpoint | undefined;
  pulling: Promise<void> | null;
  again: boolean;
}

/** Minimal server-sent-events reader (the app's parser lives in the web project): `data:` lines per event. */
function sseParser(onMessage: (message: Record<string, unknown>) => void): { push(text: string): void } {
  let buffer = '';
  return {
    push(text) {
      buffer += text;
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const event = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const data = event
          .split('\n')
          .filter((line) => line.startsWith('data:'))
          .map((line) => line.slice(5).trimStart())
          .join('\n');
        if (data) onMessage(JSON.parse(data) as Record<string, unknown>);
      }
    },
  };
}

/** Runs `task` over `items` with at most `limit` at a time. */
async function pool<T, R>(items: readonly T[], limit: number, task: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      out[index] = await task(items[index] as T, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

/**
 * B3: N clients on loopback. First they all pull 1k tickets at once; then each holds the SSE
 * stream open and, on every poke, pulls from its checkpoint as the app does. A writer changes one
 * ticket a second; latency = push sent → the changed ticket parsed by a client, over every
 * (client, write) pair.
 */
export async function runB3(size: Size, host: Machine): Promise<ScenarioResult> {
  const clientCount = size === 'small' ? 20 : 200;
  const writes = size === 'small' ? 5 : 15;
  const generator = createGenerator({ seed: 3 });
  const tickets = Array.from({ length: 1000 }, (_, i) => generator.ticket(i));
  const server = await scenarioServer();
  const aborts: AbortController[] = [];
  try {
    await seed(server, 'tickets', tickets);
    // One sign-in per client (its own device id), a few at a time: Argon2 is meant to be slow.
    const clients: Client[] = await pool(Array.from({ length: clientCount }, (_, i) => i), 4, async (i) => ({
      token: await token(server, 'sup', `dev-b3-${i}`),
      checkpoint: undefined,
      pulling: null,
      again: false,
    }));
    const writerToken = await token(server, 'sup', 'dev-b3-writer');

    // Phase 1: everybody pulls everything at once.
    const pullTimes: number[] = [];
    const allStart = now();
    const pulled = await Promise.all(
      clients.map(async (client) => {
        const start = now();
        const answer = await pullAll(server.url, client.token, 'tickets', 1000);
        pullTimes.push(elapsed(start));
        client.checkpoint = answer.checkpoint;
        return answer;
      }),
    );
    const allPullMs = elapsed(allStart);
    const firstPage = pulled[0];
    const docsPerClient = firstPage?.documents.length ?? 0;
    const serialiseStart = now();
    for (let i = 0; i < clientCount; i++) JSON.stringify({ documents: firstPage?.documents, checkpoint: firstPage?.checkpoint });
    const serialisePullMs = elapsed(serialiseStart);

    // Phase 2: streams open, one write a second.
    const sentAt = new Map<string, bigint>();
    /** Push sent → poke parsed, for the current write (reset per write; the last write's are reported). */
    const pokeDelays: number[] = [];
    const latencies: number[] = [];
    const seen = new Set<string>();
    const catchUp = async (client: Client, index: number) => {
      do {
        client.again = false;
        const answer = await pull(server.url, client.token, 'tickets', { limit: 1000, ...(client.checkpoint ? { checkpoint: client.checkpoint } : {}) });
        if (answer.status !== 200) continue;
        client.checkpoint = answer.body.checkpoint;
        for (const doc of answer.body.documents) {
          const started = sentAt.get(doc.id);
          const key = `${index}:${doc.id}`;
          if (started !== undefined && !seen.has(key)) {
            seen.add(key);
            latencies.push(elapsed(started));
          }
        }
      } while (client.again);
    };
    const poke = (client: Client, index: number) => {
      if (client.pulling) {
        client.again = true;
        return;
      }
      client.pulling = catchUp(client, index).finally(() => {
        client.pulling = null;
      });
    };
    let streamRetries = 0;
    const openStream = async (client: Client, signal: AbortSignal): Promise<Response> => {
      // The app's stream client retries with back-off; so does the bench (counted).
      for (let attempt = 0; ; attempt++) {
        try {
          const response = await fetch(`${server.url}${syncPaths.stream}`, { headers: { Authorization: `Bearer ${client.token}`, Accept: 'text/event-stream' }, signal });
          if (response.ok && response.body) return response;
          throw new Error(`stream: ${response.status}`);
        } catch (error) {
          if (attempt >= 4) throw new Error(`stream failed 5 times: ${String((error as { cause?: unknown }).cause ?? error)}`);
          streamRetries++;
          await new Promise((resolve) => setTimeout(resolve, 250 * 2 ** attempt));
        }
      }
    };
    // Streams open a few at a time, as clients come online, not as one burst of 200 connections.
    await pool(
      clients,
      20,
      async (client, index) => {
        const abort = new AbortController();
        aborts.push(abort);
        const response = await openStream(client, abort.signal);
        if (!response.body) throw new Error('stream without body');
        const parser = sseParser((message) => {
          if (message['type'] !== 'change' || message['collection'] !== 'tickets') return;
          const last = [...sentAt.values()].at(-1);
          if (last !== undefined) pokeDelays.push(elapsed(last));
          poke(client, index);
        });
        const reader = response.body.getReader();
        const decoder = new TextDecoder();
        void (async () => {
          try {
            for (;;) {
              const { done, value } = await reader.read();
              if (done) return;
              parser.push(decoder.decode(value, { stream: true }));
            }
          } catch {
            // aborted at the end
          }
        })();
      },
    );
    const written: Doc[] = [];
    const ackTimes: number[] = [];
    for (let w = 0; w < writes; w++) {
      const base = tickets[w] as unknown as Doc;
      const next = generator.edit(tickets[w]!, w) as unknown as Doc;
      sentAt.set(base.id, now());
      pokeDelays.length = 0;
      const answer = await push(server.url, writerToken, 'tickets', [{ assumedMasterState: { ...base, _deleted: false }, newDocumentState: { ...next, _deleted: false } }]);
      ackTimes.push(elapsed(sentAt.get(base.id) ?? now()));
      if (answer.status !== 200 || answer.body.length > 0) throw new Error(`B3 write: ${answer.status} ${JSON.stringify(answer.body)}`);
      written.push(next);
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
    const expected = clientCount * writes;
    const deadline = Date.now() + 10_000;
    while (latencies.length < expected && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));

    // Baseline: serialise what each client receives for one write (the poke and its pull page).
    const page = JSON.stringify({ documents: [{ ...written[0], _deleted: false }], checkpoint: { seq: 1, scope: 'x' } });
    const bytesStart = now();
    for (let i = 0; i < clientCount; i++) {
      JSON.stringify({ type: 'change', collection: 'tickets', seq: i });
      JSON.stringify(JSON.parse(page));
    }
    const serialiseWriteMs = elapsed(bytesStart);
    const p99 = percentile(latencies, 99);
    return result(
      {
        id: 'B3',
        what: `${clientCount} clients on loopback (${storeKind()}): all pull ${docsPerClient} docs at once, then ${writes} writes (1/s) fanned out via SSE poke + pull`,
        value: round(p99),
        baseline: round(serialiseWriteMs, 3),
        target: 'write→all-clients p99 ≤ 250 ms',
        unit: 'ms',
        docs: docsPerClient,
        meetsTarget: latencies.length === expected && p99 <= 250,
        notes:
          'value: p99 of push sent → changed ticket parsed by a client, over every (client, write) pair. baseline: serialising the same bytes ' +
          '(poke + one-document pull page) for every client once. ' +
          (serversInChildProcesses()
            ? 'The server runs in its own process; the 200 clients share the bench process (their event loop is part of the measured latency).'
            : 'Server and clients share one Node process (BENCH_SERVERS=inprocess: its event loop is part of the measured latency).'),
        details: {
          serverProcess: serversInChildProcesses(),
          clients: clientCount,
          writes,
          streamRetries,
          deliveries: latencies.length,
          deliveriesExpected: expected,
          fanoutP50Ms: round(percentile(latencies, 50)),
          fanoutP99Ms: round(p99),
          fanoutMaxMs: round(Math.max(...latencies)),
          pushAckP50Ms: round(percentile(ackTimes, 50)),
          lastWritePokeP50Ms: round(percentile(pokeDelays, 50)),
          lastWritePokeMaxMs: round(Math.max(...pokeDelays)),
          allPullWallMs: round(allPullMs),
          pullP50Ms: round(percentile(pullTimes, 50)),
          pullP99Ms: round(percentile(pullTimes, 99)),
          serialisePullBytesMs: round(serialisePullMs),
          pullVsSerialise: round(allPullMs / serialisePullMs, 2),
        },
      },
      host,
    );
  } finally {
    for (const abort of aborts) abort.abort();
    await closeQuietly(server);
  }
}

async function closeQuietly(server: BenchServer): Promise<void> {
  await server.close();
}
