import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syncPaths, type StreamMessage } from '../../common/sync/protocol.js';
import type { DemoUsername } from '../demo/accounts.js';
import type { RunningServer } from '../start.js';
import { ticketDoc } from '../testing/fixtures.js';
import { push } from '../testing/http-client.js';
import { signInAll } from '../testing/session.js';
import { startServerOn, storeKinds } from '../testing/store-matrix.js';

describe.each(storeKinds())('%s store', (kind) => {
  let server: RunningServer;
  let token: Record<DemoUsername, string>;
  beforeAll(async () => {
    server = await startServerOn(kind, { heartbeatMs: 200 });
    token = await signInAll(server, ['tech', 'tech2', 'sup']);
  });
  afterAll(async () => server.close());

  /** Reads an SSE response the way the client does (fetch streaming), collecting raw text. */
  function openStream(accessToken: string) {
    const controller = new AbortController();
    let text = '';
    const ready = fetch(`${server.url}${syncPaths.stream}`, {
      headers: { Authorization: `Bearer ${accessToken}`, Accept: 'text/event-stream' },
      signal: controller.signal,
    }).then((response) => {
      const reader = response.body?.getReader();
      const decoder = new TextDecoder();
      void (async () => {
        try {
          for (;;) {
            const chunk = await reader?.read();
            if (!chunk || chunk.done) return;
            text += decoder.decode(chunk.value, { stream: true });
          }
        } catch {
          // aborted
        }
      })();
      return response;
    });
    const messages = () =>
      text
        .split('\n\n')
        .filter((block) => block.startsWith('data: '))
        .map((block) => JSON.parse(block.slice(6)) as StreamMessage);
    const until = async (predicate: (all: StreamMessage[], raw: string) => boolean, ms = 5000) => {
      const end = Date.now() + ms;
      while (!predicate(messages(), text)) {
        if (Date.now() > end) throw new Error(`stream timeout; got: ${text}`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      return messages();
    };
    return { ready, until, close: () => controller.abort() };
  }

  describe('change stream', () => {
    it('says hello, then pokes after another user pushes into a shared contract', async () => {
      const sup = openStream(token.sup);
      const response = await sup.ready;
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
      await sup.until((all) => all.some((message) => message.type === 'hello'));

      expect((await push(server.url, token.tech, 'tickets', [{ newDocumentState: ticketDoc('t-sse-1', 'c-anka') }])).body).toEqual([]);
      const [stored] = await server.store.getDocs('tickets', ['t-sse-1']);
      const all = await sup.until((list) => list.some((message) => message.type === 'change'));
      expect(all.find((message) => message.type === 'change')).toEqual({ type: 'change', collection: 'tickets', seq: stored?.seq });
      sup.close();
    });

    it('does not poke users outside the contract, and sends heartbeats', async () => {
      const tech2 = openStream(token.tech2);
      await tech2.ready;
      await tech2.until((all) => all.some((message) => message.type === 'hello'));
      await push(server.url, token.tech, 'tickets', [{ newDocumentState: ticketDoc('t-sse-bogaz', 'c-bogaz') }]);
      await tech2.until((_all, raw) => raw.includes(': heartbeat'), 3000);
      await push(server.url, token.tech, 'tickets', [{ newDocumentState: ticketDoc('t-sse-anka', 'c-anka') }]);
      const all = await tech2.until((list) => list.some((message) => message.type === 'change'));
      const [anka] = await server.store.getDocs('tickets', ['t-sse-anka']);
      expect(all.filter((message) => message.type === 'change')).toEqual([{ type: 'change', collection: 'tickets', seq: anka?.seq }]);
      tech2.close();
    });

    it('answers the Electron app\'s origin with CORS headers', async () => {
      const controller = new AbortController();
      const response = await fetch(`${server.url}${syncPaths.stream}`, {
        headers: { Authorization: `Bearer ${token.tech}`, Origin: 'app://deskops' },
        signal: controller.signal,
      });
      expect(response.headers.get('access-control-allow-origin')).toBe('app://deskops');
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      controller.abort();
    });

    it('refuses a stream without a token', async () => {
      const response = await fetch(`${server.url}${syncPaths.stream}`);
      expect(response.status).toBe(401);
      expect(((await response.json()) as { code: string }).code).toBe('AUTH_TOKEN_MISSING');
    });

    it('lets the server close while streams are open', async () => {
      const other = await startServerOn(kind);
      const [login] = await Promise.all([signInAll(other, ['sup'])]);
      const controller = new AbortController();
      const response = await fetch(`${other.url}${syncPaths.stream}`, { headers: { Authorization: `Bearer ${login.sup}` }, signal: controller.signal });
      expect(response.status).toBe(200);
      const started = Date.now();
      await other.close();
      expect(Date.now() - started).toBeLessThan(3000);
      controller.abort();
    });
  });
});
