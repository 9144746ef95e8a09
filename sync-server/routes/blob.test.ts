import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BLOB_MAX_BYTES, blobPaths } from '../../common/blobs/blob-protocol.js';
import type { DemoUsername } from '../demo/accounts.js';
import type { RunningServer } from '../start.js';
import { signInAll } from '../testing/session.js';
import { startServerOn, storeKinds } from '../testing/store-matrix.js';

/** A real 1×1 PNG, and a variant with one more byte in a private chunk so it hashes differently. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
const pngWith = (marker: string) => Buffer.concat([PNG, Buffer.from(marker)]);
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01]);
const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

interface Sent {
  readonly status: number;
  readonly body: unknown;
  readonly type: string | null;
  readonly bytes: Buffer;
}

describe.each(storeKinds())('%s store', (kind) => {
  let server: RunningServer;
  let token: Record<DemoUsername, string>;
  beforeAll(async () => {
    server = await startServerOn(kind);
    token = await signInAll(server, ['tech', 'tech2', 'sup']);
  });
  afterAll(async () => server.close());

  async function send(method: 'PUT' | 'GET', name: string, options: { token?: string; contract?: string; type?: string; body?: Uint8Array } = {}): Promise<Sent> {
    const headers: Record<string, string> = {};
    if (options.token) headers['authorization'] = `Bearer ${options.token}`;
    if (options.type) headers['content-type'] = options.type;
    const query = options.contract ? `?contract=${encodeURIComponent(options.contract)}` : '';
    const payload = options.body ? new Blob([Buffer.from(options.body)]) : null;
    const response = await fetch(`${server.url}${blobPaths.blob(name)}${query}`, { method, headers, body: payload });
    const bytes = Buffer.from(await response.arrayBuffer());
    const type = response.headers.get('content-type');
    const body = type?.startsWith('application/json') ? (JSON.parse(bytes.toString('utf8')) as unknown) : null;
    return { status: response.status, body, type, bytes };
  }
  const upload = (bytes: Buffer, who: string, contract = 'c-anka', type = 'image/png', name = sha(bytes)) => send('PUT', name, { token: who, contract, type, body: bytes });

  it('stores a photo once: the first upload creates it, a retry finds it and writes nothing', async () => {
    const bytes = pngWith('first');
    const first = await upload(bytes, token.tech);
    expect(first.status).toBe(201);
    expect(first.body).toEqual({ sha256: sha(bytes), size: bytes.byteLength, mime: 'image/png', created: true });
    const again = await upload(bytes, token.tech);
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ created: false });
    // Two retries racing each other: both succeed, still one row.
    const racing = await Promise.all([upload(pngWith('race'), token.tech), upload(pngWith('race'), token.tech)]);
    expect(racing.map((answer) => answer.status).sort()).toEqual([200, 201]);
  });

  it('gives the bytes back, with their type, to anyone serving the contract', async () => {
    const bytes = pngWith('shared');
    await upload(bytes, token.tech);
    const read = await send('GET', sha(bytes), { token: token.tech2 });
    expect(read.status).toBe(200);
    expect(read.type).toBe('image/png');
    expect(read.bytes.equals(bytes)).toBe(true);
    expect(sha(read.bytes)).toBe(sha(bytes));
  });

  it("answers another contract's blob exactly like a missing one", async () => {
    const bytes = pngWith('bogaz only');
    expect((await upload(bytes, token.tech, 'c-bogaz')).status).toBe(201);
    const forbidden = await send('GET', sha(bytes), { token: token.tech2 });
    const missing = await send('GET', sha(pngWith('never uploaded')), { token: token.tech2 });
    expect(forbidden.status).toBe(404);
    expect(missing.status).toBe(404);
    expect({ ...(forbidden.body as object), message: '' }).toEqual({ ...(missing.body as object), message: '' });
    expect((await send('GET', sha(bytes), { token: token.sup })).status).toBe(200);
  });

  it('refuses an upload for a contract the user does not serve, and stores nothing', async () => {
    const bytes = pngWith('not mine');
    const answer = await upload(bytes, token.tech2, 'c-bogaz');
    expect(answer.status).toBe(404);
    expect(answer.body).toMatchObject({ code: 'NOT_FOUND', path: 'contract' });
    expect(await server.store.getBlob(sha(bytes), ['c-anka', 'c-bogaz', 'c-merkez'])).toBeNull();
    const audit = await server.store.listAudit(20);
    expect(audit.some((entry) => entry.event === 'sync.denied' && entry.detail?.['collection'] === 'blobs')).toBe(true);
  });

  it('refuses bytes that do not hash to their name (422) and stores nothing', async () => {
    const bytes = pngWith('tampered');
    const answer = await upload(bytes, token.tech, 'c-anka', 'image/png', sha(pngWith('something else')));
    expect(answer.status).toBe(422);
    expect(answer.body).toMatchObject({ code: 'BLOB_HASH_MISMATCH', path: 'sha256' });
    expect(await server.store.getBlob(sha(pngWith('something else')), ['c-anka'])).toBeNull();
    expect(await server.store.getBlob(sha(bytes), ['c-anka'])).toBeNull();
  });

  it('refuses other types and bytes that are not what their type says (415)', async () => {
    const html = Buffer.from('<html><script>alert(1)</script></html>');
    expect((await upload(html, token.tech, 'c-anka', 'text/html')).body).toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE' });
    expect((await upload(html, token.tech, 'c-anka', 'image/png')).body).toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE' });
    expect((await upload(PNG, token.tech, 'c-anka', 'image/jpeg')).status).toBe(415);
    expect((await upload(JPEG, token.tech, 'c-anka', 'image/jpeg')).status).toBe(201);
  });

  it('refuses a blob over the size limit (413) and stores nothing', async () => {
    const big = Buffer.concat([PNG, Buffer.alloc(BLOB_MAX_BYTES)]);
    const answer = await upload(big, token.tech);
    expect(answer.status).toBe(413);
    expect(answer.body).toMatchObject({ code: 'BODY_TOO_LARGE' });
    expect(await server.store.getBlob(sha(big), ['c-anka'])).toBeNull();
  });

  it('wants a session, a well-formed name and a contract', async () => {
    const bytes = pngWith('anonymous');
    expect((await send('PUT', sha(bytes), { contract: 'c-anka', type: 'image/png', body: bytes })).status).toBe(401);
    expect((await send('GET', sha(PNG))).status).toBe(401);
    expect((await send('PUT', 'ABC', { token: token.tech, contract: 'c-anka', type: 'image/png', body: bytes })).body).toMatchObject({ code: 'BAD_REQUEST', path: 'sha256' });
    expect((await send('PUT', sha(bytes), { token: token.tech, type: 'image/png', body: bytes })).body).toMatchObject({ code: 'BAD_REQUEST', path: 'contract' });
    expect(await server.store.getBlob(sha(bytes), ['c-anka'])).toBeNull();
  });
});
