import { syncPaths, type StreamMessage } from '../../common/sync/protocol.js';
import type { AuthSession } from './auth-session.js';
import { SignInRequiredError, toServerError } from './http-errors.js';
import { createSseParser } from './sse-parser.js';

export interface StreamHandlers {
  onMessage(message: StreamMessage): void;
  /** Connected (first time or again): changes may have been missed meanwhile. */
  onOpen(): void;
  onClose(error: unknown): void;
}

const MIN_BACKOFF_MS = 1_000;
const MAX_BACKOFF_MS = 30_000;
/** No byte for this long means a half-open connection (sleeping laptop, dead NAT entry). */
const SILENCE_TIMEOUT_MS = 75_000;

/**
 * The one server-sent-events connection for all collections. `EventSource` cannot send an
 * Authorization header, so this reads the fetch body stream and parses it itself.
 */
export class StreamClient {
  private controller: AbortController | null = null;
  private stopped = true;
  private backoffMs = MIN_BACKOFF_MS;
  private wake: (() => void) | null = null;

  constructor(
    private readonly auth: AuthSession,
    private readonly handlers: StreamHandlers,
  ) {}

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    void this.loop();
  }

  stop(): void {
    this.stopped = true;
    this.controller?.abort();
    this.wake?.();
  }

  /** Skip the back-off wait (the browser just came back online). */
  reconnectNow(): void {
    this.backoffMs = MIN_BACKOFF_MS;
    this.wake?.();
  }

  private async loop(): Promise<void> {
    while (!this.stopped) {
      try {
        await this.connectOnce();
        this.handlers.onClose(null);
      } catch (error) {
        if (this.stopped) return;
        this.handlers.onClose(error);
        if (error instanceof SignInRequiredError) return;
      }
      if (this.stopped) return;
      const jitter = Math.random() * this.backoffMs * 0.3;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, this.backoffMs + jitter);
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.wake = null;
      this.backoffMs = Math.min(this.backoffMs * 2, MAX_BACKOFF_MS);
    }
  }

  private async connectOnce(): Promise<void> {
    const controller = new AbortController();
    this.controller = controller;
    let silence: ReturnType<typeof setTimeout> | undefined;
    const arm = () => {
      clearTimeout(silence);
      silence = setTimeout(() => controller.abort(), SILENCE_TIMEOUT_MS);
    };
    try {
      arm();
      const response = await this.auth.fetch(syncPaths.stream, { headers: { Accept: 'text/event-stream' }, signal: controller.signal });
      if (!response.ok) throw await toServerError(response);
      if (!response.body) throw new Error('stream without body');
      this.backoffMs = MIN_BACKOFF_MS;
      this.handlers.onOpen();
      const parser = createSseParser((message) => this.handlers.onMessage(message));
      const reader = response.body.getReader();
      const decoder = new TextDecoder();
      for (;;) {
        const { done, value } = await reader.read();
        if (done || this.stopped) break;
        arm();
        parser.push(decoder.decode(value, { stream: true }));
      }
    } finally {
      clearTimeout(silence);
      controller.abort();
    }
  }
}
