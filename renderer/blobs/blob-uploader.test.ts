import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sha256Hex } from '../../common/blobs/blob-protocol.js';
import { AuthSession, login } from '../sync/auth-session.js';
import { NetworkError } from '../sync/http-errors.js';
import { MemoryBlobRepository, type NewLocalBlob } from './blob-repository.js';
import { backoffMs, BlobUploader, type ServerRequest } from './blob-uploader.js';
import { startRealServer } from '../sync/real-server.test-helpers.js';

/** The little the test needs from sync-server/start.ts, loaded by a computed path (import boundaries). */
interface RunningServer {
  readonly url: string;
  readonly store: { getBlob(sha256: string, contractIds: readonly string[]): Promise<{ data: Uint8Array } | null> };
  close(): Promise<void>;
}

const PNG = Uint8Array.from(atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=='), (char) => char.charCodeAt(0));
const withMarker = (marker: string) => new Uint8Array([...PNG, ...new TextEncoder().encode(marker)]);
const hashes = new Map<string, string>();
const photo = (marker: string, contractId = 'c-anka'): NewLocalBlob => {
  const bytes = withMarker(marker);
  return { contractId, sha256: hashes.get(marker) ?? '', mime: 'image/png', size: bytes.byteLength, bytes: new Blob([bytes]), state: 'pending' };
};
const bytesOf = async (blob: Blob) => new Uint8Array(await blob.arrayBuffer());

/** The uploader against a real sync server over HTTP, with the app's own AuthSession. */
describe('BlobUploader', () => {
  let server: RunningServer;
  let request: ServerRequest;
  beforeAll(async () => {
    for (const marker of ['a', 'b', 'lost reply', 'bogaz', 'damaged', 'x', 'y', 'z', 'flaky']) hashes.set(marker, await sha256Hex(withMarker(marker)));
    server = await startRealServer<RunningServer>();
    const answer = await login(server.url, { username: 'tech2', password: 'demo1234', deviceId: 'laptop-2' });
    const auth = new AuthSession({ serverUrl: server.url, refreshToken: answer.refreshToken, saveRefreshToken: async () => {}, onSignInRequired: () => {} });
    auth.adopt(answer, answer.skewMs);
    request = (path, init) => auth.fetch(path, init);
  });
  afterAll(async () => server.close());

  it('sends every pending photo once and reports an empty queue', async () => {
    const repository = new MemoryBlobRepository();
    const counts: number[] = [];
    const uploader = new BlobUploader({ repository, request, onCounts: (next) => counts.push(next.pending) });
    const [a, b] = [photo('a'), photo('b')];
    await repository.add(a, 1);
    await repository.add(b, 2);
    expect(await uploader.runOnce()).toEqual({ uploaded: 2, failed: 0, deferred: 0 });
    expect(counts.at(-1)).toBe(0);
    for (const blob of [a, b]) {
      const stored = await server.store.getBlob(blob.sha256, ['c-anka']);
      expect([...(stored?.data ?? [])]).toEqual([...(await bytesOf(blob.bytes))]);
    }
    expect([...repository.rows.values()].map((row) => row.state)).toEqual(['uploaded', 'uploaded']);
  });

  it('keeps a photo whose answer was lost and sends it again without a second copy', async () => {
    const repository = new MemoryBlobRepository();
    let lose = true;
    const lossy: ServerRequest = async (path, init) => {
      const response = await request(path, init);
      if (lose) {
        lose = false;
        throw new NetworkError(new Error('connection reset after the server answered'));
      }
      return response;
    };
    const uploader = new BlobUploader({ repository, request: lossy });
    const blob = photo('lost reply');
    await repository.add(blob, 1);
    expect(await uploader.runOnce()).toMatchObject({ uploaded: 0, deferred: 1 });
    expect(await server.store.getBlob(blob.sha256, ['c-anka'])).not.toBeNull();
    expect((await repository.counts()).pending).toBe(1);
    expect(await uploader.runOnce()).toEqual({ uploaded: 1, failed: 0, deferred: 0 });
    expect((await repository.counts()).pending).toBe(0);
  });

  it('marks a refused photo failed with the server’s reason, and a retry puts it back', async () => {
    const repository = new MemoryBlobRepository();
    const uploader = new BlobUploader({ repository, request });
    // tech2 serves ANKA only; and a photo whose bytes were damaged on disk no longer match its name.
    const foreign = photo('bogaz', 'c-bogaz');
    const damaged = { ...photo('damaged'), bytes: new Blob([withMarker('other bytes')]) };
    await repository.add(foreign, 1);
    await repository.add(damaged, 2);
    expect(await uploader.runOnce()).toEqual({ uploaded: 0, failed: 2, deferred: 0 });
    const rows = [...repository.rows.values()];
    expect(rows.map((row) => [row.state, row.lastError?.code])).toEqual([
      ['failed', 'NOT_FOUND'],
      ['failed', 'BLOB_HASH_MISMATCH'],
    ]);
    expect(await repository.counts()).toEqual({ pending: 0, failed: 2 });
    expect(await repository.retryFailed(10)).toBe(2);
    expect(await repository.counts()).toEqual({ pending: 2, failed: 0 });
  });

  it('offline: nothing is lost or counted as an attempt, and the round stops at once', async () => {
    const repository = new MemoryBlobRepository();
    let calls = 0;
    const offline: ServerRequest = () => {
      calls += 1;
      return Promise.reject(new NetworkError(new Error('offline')));
    };
    const uploader = new BlobUploader({ repository, request: offline });
    for (const marker of ['x', 'y', 'z']) await repository.add(photo(marker), 1);
    expect(await uploader.runOnce()).toEqual({ uploaded: 0, failed: 0, deferred: 3 });
    expect(calls).toBe(1);
    expect([...repository.rows.values()].every((row) => row.state === 'pending' && row.attempts === 0)).toBe(true);
  });

  it('backs a photo off while the server is failing, then sends it', async () => {
    const repository = new MemoryBlobRepository();
    let now = 1_000;
    let down = true;
    const flaky: ServerRequest = (path, init) => (down ? Promise.resolve(new Response(JSON.stringify({ code: 'INTERNAL', message: 'down' }), { status: 503 })) : request(path, init));
    const uploader = new BlobUploader({ repository, request: flaky, now: () => now });
    await repository.add(photo('flaky'), 1);
    expect(await uploader.runOnce()).toMatchObject({ deferred: 1 });
    expect(await repository.due(now, 5)).toEqual([]);
    down = false;
    now += backoffMs(1);
    expect(await uploader.runOnce()).toEqual({ uploaded: 1, failed: 0, deferred: 0 });
  });
});
