import { blobPaths } from '../../common/blobs/blob-protocol.js';
import { NetworkError, SignInRequiredError, toServerError } from '../sync/http-errors.js';
import type { BlobCounts, BlobRepository, LocalBlob } from './blob-repository.js';

/** Authenticated request to the sync server (the sync engine's); throws NetworkError / SignInRequiredError. */
export type ServerRequest = (path: string, init?: RequestInit) => Promise<Response>;

export interface UploaderOptions {
  readonly repository: BlobRepository;
  readonly request: ServerRequest;
  readonly now?: () => number;
  /** Told after every change of the queue (the header shows the counts). */
  readonly onCounts?: (counts: BlobCounts & { lastError: { code: string; message: string } | null }) => void;
  /** How often the queue is looked at without a kick (new photo, back online). */
  readonly intervalMs?: number;
}

export interface UploadRound {
  readonly uploaded: number;
  readonly failed: number;
  /** Left for later: the network or the server was not there, or sign-in is needed. */
  readonly deferred: number;
}

/** Refusals that no retry can fix: the person must act (or the photo stays here, shown as refused). */
const PERMANENT = new Set([400, 403, 404, 413, 415, 422]);
const BATCH = 5;
const BACKOFF_MAX_MS = 10 * 60_000;

export function backoffMs(attempts: number): number {
  return Math.min(BACKOFF_MAX_MS, 5_000 * 2 ** Math.max(0, attempts - 1));
}

/**
 * Sends pending photos to `PUT /blobs/<sha256>?contract=…`, oldest first. The name is the
 * content's hash, so a retry after a lost answer is harmless (the server answers 200, not a
 * second copy). A network failure stops the round and keeps everything pending; a server that
 * is down or busy backs the blob off; a refusal marks it failed with the server's words.
 */
export class BlobUploader {
  private readonly now: () => number;
  private running: Promise<UploadRound> | null = null;
  private again = false;
  private timer: ReturnType<typeof setInterval> | null = null;
  private lastError: { code: string; message: string } | null = null;

  constructor(private readonly options: UploaderOptions) {
    this.now = options.now ?? Date.now;
  }

  start(): void {
    if (this.timer !== null) return;
    this.timer = setInterval(() => this.kick(), this.options.intervalMs ?? 30_000);
    this.kick();
  }

  stop(): void {
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
  }

  /** Runs a round now, or right after the one in progress (a photo added during a round). */
  kick(): void {
    void this.runOnce().catch(() => undefined);
  }

  runOnce(): Promise<UploadRound> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = this.round().finally(() => {
      this.running = null;
      if (this.again) {
        this.again = false;
        this.kick();
      }
    });
    return this.running;
  }

  async publishCounts(): Promise<void> {
    const counts = await this.options.repository.counts();
    this.options.onCounts?.({ ...counts, lastError: this.lastError });
  }

  private async round(): Promise<UploadRound> {
    const result = { uploaded: 0, failed: 0, deferred: 0 };
    try {
      for (;;) {
        const due = await this.options.repository.due(this.now(), BATCH);
        if (due.length === 0) break;
        for (const blob of due) {
          const outcome = await this.upload(blob);
          result[outcome] += 1;
          if (outcome === 'deferred') {
            // Everything else would meet the same closed door: stop until the next kick.
            const rest = await this.options.repository.counts();
            return { ...result, deferred: rest.pending };
          }
        }
      }
      return result;
    } finally {
      await this.publishCounts();
    }
  }

  private async upload(blob: LocalBlob): Promise<'uploaded' | 'failed' | 'deferred'> {
    const { repository } = this.options;
    let response: Response;
    try {
      response = await this.options.request(`${blobPaths.blob(blob.sha256)}?contract=${encodeURIComponent(blob.contractId)}`, {
        method: 'PUT',
        headers: { 'Content-Type': blob.mime },
        body: blob.bytes,
      });
    } catch (error) {
      if (error instanceof NetworkError || error instanceof SignInRequiredError) {
        this.lastError = { code: error instanceof NetworkError ? 'NETWORK_UNREACHABLE' : 'SIGN_IN_REQUIRED', message: error.message };
        return 'deferred';
      }
      throw error;
    }
    if (response.ok) {
      await repository.update(blob.contractId, blob.sha256, { state: 'uploaded', lastError: null, attempts: blob.attempts + 1 });
      this.lastError = null;
      return 'uploaded';
    }
    const refused = await toServerError(response);
    const lastError = { code: refused.code, message: refused.message };
    if (PERMANENT.has(response.status)) {
      await repository.update(blob.contractId, blob.sha256, { state: 'failed', lastError, attempts: blob.attempts + 1 });
      this.lastError = lastError;
      return 'failed';
    }
    // 5xx, 429: the server is there but cannot take it now; this blob waits, the others may try.
    const attempts = blob.attempts + 1;
    await repository.update(blob.contractId, blob.sha256, { attempts, nextAttemptAt: this.now() + backoffMs(attempts), lastError });
    this.lastError = lastError;
    return 'deferred';
  }
}
