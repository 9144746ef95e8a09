import { syncPaths, type StreamMessage } from '../../common/sync/protocol.js';

/** Reads the server-sent-events stream the way the client does (fetch streaming), for tests. */
export interface StreamReader {
  readonly status: Promise<number>;
  messages(): StreamMessage[];
  /** Resolves once the predicate holds for the messages so far; rejects after `ms`. */
  until(predicate: (all: StreamMessage[], raw: string) => boolean, ms?: number): Promise<StreamMessage[]>;
  /** Resolves when the server ended the stream. */
  readonly ended: Promise<void>;
  close(): void;
}

export function openStream(baseUrl: string, accessToken: string): StreamReader {
  const controller = new AbortController();
  let text = '';
  let markEnded: () => void = () => undefined;
  const ended = new Promise<void>((resolve) => (markEnded = resolve));
  const status = fetch(`${baseUrl}${syncPaths.stream}`, {
    headers: { Authorization: `Bearer ${accessToken}`, Accept: 'text/event-stream' },
    signal: controller.signal,
  }).then((response) => {
    const reader = response.body?.getReader();
    const decoder = new TextDecoder();
    void (async () => {
      try {
        for (;;) {
          const chunk = await reader?.read();
          if (!chunk || chunk.done) break;
          text += decoder.decode(chunk.value, { stream: true });
        }
      } catch {
        // aborted or cut
      }
      markEnded();
    })();
    return response.status;
  });
  const messages = () =>
    text
      .split('\n\n')
      .filter((block) => block.startsWith('data: '))
      .map((block) => JSON.parse(block.slice(6)) as StreamMessage);
  return {
    status,
    messages,
    ended,
    async until(predicate, ms = 10_000) {
      const end = Date.now() + ms;
      while (!predicate(messages(), text)) {
        if (Date.now() > end) throw new Error(`stream timeout; got: ${text}`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      return messages();
    },
    close: () => controller.abort(),
  };
}
