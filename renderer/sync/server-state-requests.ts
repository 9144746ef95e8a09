import type { CollectionName } from '../../common/schemas/index.js';
import type { WithDeleted } from '../../common/sync/protocol.js';
import type { Doc } from './pull-shaping.js';

interface Waiter {
  resolve(state: WithDeleted<Doc> | null): void;
  reject(error: unknown): void;
}

/**
 * Documents whose server state must be fetched and written locally as the server's (discarding
 * a refused change). The pull handler takes them after it fetched its page, looks them up, and
 * hands the states to RxDB with the page: fetched after the page, they are at least as new as
 * anything in it, and no later page can carry an older state.
 */
export class ServerStateRequests {
  private readonly waiting = new Map<CollectionName, Map<string, Waiter[]>>();

  /** Resolves with the state handed to RxDB (null: neither the server nor this device has it). */
  request(name: CollectionName, id: string): { promise: Promise<WithDeleted<Doc> | null>; cancel: () => void } {
    const byId = this.waiting.get(name) ?? new Map<string, Waiter[]>();
    this.waiting.set(name, byId);
    let waiter: Waiter | undefined;
    const promise = new Promise<WithDeleted<Doc> | null>((resolve, reject) => {
      waiter = { resolve, reject };
      byId.set(id, [...(byId.get(id) ?? []), waiter]);
    });
    const cancel = () => {
      const list = byId.get(id)?.filter((entry) => entry !== waiter) ?? [];
      if (list.length > 0) byId.set(id, list);
      else byId.delete(id);
    };
    return { promise, cancel };
  }

  /** Hands the waiting requests of a collection to the pull handler, which settles them. */
  take(name: CollectionName): Map<string, Waiter[]> {
    const byId = this.waiting.get(name);
    this.waiting.delete(name);
    return byId ?? new Map<string, Waiter[]>();
  }

  /** Everything still waiting fails (the engine stops). */
  failAll(error: unknown): void {
    for (const byId of this.waiting.values()) for (const list of byId.values()) for (const waiter of list) waiter.reject(error);
    this.waiting.clear();
  }
}
