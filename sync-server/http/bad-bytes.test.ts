import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syncPaths } from '../../common/sync/protocol.js';
import type { RunningServer } from '../start.js';
import { login } from '../testing/http-client.js';
import { startServerOn, storeKinds } from '../testing/store-matrix.js';

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
});
