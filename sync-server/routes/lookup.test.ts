import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schemaVersionOf, syncPaths } from '../../common/sync/protocol.js';
import type { DemoUsername } from '../demo/accounts.js';
import type { RunningServer } from '../start.js';
import { ticketDoc } from '../testing/fixtures.js';
import { call, push, type Doc } from '../testing/http-client.js';
import { signInAll } from '../testing/session.js';
import { startServerOn, storeKinds } from '../testing/store-matrix.js';

describe.each(storeKinds())('%s store: lookup of current server states', (kind) => {
  let server: RunningServer;
  let token: Record<DemoUsername, string>;
  beforeAll(async () => {
    server = await startServerOn(kind);
    token = await signInAll(server, ['tech2', 'sup', 'depo']);
  });
  afterAll(async () => server.close());

  const lookup = (accessToken: string, body: unknown, schema = schemaVersionOf('tickets')) =>
    call<{ documents: Doc[]; code?: string; path?: string }>(server.url, `${syncPaths.lookup('tickets')}?schema=${schema}`, {
      method: 'POST',
      token: accessToken,
      json: body,
    });

  it('answers the visible documents, tombstones included; forbidden ones are left out like missing ones', async () => {
    const gone = ticketDoc('t-lookup-gone', 'c-anka');
    await push(server.url, token.sup, 'tickets', [{ newDocumentState: gone }]);
    await push(server.url, token.sup, 'tickets', [{ assumedMasterState: gone, newDocumentState: { ...gone, _deleted: true } }]);
    const answer = await lookup(token.tech2, { ids: ['t-anka-001', 't-bogaz-001', 't-nowhere', 't-lookup-gone', 't-anka-001'] });
    expect(answer.status).toBe(200);
    expect(answer.body.documents.map((doc) => [doc.id, doc._deleted])).toEqual([
      ['t-anka-001', false],
      ['t-lookup-gone', true],
    ]);
    const [stored] = await server.store.getDocs('tickets', ['t-anka-001']);
    expect(answer.body.documents[0]).toEqual({ ...stored?.body, _deleted: false });
    // sup serves BOGAZ: the same question answers it.
    expect((await lookup(token.sup, { ids: ['t-bogaz-001'] })).body.documents).toHaveLength(1);
  });

  it('refuses a malformed request, an old client and anonymous callers', async () => {
    expect((await lookup(token.tech2, { ids: [] })).body).toMatchObject({ code: 'BAD_REQUEST', path: 'ids' });
    expect((await lookup(token.tech2, { ids: [42] })).body).toMatchObject({ code: 'BAD_REQUEST', path: 'ids' });
    expect((await lookup(token.tech2, { ids: Array.from({ length: 1001 }, (_, n) => `t-${n}`) })).status).toBe(400);
    expect((await lookup(token.tech2, ['t-anka-001'])).status).toBe(400);
    expect((await lookup(token.tech2, { ids: ['t-anka-001'] }, -1)).status).toBe(426);
    expect((await call(server.url, `${syncPaths.lookup('tickets')}?schema=0`, { method: 'POST', json: { ids: ['t-anka-001'] } })).status).toBe(401);
  });
});
