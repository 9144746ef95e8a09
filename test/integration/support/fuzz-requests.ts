import { COLLECTION_NAMES, isCollectionName } from '../../../common/schemas/collections.js';
import { encodeCheckpoint, schemaVersionOf, syncPaths, type LoginResponse } from '../../../common/sync/protocol.js';
import type { Random } from '../../../sync-server/demo/random.js';
import { assetDoc, noteDoc, ticketDoc } from './documents.js';
import type { Caller } from './fuzz-more.js';
import { damage, mutate, poisonFreeForm, randomAuthorization, randomJson, randomQuery, type Json } from './fuzz-inputs.js';

/** Requests for the fuzz suite: which endpoint, with what (see fuzz-inputs.ts for the values). */
export type FuzzSessions = Record<'sup' | 'tech', LoginResponse>;

export type Endpoint = 'login' | 'refresh' | 'logout' | 'me' | 'health' | 'pull' | 'push' | 'stream' | 'unknown' | 'raw' | 'admin' | 'lookup' | 'blob-put' | 'blob-get';

export interface Sent {
  readonly endpoint: Endpoint;
  readonly method: string;
  readonly path: string;
  readonly headers: Record<string, string>;
  readonly body: Buffer | null;
  /** Whose session the request was made with (the newer endpoints' checks depend on it). */
  readonly caller?: Caller;
}

/** Valid rows for a collection (anything else gets ticket rows, which that collection refuses). */
function validRows(random: Random, collection: string, seed: number, n: number, authorId: string): Json[] {
  const id = `${seed}-${n}`;
  return Array.from({ length: random.int(1, 3) }, (_, k) => {
    const doc =
      collection === 'assets'
        ? assetDoc(`a-fz${id}-${k}`, 'c-bogaz')
        : collection === 'events'
          ? noteDoc(`e-fz${id}-${k}`, 'c-anka', 't-anka-001', authorId, 'fuzz', `Not ${id}`, '2026-11-25T10:00:00.000Z')
          : collection === 'people'
            ? { id: `p-fz${id}-${k}`, contractId: 'c-anka', name: `Kişi ${id}`, email: '', phone: '', department: '', siteId: null, updatedAt: '2026-11-25T10:00:00.000Z', _deleted: false }
            : ticketDoc(`t-fz${id}-${k}`, 'c-anka', { title: `Fuzz ${id}` });
    return { newDocumentState: doc } as unknown as Json;
  });
}

/** One request to some endpoint, from the seed's generator. */
export function fuzzRequest(random: Random, seed: number, n: number, sessions: FuzzSessions): Sent {
  const user = random.chance(0.5) ? sessions.sup : sessions.tech;
  // Mostly a valid token, so the fuzz reaches past authentication into the endpoints' own checks.
  const auth = random.chance(0.6) ? `Bearer ${user.accessToken}` : randomAuthorization(random, user.accessToken);
  const headers: Record<string, string> = {};
  if (auth !== undefined) headers['authorization'] = auth;
  const contentType = random.chance(0.8) ? 'application/json' : random.pick(['text/plain', 'application/json; charset=latin1', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/jsonx', '']);
  const withBody = (value: Json): Buffer => {
    const text = JSON.stringify(value);
    return random.chance(0.35) ? damage(random, text) : Buffer.from(text, 'utf8');
  };
  const endpoint = random.pick<Endpoint>(['login', 'refresh', 'logout', 'me', 'health', 'pull', 'pull', 'push', 'push', 'push', 'push', 'stream', 'unknown', 'raw']);
  const method = (usual: string) => (random.chance(0.9) ? usual : random.pick(['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD']));
  let body: Buffer | null = null;
  let path: string;
  let verb: string;
  switch (endpoint) {
    case 'login':
      verb = method('POST');
      path = syncPaths.login;
      body = withBody(mutate(random, { username: random.pick(['sup', 'tech', 'nobody', 'SUP ']), password: random.pick(['wrong-password', 'x'.repeat(2000)]), deviceId: 'fuzz' }));
      delete headers['authorization'];
      break;
    case 'refresh':
    case 'logout':
      verb = method('POST');
      path = endpoint === 'refresh' ? syncPaths.refresh : syncPaths.logout;
      body = withBody(mutate(random, { refreshToken: random.pick(['x', 'A'.repeat(43), 'A'.repeat(500)]) }));
      break;
    case 'me':
      verb = method('GET');
      path = `${syncPaths.me}${randomQuery(random, ['x'])}`;
      break;
    case 'health':
      verb = method('GET');
      path = `${syncPaths.health}${randomQuery(random, ['x', 'verbose'])}`;
      break;
    case 'stream':
      verb = method('GET');
      path = `${syncPaths.stream}${randomQuery(random, ['token', 'x'])}`;
      break;
    case 'pull': {
      verb = method('GET');
      const collection = random.chance(0.85) ? random.pick(COLLECTION_NAMES) : random.pick(['__proto__', 'constructor', 'toString', 'ticket', 'TICKETS', '..', '%2e%2e', 'x'.repeat(300), 'tickets%00']);
      const query = random.chance(0.5)
        ? `?schema=${isCollectionName(collection) ? schemaVersionOf(collection) : 0}&limit=${random.pick(['1', '50', '1000', '1001', '0', '-5', 'x'])}&checkpoint=${encodeURIComponent(
            random.pick([encodeCheckpoint({ seq: random.int(0, 10_000), scope: 'x' }), Buffer.from(JSON.stringify(randomJson(random))).toString('base64url'), 'e30', '%%', ''.padEnd(random.int(0, 3000), 'A')]),
          )}`
        : randomQuery(random, ['schema', 'limit', 'checkpoint']);
      path = `/api/v1/sync/${collection}/pull${query}`;
      break;
    }
    case 'push': {
      verb = method('POST');
      const collection = random.chance(0.9) ? random.pick(['tickets', 'assets', 'assets', 'events', 'conflicts', 'people', 'contracts', 'staff']) : random.pick(['__proto__', 'constructor', 'nope']);
      const schema = random.chance(0.85) && isCollectionName(collection) ? String(schemaVersionOf(collection)) : random.pick(['', '-1', '1', '999999', 'x', '0.5']);
      path = `/api/v1/sync/${collection}/push?schema=${schema}`;
      let value: Json = validRows(random, collection, seed, n, user.user.id);
      if (random.chance(0.4)) {
        // Valid rows with one poisoned free-form value: only the document checks stand in the way.
        body = poisonFreeForm(random, JSON.stringify(value));
        break;
      }
      for (let i = random.int(1, 3); i > 0; i--) value = mutate(random, value);
      if (random.chance(0.1)) value = randomJson(random);
      body = withBody(value);
      break;
    }
    case 'raw':
      verb = 'RAW';
      path = '';
      body = random.pick([
        Buffer.from('GARBAGE\r\n\r\n'),
        Buffer.from(`GET /api/v1/health HTTP/1.1\r\nHost: x\r\n${'X-A: b\r\n'.repeat(random.int(1, 3))}Content-Length: -1\r\n\r\n`),
        Buffer.from(`POST ${syncPaths.login} HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n`),
        Buffer.from(`GET /api/v1/${'a'.repeat(random.int(1, 100))} HTTP/1.1\r\nHost: x\r\nX-Big: ${'b'.repeat(20_000)}\r\n\r\n`),
        Buffer.from(`GET /\u0000 HTTP/1.1\r\nHost: x\r\n\r\n`),
        Buffer.from([0x16, 0x03, 0x01, 0x02, 0x00, 0x01, 0x00, 0x01, 0xfc, 0x03, 0x03]),
      ]);
      break;
    default:
      // Routes that do not exist (the admin API does now: it is fuzzed in fuzz-more.ts; its old
      // place in this list went to another admin path, so the draws stay the same).
      verb = method(random.pick(['GET', 'POST']));
      path = random.pick(['/api/v1/', '/api/v2/sync/tickets/pull', '/api/v1/sync/tickets', '/api/v1/sync//pull', '/api/v1/auth', '/api/v1/admin/groups', '/api', '/api/v1/sync/tickets/pull/extra', '/%', '/api/v1/%zz']);
      if (verb !== 'GET' && verb !== 'HEAD') body = withBody(randomJson(random));
  }
  if (body !== null && contentType !== '') headers['content-type'] = contentType;
  if (random.chance(0.03) && endpoint !== 'raw') {
    // Over the 8 MiB limit.
    body = Buffer.alloc(8 * 1024 * 1024 + random.int(1, 5000), 0x20);
    headers['content-type'] = 'application/json';
  }
  // Mostly percent-encoded like any client would; sometimes raw UTF-8 in the request target.
  const target = random.chance(0.9) ? path.replace(/[^\x21-\x7e]/g, (char) => encodeURIComponent(char)) : Buffer.from(path, 'utf8').toString('latin1');
  return { endpoint, method: verb, path: target, headers, body };
}

/** The 2xx answers an endpoint may give to what was sent; anything else must be a 4xx. */
export function mayAccept(sent: Sent, status: number): boolean {
  // Only a supervisor or an admin gets anything but a refusal from the admin API (a CORS preflight aside).
  const administers = sent.caller === 'sup' || sent.caller === 'admin';
  if (sent.endpoint === 'admin' && !administers && sent.method !== 'OPTIONS') return false;
  if (status === 204) return (sent.endpoint === 'logout' && sent.method === 'POST') || (sent.endpoint === 'admin' && sent.method === 'POST' && /\/password$/.test(sent.path)) || sent.method === 'OPTIONS';
  if (sent.method === 'OPTIONS' || sent.method === 'HEAD') return true;
  if (sent.endpoint === 'admin') return true;
  return ['health', 'me', 'pull', 'push', 'stream', 'login', 'refresh', 'lookup', 'blob-put', 'blob-get'].includes(sent.endpoint);
}
