import { fork, type ChildProcess } from 'node:child_process';
import type { CollectionName } from '../../common/schemas/collections.js';
import { startServer, type StartOverrides } from '../../sync-server/start.js';
import type { DocState } from '../../sync-server/store/store.js';

/**
 * Sync servers as child processes of the bench, so a scenario's figures measure the server and
 * not one event loop shared by every instance and every client. The child is the bench bundle
 * itself started with DESKOPS_BENCH_SERVER_CHILD (main.ts hands over to `runServerChild`); it runs
 * the real `startServer` and takes seed and close orders over the IPC channel.
 */
const CHILD_ENV = 'DESKOPS_BENCH_SERVER_CHILD';

type ToChild = { type: 'seed'; id: number; collection: CollectionName; docs: DocState[] } | { type: 'close' };
type FromChild = { type: 'ready'; url: string } | { type: 'seeded'; id: number } | { type: 'failed'; id?: number; message: string };

/** What a scenario needs of a server, in this process or another. */
export interface BenchServer {
  readonly url: string;
  /** Writes documents straight into the store as another device would have (not timed). */
  seed(collection: CollectionName, docs: readonly DocState[]): Promise<void>;
  close(): Promise<void>;
}

export function isServerChild(): boolean {
  return process.env[CHILD_ENV] !== undefined;
}

const SEED_AUTHOR = { userId: 'u-admin', deviceId: 'dev-other' };

/** In the child: start the server from the overrides in the environment and serve the parent's orders. */
export async function runServerChild(): Promise<void> {
  const overrides = JSON.parse(process.env[CHILD_ENV] ?? '{}') as StartOverrides;
  const send = (message: FromChild) => process.send?.(message);
  const server = await startServer({ logLevel: 'error', ...overrides });
  process.on('message', (message: ToChild) => {
    if (message.type === 'close') {
      void server.close().finally(() => process.exit(0));
      return;
    }
    server.store
      .putServerDocs(message.collection, message.docs, SEED_AUTHOR)
      .then(() => send({ type: 'seeded', id: message.id }))
      .catch((error: unknown) => send({ type: 'failed', id: message.id, message: String(error) }));
  });
  // The parent going away ends the child too (no server left behind after a crash of the bench).
  process.on('disconnect', () => void server.close().finally(() => process.exit(0)));
  send({ type: 'ready', url: server.url });
}

/** Starts a server in a child process (the running bench bundle with the child flag). */
export async function startServerProcess(overrides: StartOverrides = {}): Promise<BenchServer> {
  const script = process.argv[1];
  if (!script) throw new Error('cannot tell which script runs the bench');
  const child: ChildProcess = fork(script, [], {
    env: { ...process.env, [CHILD_ENV]: JSON.stringify(overrides) },
    serialization: 'advanced',
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const waiting = new Map<number, { resolve: () => void; reject: (error: Error) => void }>();
  let nextId = 0;
  const url = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`bench server child exited with ${code} before it was ready`)));
    child.on('message', (message: FromChild) => {
      if (message.type === 'ready') resolve(message.url);
      else if (message.type === 'seeded') waiting.get(message.id)?.resolve();
      else if (message.id !== undefined) waiting.get(message.id)?.reject(new Error(message.message));
    });
  });
  const exited = new Promise<void>((resolve) =>
    child.once('exit', (code) => {
      // A child that dies mid-scenario fails the seeds it owed instead of leaving them waiting.
      for (const { reject } of waiting.values()) reject(new Error(`bench server child exited with ${code}`));
      resolve();
    }),
  );
  return {
    url,
    async seed(collection, docs) {
      for (let i = 0; i < docs.length; i += 1000) {
        const id = nextId++;
        await new Promise<void>((resolve, reject) => {
          waiting.set(id, { resolve, reject });
          child.send({ type: 'seed', id, collection, docs: docs.slice(i, i + 1000) } satisfies ToChild);
        });
        waiting.delete(id);
      }
    },
    async close() {
      if (child.exitCode === null && child.connected) child.send({ type: 'close' } satisfies ToChild);
      const killer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(killer);
    },
  };
}
