/**
 * renderer/sync/sim-client.test-helpers.ts as the fault suites see it. renderer/ belongs to the web
 * type-check project, which this Node project cannot import from (TS6307); the worker that runs a
 * simulated device (sim-worker.ts) is bundled with esbuild, which maps this module name to the real
 * file (sim-host.ts), and this declaration states the surface the worker relies on.
 */
declare module 'deskops-sim-client' {
  /** A collection name of common/schemas/collections.ts (relative imports are not allowed here). */
  type CollectionName = string;

  export type SimDoc = Record<string, unknown> & { id: string };

  export interface SimClientOptions {
    readonly serverUrl: string;
    readonly username: string;
    readonly password: string;
    readonly deviceId: string;
    readonly retryTimeMs?: number;
  }

  export interface SimClient {
    readonly userId: string;
    readonly contractIds: readonly string[];
    insert(collection: CollectionName, doc: SimDoc): Promise<void>;
    modify(collection: CollectionName, id: string, change: (current: SimDoc) => SimDoc | null): Promise<boolean>;
    get(collection: CollectionName, id: string): Promise<SimDoc | null>;
    snapshot(collection: CollectionName): Promise<SimDoc[]>;
    resync(): void;
    awaitInSync(): Promise<void>;
    readonly pendingCount: number;
    close(): Promise<void>;
  }

  export function openSimClient(options: SimClientOptions): Promise<SimClient>;
}
