import { getAssumedMasterState, writeDocToDocState, type RxReplicationWriteToMasterRow } from 'rxdb';
import type { RxReplicationState } from 'rxdb/plugins/replication';
import type { Subscription } from 'rxjs';
import { COLLECTION_NAMES, type CollectionName } from '../../common/schemas/index.js';
import type { DeskDatabase } from '../db/database.js';
import type { PendingPersistence, RefusedEntry } from './pending-store.js';
import type { DocumentProblem } from './sync-status-store.js';

type AnyReplication = RxReplicationState<unknown, unknown>;
type Row = RxReplicationWriteToMasterRow<unknown>;

/**
 * Counts local changes that have not reached the server, exactly as RxDB's own upstream decides:
 * - every document written locally (any write not made by the replication's downstream) becomes a
 *   candidate, remembered across reloads;
 * - a candidate stops being pending when RxDB's replication meta says the server has exactly that
 *   state (the same comparison the upstream makes before pushing);
 * - documents the server refused stay pending (and listed with the reason) until a fixed version is
 *   accepted, even though RxDB itself considers them handled.
 */
export class PendingTracker {
  private readonly candidates = new Map<CollectionName, Map<string, number>>();
  private readonly refused = new Map<string, RefusedEntry>();
  private readonly replications = new Map<CollectionName, AnyReplication>();
  private writeSubscriptions: Subscription[] = [];
  private replicationSubscriptions: Subscription[] = [];
  private writeCounter = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private verifying: Promise<void> | null = null;
  private again = false;
  private scope: Set<string> | null = null;

  constructor(
    private readonly db: DeskDatabase,
    private readonly persistence: PendingPersistence,
    private readonly onChange: (pending: number, problems: DocumentProblem[]) => void,
  ) {
    const snapshot = persistence.load();
    for (const name of COLLECTION_NAMES) this.candidates.set(name, new Map((snapshot.candidates[name] ?? []).map((id) => [id, 0])));
    for (const entry of snapshot.refused) this.refused.set(key(entry.collection, entry.docId), entry);
  }

  start(): void {
    for (const name of COLLECTION_NAMES) {
      const subscription = this.db[name].eventBulks$.subscribe((bulk) => {
        // Pulled documents are the server's state already; everything else is a local change.
        if (bulk.context.startsWith('replication-downstream')) return;
        const ids = this.candidates.get(name);
        if (!ids) return;
        for (const event of bulk.events) ids.set(event.documentId, ++this.writeCounter);
        this.changed();
        // A write that changed nothing the server cares about is never pushed: let the meta say so.
        this.verifySoon(250);
      });
      this.writeSubscriptions.push(subscription);
    }
    this.emit();
  }

  /** Lets the tracker read that collection's replication meta; verification runs after its activity. */
  attach(name: CollectionName, replication: AnyReplication): void {
    this.replications.set(name, replication);
    this.replicationSubscriptions.push(replication.sent$.subscribe(() => this.verifySoon()));
    this.replicationSubscriptions.push(replication.active$.subscribe((active) => !active && this.verifySoon()));
  }

  /** Replication paused (sign-in required): local writes are still counted, nothing is verified. */
  detachReplications(): void {
    for (const subscription of this.replicationSubscriptions) subscription.unsubscribe();
    this.replicationSubscriptions = [];
    this.replications.clear();
  }

  stop(): void {
    this.detachReplications();
    for (const subscription of this.writeSubscriptions) subscription.unsubscribe();
    this.writeSubscriptions = [];
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  get count(): number {
    const all = new Set<string>();
    for (const [name, ids] of this.candidates) for (const id of ids.keys()) all.add(key(name, id));
    for (const refusedKey of this.refused.keys()) all.add(refusedKey);
    return all.size;
  }

  /** Rows for a new push: a refused document is based on what the server really has, not on what RxDB assumed. */
  rebase(name: CollectionName, rows: Row[], primaryKey: (doc: unknown) => string): Row[] {
    return rows.map((row) => {
      const entry = this.refused.get(key(name, primaryKey(row.newDocumentState)));
      if (!entry) return row;
      return { ...row, assumedMasterState: (entry.assumedMasterState ?? undefined) as Row['assumedMasterState'] };
    });
  }

  refuse(name: CollectionName, docId: string, row: Row, problem: DocumentProblem): void {
    const existing = this.refused.get(key(name, docId));
    // Keep the first base: after a refusal RxDB assumes the refused state, the server does not.
    const assumed = existing ? existing.assumedMasterState : ((row.assumedMasterState ?? null) as Record<string, unknown> | null);
    const contractId = (row.newDocumentState as Record<string, unknown> | undefined)?.['contractId'];
    const entry: RefusedEntry = { collection: name, docId, assumedMasterState: assumed, problem, contractId: typeof contractId === 'string' ? contractId : null };
    this.refused.set(key(name, docId), this.inScopeWords(entry));
    this.changed();
  }

  isRefused(name: CollectionName, docId: string): boolean {
    return this.refused.has(key(name, docId));
  }

  refusedEntry(name: CollectionName, docId: string): RefusedEntry | undefined {
    return this.refused.get(key(name, docId));
  }

  /** No longer refused (being discarded): the pull may write the server's state again. */
  forget(name: CollectionName, docId: string): void {
    if (this.refused.delete(key(name, docId))) this.changed();
  }

  /** Puts an entry back (a discard that did not take). */
  restore(entry: RefusedEntry): void {
    this.refused.set(key(entry.collection, entry.docId), entry);
    this.changed();
  }

  /**
   * The user's contracts now. A refusal "not found" of a document whose contract is not among
   * them is, in the person's words, "not one of your contracts". Returns the entries refused that
   * way whose contract is back: they can be sent again (see resend.ts).
   */
  setScope(contractIds: readonly string[]): RefusedEntry[] {
    this.scope = new Set(contractIds);
    let any = false;
    const back: RefusedEntry[] = [];
    for (const [refusedKey, entry] of this.refused) {
      if (entry.problem.code === 'OUT_OF_SCOPE' && entry.contractId && this.scope.has(entry.contractId)) back.push(entry);
      const next = this.inScopeWords(entry);
      if (next !== entry) {
        this.refused.set(refusedKey, next);
        any = true;
      }
    }
    if (any) this.changed();
    return back;
  }

  /** A resend that could not run: the reason no longer says "not your contract". */
  notOutOfScope(name: CollectionName, docId: string): void {
    const entry = this.refused.get(key(name, docId));
    if (!entry || entry.problem.code !== 'OUT_OF_SCOPE') return;
    this.refused.set(key(name, docId), { ...entry, problem: { ...entry.problem, code: 'NOT_FOUND' } });
    this.changed();
  }

  /** A local write not yet confirmed by the server (RxDB will push it itself). */
  isPending(name: CollectionName, docId: string): boolean {
    return this.candidates.get(name)?.has(docId) ?? false;
  }

  private inScopeWords(entry: RefusedEntry): RefusedEntry {
    if (!this.scope || !entry.contractId) return entry;
    if (entry.problem.code === 'NOT_FOUND' && !this.scope.has(entry.contractId)) return { ...entry, problem: { ...entry.problem, code: 'OUT_OF_SCOPE' } };
    return entry;
  }

  accepted(name: CollectionName, docIds: readonly string[]): void {
    let any = false;
    for (const docId of docIds) any = this.refused.delete(key(name, docId)) || any;
    if (any) this.changed();
  }

  verifySoon(delayMs = 60): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.verify();
    }, delayMs);
  }

  /** Drops candidates the server already has. Safe to call any time; concurrent calls coalesce. */
  async verify(): Promise<void> {
    if (this.verifying) {
      this.again = true;
      return this.verifying;
    }
    this.verifying = this.verifyAll().finally(() => {
      this.verifying = null;
      if (this.again) {
        this.again = false;
        this.verifySoon(0);
      }
    });
    return this.verifying;
  }

  private async verifyAll(): Promise<void> {
    for (const [name, replication] of this.replications) {
      const ids = this.candidates.get(name);
      const state = replication.internalReplicationState;
      if (!ids || ids.size === 0 || !state || replication.isStopped()) continue;
      const versions = new Map(ids);
      const docIds = [...versions.keys()];
      try {
        const [forkDocs, assumed] = await Promise.all([
          this.db[name].storageInstance.findDocumentsById(docIds, true),
          getAssumedMasterState(state, docIds),
        ]);
        const forkById = new Map(forkDocs.map((doc) => [(doc as Record<string, unknown>)[state.primaryPath] as string, doc]));
        for (const id of docIds) {
          const fork = forkById.get(id);
          const master = assumed[id];
          const inSync =
            !fork ||
            (master !== undefined &&
              master.metaDocument.isResolvedConflict !== fork._rev &&
              state.input.conflictHandler.isEqual(master.docData, writeDocToDocState(fork, state.hasAttachments, !!state.input.keepMeta), 'upstream-check-if-equal'));
          // Only forget it if nobody wrote it again while we were looking.
          if (inSync && ids.get(id) === versions.get(id)) ids.delete(id);
        }
      } catch {
        // Storage closed under us (sign-out, stop): the persisted candidates stay as they are.
      }
    }
    this.changed();
  }

  private changed(): void {
    const candidates: Partial<Record<CollectionName, string[]>> = {};
    for (const [name, ids] of this.candidates) if (ids.size > 0) candidates[name] = [...ids.keys()];
    this.persistence.save({ candidates, refused: [...this.refused.values()] });
    this.emit();
  }

  private emit(): void {
    this.onChange(
      this.count,
      [...this.refused.values()].map((entry) => entry.problem),
    );
  }
}

function key(name: CollectionName, docId: string): string {
  return `${name}/${docId}`;
}
