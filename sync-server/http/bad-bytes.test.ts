import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syncPaths } from '../../common/sync/protocol.js';
import type { RunningServer } from '../start.js';
import { login } from '../testing/http-client.js';
import { startServerOn, storeKinds } from '../testing/store-matrix.js';

/** Sends bytes on a fresh connection and returns what came back before the server closed it. */
function raw(url: string, bytes: Buffer): Promise<string> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(port), hostname);
    const chunks: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', reject);
    socket.on('close', () => resolve(Buffer.concat(chunks).toString('utf8')));
    socket.write(bytes);
  });
}

describe.each(storeKinds())('%s store: bytes that are not what they claim', (kind) => {
  let server: RunningServer;
  let token: string;
  beforeAll(async () => {
    server = await startServerOn(kind);
    token = (await login(server.url, 'sup')).accessToken;
  });
  afterAll(async () => server?.close());

  it('refuses a JSON body that is not UTF-8 instead of storing U+FFFD in place of the bytes', async () => {
    const before = await server.store.maxSeq();
    const row = JSON.stringify([{ newDocumentState: { id: 'p-utf8', contractId: 'c-anka', name: 'Ay§e', email: '', phone: '', department: '', siteId: null, updatedAt: '2026-11-25T10:00:00.000Z' } }]);
    const [left, right] = row.split('§');
    const body = Buffer.concat([Buffer.from(left ?? ''), Buffer.from([0xff, 0xc0, 0xaf]), Buffer.from(right ?? '')]);
    const response = await fetch(`${server.url}${syncPaths.push('people')}?schema=0`, { method: 'POST', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }, body });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ code: 'BAD_REQUEST', message: 'The request body is not valid UTF-8.' });
    expect(await server.store.maxSeq()).toBe(before);
    // Valid UTF-8 (Turkish letters, emoji) still goes through untouched.
    const good = row.replace('§', 'ş😀');
    const accepted = await fetch(`${server.url}${syncPaths.push('people')}?schema=0`, { method: 'POST', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }, body: good });
    expect(accepted.status).toBe(200);
    expect((await server.store.getDocs('people', ['p-utf8']))[0]?.body['name']).toBe('Ayş😀e');
  });

  it('answers bytes that are not HTTP, and oversized headers, with 400 { code, message }', async () => {
    for (const bytes of [Buffer.from('GARBAGE\r\n\r\n'), Buffer.from(`GET ${syncPaths.health} HTTP/1.1\r\nHost: x\r\nX-Big: ${'b'.repeat(20_000)}\r\n\r\n`)]) {
      const answer = await raw(server.url, bytes);
      expect(answer).toMatch(/^HTTP\/1\.1 400 /);
      const body = JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4)) as { code: string; message: string };
      expect(body.code).toBe('BAD_REQUEST');
      expect(body.message).toMatch(/not valid HTTP|headers are too large/);
    }
    expect((await fetch(`${server.url}${syncPaths.health}`)).status).toBe(200);
  });
});
