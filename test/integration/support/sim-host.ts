import { Worker } from 'node:worker_threads';
import { bundle } from './bundle.js';
import type { EditSpec } from './sim-worker.js';
import type { Edit } from './workload.js';

export type SimDoc = Record<string, unknown> & { id: string };

interface Pending {
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
}

/**
 * A simulated device running the app's real sync stack (renderer/sync/sim-client.test-helpers.ts)
 * in its own worker thread (see sim-worker.ts for why), driven by messages.
 */
export class RemoteSimClient {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  userId = '';
  contractIds: readonly string[] = [];

  constructor(private readonly worker: Worker) {
    worker.on('message', (message: { id: number; ok: boolean; value?: unknown; error?: string }) => {
      const waiting = this.pending.get(message.id);
      if (!waiting) return;
      this.pending.delete(message.id);
      if (message.ok) waiting.resolve(message.value);
      else waiting.reject(new Error(message.error));
    });
    worker.on('error', (error) => this.failAll(error));
    worker.on('exit', (code) => this.failAll(new Error(`sim worker exited with code ${code}`)));
  }

  private failAll(error: Error): void {
    for (const waiting of this.pending.values()) waiting.reject(error);
    this.pending.clear();
  }

  private call<T>(method: string, ...args: unknown[]): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      this.worker.postMessage({ id, method, args });
    });
  }

  /** Opens the device's database and signs in; `clockOffsetMs` sets this device's clock off by that much. */
  async open(options: { serverUrl: string; username: string; password: string; deviceId: string; retryTimeMs?: number }, clockOffsetMs = 0): Promise<void> {
    const user = await this.call<{ userId: string; contractIds: string[] }>('open', options, clockOffsetMs);
    this.userId = user.userId;
    this.contractIds = user.contractIds;
  }

  insert(collection: string, doc: SimDoc): Promise<void> {
    return this.call('insert', collection, doc);
  }

  /** A random edit (workload.ts `randomEdit`) of a live document, made inside RxDB's write. */
  edit(collection: 'tickets' | 'assets', id: string, spec: EditSpec): Promise<Omit<Edit, 'order' | 'client'>[]> {
    return this.call('edit', collection, id, spec);
  }

  snapshot(collection: string): Promise<SimDoc[]> {
    return this.call('snapshot', collection);
  }

  resync(): Promise<void> {
    return this.call('resync');
  }

  awaitInSync(): Promise<void> {
    return this.call('awaitInSync');
  }

  pendingCount(): Promise<number> {
    return this.call('pending');
  }

  close(): Promise<void> {
    return this.call('close');
  }

  async terminate(): Promise<void> {
    await this.worker.terminate();
  }
}

/** Worker threads for simulated devices; the bundle is built once per pool. */
export class SimPool {
  private built: Promise<{ file: string; remove: () => Promise<void> }> | null = null;
  private readonly workers: RemoteSimClient[] = [];

  private file() {
    this.built ??= bundle('test/integration/support/sim-worker.ts', 'sim-worker', {
      'deskops-sim-client': './renderer/sync/sim-client.test-helpers.ts',
    });
    return this.built;
  }

  /** `count` devices, each in its own worker thread (reused across seeds). */
  async devices(count: number): Promise<RemoteSimClient[]> {
    const { file } = await this.file();
    while (this.workers.length < count) this.workers.push(new RemoteSimClient(new Worker(file)));
    return this.workers.slice(0, count);
  }

  async dispose(): Promise<void> {
    await Promise.all(this.workers.map((worker) => worker.terminate()));
    this.workers.length = 0;
    if (this.built) await (await this.built).remove();
  }
}
