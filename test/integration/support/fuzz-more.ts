import { createHash } from 'node:crypto';
import { BLOB_MAX_BYTES } from '../../../common/blobs/blob-protocol.js';
import { COLLECTION_NAMES, isCollectionName } from '../../../common/schemas/collections.js';
import { LOOKUP_IDS_MAX, schemaVersionOf, type LoginResponse } from '../../../common/sync/protocol.js';
import type { Random } from '../../../sync-server/demo/random.js';
import { damage, mutate, randomAuthorization, randomJson, randomQuery, type Json } from './fuzz-inputs.js';
import type { Endpoint, Sent } from './fuzz-requests.js';

/**
 * Bad input for the routes added after the fuzz suite was first written: the admin API
 * (`/admin/users…`), `POST /sync/<collection>/lookup` and the content-addressed blobs
 * (`PUT`/`GET /blobs/<sha256>`). fuzz-requests.ts picks the endpoint and applies the common
 * damage (content types, byte-level damage, oversized bodies) to what these return.
 */
export type Caller = 'sup' | 'tech' | 'admin';

export interface Drafted {
  readonly method: string;
  readonly path: string;
  readonly caller: Caller;
  /** A JSON value to send (the caller may damage its text), raw bytes, or nothing. */
  readonly json?: Json;
  readonly bytes?: Buffer;
  /** Set when the draft decides the content type itself (blob uploads). */
  readonly contentType?: string | null;
}

/** What the fuzz run knows about the server: accounts it may change, blobs that exist. */
export interface FuzzWorld {
  /** Accounts made for the fuzz run (technicians in c-anka), the only ones a valid body may change. */
  readonly fuzzAccounts: readonly string[];
  /** Uploaded blobs: sha256 → contract. */
  readonly blobs: Map<string, string>;
}

const PASSWORDS = ['Kestane-Balı-7', 'Yıldız-Kümesi-42', 'short', 'password123', 'demo1234', 'x'.repeat(129), 'aaaaaaaaaaaaaa', '1234567890123', ''];
const ROLE_VALUES = ['technician', 'warehouse', 'supervisor', 'admin', 'Admin', 'root', '', 'technician '];
const CONTRACT_LISTS: readonly Json[] = [['c-anka'], ['c-anka', 'c-bogaz'], ['c-merkez'], [], ['c-nope'], ['c-anka', 'c-anka'], ['C-ANKA'], [''], Array.from({ length: 201 }, (_, k) => `c-x${k}`), 'c-anka', [null], [1]];
const BAD_IDS = ['', '%2e%2e', '..%2f..%2fetc', 'x'.repeat(300), '__proto__', 'constructor', '%00', 'u-admin%2F..%2Fu-tech', '%F0%9F%98%80', 'u-nobody', 'u-TECH', ' u-tech', '%zz'];
const MALFORMED_HASHES = ['', 'abc', 'g'.repeat(64), '0'.repeat(63), '0'.repeat(65), '..%2f..%2f', '%00', 'x'.repeat(3000), '__proto__'];
const ODD = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD'];

const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

function caller(random: Random, admin: boolean): Caller {
  return admin ? random.pick<Caller>(['sup', 'sup', 'tech', 'admin']) : random.pick<Caller>(['sup', 'tech']);
}

/** The admin API: list, create, update, reset password, and methods it does not have. */
export function adminDraft(random: Random, seed: number, n: number, world: FuzzWorld): Drafted {
  const who = caller(random, true);
  const fuzzAccount = random.pick(world.fuzzAccounts);
  // Real accounts only where the change is refused anyway (tech may not administer; nobody below
  // admin may touch u-admin); the admin caller may touch its own account except its password.
  const target = random.chance(0.6) ? fuzzAccount : random.chance(0.5) ? random.pick(BAD_IDS) : who === 'tech' ? random.pick(['u-sup', 'u-admin', 'u-tech']) : who === 'sup' ? 'u-admin' : fuzzAccount;
  const usersPath = '/api/v1/admin/users';
  const odd = (usual: string) => (random.chance(0.9) ? usual : random.pick(ODD));
  const rework = (value: Json): Json => {
    let out = value;
    for (let i = random.chance(0.5) ? random.int(1, 3) : 0; i > 0; i--) out = mutate(random, out);
    return random.chance(0.08) ? randomJson(random) : out;
  };
  switch (random.int(0, 4)) {
    case 0:
      return { method: odd('GET'), path: `${usersPath}${random.chance(0.3) ? randomQuery(random, ['q', 'limit', 'role']) : ''}`, caller: who };
    case 1: {
      const username = random.chance(0.8) ? `fz${seed}n${n}` : random.pick(['tech', 'SUP', 'fzacct1', 'a', '-x', 'ü', 'x'.repeat(40), '']);
      const body = { username, name: random.pick(['Fuzz Kişi', 'x'.repeat(101), ' ', 'Ğüşıöç İ']), role: random.pick(ROLE_VALUES), contractIds: random.pick(CONTRACT_LISTS), password: random.pick(PASSWORDS) };
      return { method: odd('POST'), path: usersPath, caller: who, json: rework(body) };
    }
    case 2: {
      const body: Record<string, Json> = {};
      if (random.chance(0.5)) body['name'] = random.pick(['Yeni Ad', '', 'x'.repeat(101), 'Ad \u0000']);
      if (random.chance(0.3)) body['role'] = random.pick(ROLE_VALUES);
      if (random.chance(0.3)) body['contractIds'] = random.pick(CONTRACT_LISTS);
      if (random.chance(0.2)) body['disabled'] = random.pick<Json>([true, false, 'true', 1, null]);
      if (random.chance(0.3)) body['version'] = random.pick<Json>([0, 1, 2, -1, 1.5, '1', 2 ** 53 + 2, null]);
      if (random.chance(0.1)) body[random.pick(['password', 'id', 'username', 'passwordHash', '__proto__'])] = 'x';
      return { method: odd('PATCH'), path: `${usersPath}/${target}`, caller: who, json: rework(body) };
    }
    case 3: {
      // Never the admin caller's own password: that would end the session the run goes on with.
      const id = who === 'admin' && target === 'u-admin' ? fuzzAccount : target;
      return { method: odd('POST'), path: `${usersPath}/${id}/password`, caller: who, json: rework({ password: random.pick(PASSWORDS) }) };
    }
    default:
      return {
        method: random.pick(['DELETE', 'PUT', 'GET', 'POST', 'PATCH']),
        path: random.pick([`${usersPath}/${target}`, `${usersPath}/${target}/password`, `${usersPath}/${target}/extra`, `${usersPath}/`, '/api/v1/admin', '/api/v1/admin/users/password']),
        caller: who,
        json: randomJson(random),
      };
  }
}

/** `POST /sync/<collection>/lookup` with own, foreign (for tech: c-merkez), missing and malformed ids. */
export function lookupDraft(random: Random): Drafted {
  const collection = random.chance(0.85) ? random.pick(COLLECTION_NAMES) : random.pick(['__proto__', 'constructor', 'TICKETS', '..', 'x'.repeat(300), 'tickets%00']);
  const schema = random.chance(0.85) && isCollectionName(collection) ? String(schemaVersionOf(collection)) : random.pick(['', '-1', '999999', 'x']);
  // Mostly well-formed ids (own, foreign for tech, missing), so the lookup itself is reached.
  const wellFormed = random.chance(0.6);
  const ids: Json[] = [];
  for (let i = random.int(wellFormed ? 1 : 0, 6); i > 0; i--) {
    // Ids of that collection in an own and a foreign contract (c-merkez for tech) come first.
    const ofCollection = collection === 'tickets' ? ['t-anka-001', 't-merkez-001'] : collection === 'assets' ? ['a-anka-001', 'a-merkez-001'] : collection === 'people' ? ['p-anka-01', 'p-merkez-01'] : ['c-anka', 'c-merkez'];
    if (wellFormed && random.chance(0.6)) {
      ids.push(random.pick(ofCollection));
      continue;
    }
    const good = ['t-anka-001', 't-bogaz-002', 't-merkez-001', 'a-merkez-001', 'p-merkez-01', 'c-merkez', 'c-anka', 'a-anka-001', 'p-anka-01', 'u-tech', 'u-sup', 'nope', '__proto__', "' OR 1=1 --", '%'];
    ids.push(random.pick<Json>(wellFormed ? good : [...good, '', 'x'.repeat(131), 42, null, {}, ['t-anka-001'], '\u0000']));
  }
  let body: Json = random.chance(0.05) ? { ids: Array.from({ length: LOOKUP_IDS_MAX + random.int(1, 5) }, (_, k) => `t-x-${k}`) } : { ids };
  for (let i = random.chance(0.4) ? random.int(1, 2) : 0; i > 0; i--) body = mutate(random, body);
  if (random.chance(0.05)) body = randomJson(random);
  // Mostly tech, who does not serve c-merkez: a leak shows as a foreign document.
  return { method: random.chance(0.92) ? 'POST' : random.pick(ODD), path: `/api/v1/sync/${collection}/lookup?schema=${schema}`, caller: random.chance(0.7) ? 'tech' : 'sup', json: body };
}

function image(random: Random): { bytes: Buffer; mime: string } {
  const tail = Buffer.from(Array.from({ length: random.int(1, 64) }, () => random.int(0, 255)));
  switch (random.int(0, 2)) {
    case 0:
      return { bytes: Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), tail]), mime: 'image/png' };
    case 1:
      return { bytes: Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), tail]), mime: 'image/jpeg' };
    default:
      return { bytes: Buffer.concat([Buffer.from('RIFF'), Buffer.from([0, 0, 0, 0]), Buffer.from('WEBP'), tail]), mime: 'image/webp' };
  }
}

/** `PUT /blobs/<sha256>?contract=…`: right and wrong names, contracts, types, sizes and methods. */
export function blobPutDraft(random: Random, world: FuzzWorld): Drafted {
  const who = caller(random, false);
  const picked = image(random);
  const mime = picked.mime;
  let bytes = picked.bytes;
  const damage = random.int(0, 9);
  if (damage === 0) bytes = Buffer.alloc(0);
  else if (damage === 1) bytes = Buffer.from('<html><script>alert(1)</script></html>');
  else if (damage === 2) bytes = Buffer.concat([bytes, Buffer.alloc(BLOB_MAX_BYTES + random.int(1, 5000) - bytes.length)]);
  else if (damage === 3) bytes = bytes.subarray(0, random.int(0, 3));
  const roll = random.next();
  const name =
    roll < 0.65
      ? sha(bytes)
      : roll < 0.75
        ? sha(Buffer.concat([bytes, Buffer.from([0])]))
        : roll < 0.8
          ? sha(bytes).toUpperCase()
          : roll < 0.85 && world.blobs.size > 0
            ? random.pick([...world.blobs.keys()])
            : random.pick(MALFORMED_HASHES);
  const contract = random.pick(['?contract=c-anka', '?contract=c-anka', '?contract=c-bogaz', '?contract=c-merkez', '?contract=c-nope', '', '?contract=', '?contract=c-anka&contract=c-merkez', '?contract[]=c-anka', `?contract=${'c'.repeat(3000)}`, '?contract=%00']);
  const contentType = random.chance(0.7)
    ? mime
    : random.pick<string | null>(['image/png', 'image/jpeg', 'image/webp', 'IMAGE/PNG', `${mime}; charset=utf-8`, 'application/octet-stream', 'application/json', 'text/html', 'image/gif', 'multipart/form-data; boundary=x', '', null]);
  const method = random.chance(0.9) ? 'PUT' : random.pick(['POST', 'PATCH', 'DELETE', 'GET', 'HEAD', 'OPTIONS']);
  return { method, path: `/api/v1/blobs/${name}${contract}`, caller: who, bytes, contentType };
}

/** `GET /blobs/<sha256>`: uploaded blobs (own and foreign contracts), unknown and malformed names. */
export function blobGetDraft(random: Random, world: FuzzWorld): Drafted {
  const name = world.blobs.size > 0 && random.chance(0.6) ? random.pick([...world.blobs.keys()]) : random.chance(0.5) ? sha(Buffer.from(String(random.next()))) : random.pick(MALFORMED_HASHES);
  const method = random.chance(0.9) ? 'GET' : random.pick(['HEAD', 'OPTIONS', 'DELETE', 'POST']);
  return { method, path: `/api/v1/blobs/${name}${random.chance(0.2) ? randomQuery(random, ['contract', 'download']) : ''}`, caller: caller(random, false) };
}

export type FuzzLogins = Record<Caller, LoginResponse>;

/**
 * One request to one of the newer endpoints, from its own seeded stream (so the older endpoints'
 * sequence, and the seeds that once found bugs there, stay as they were).
 */
export function fuzzMoreRequest(random: Random, seed: number, n: number, sessions: FuzzLogins, world: FuzzWorld): Sent {
  const endpoint = random.pick<Endpoint>(['admin', 'admin', 'lookup', 'lookup', 'blob-put', 'blob-put', 'blob-get']);
  const draft = endpoint === 'admin' ? adminDraft(random, seed, n, world) : endpoint === 'lookup' ? lookupDraft(random) : endpoint === 'blob-put' ? blobPutDraft(random, world) : blobGetDraft(random, world);
  const session = sessions[draft.caller];
  const auth = random.chance(0.8) ? `Bearer ${session.accessToken}` : randomAuthorization(random, session.accessToken);
  const headers: Record<string, string> = {};
  if (auth !== undefined) headers['authorization'] = auth;
  let body: Buffer | null = null;
  if (draft.bytes !== undefined) body = draft.bytes;
  else if (draft.json !== undefined && draft.method !== 'GET' && draft.method !== 'HEAD') {
    const text = JSON.stringify(draft.json);
    body = random.chance(0.25) ? damage(random, text) : Buffer.from(text, 'utf8');
  }
  if (draft.contentType !== undefined) {
    if (draft.contentType !== null) headers['content-type'] = draft.contentType;
  } else if (body !== null) {
    const type = random.chance(0.85) ? 'application/json' : random.pick(['text/plain', 'application/json; charset=latin1', 'image/png', 'application/x-www-form-urlencoded', '']);
    if (type !== '') headers['content-type'] = type;
  }
  if (random.chance(0.02) && draft.bytes === undefined) {
    // Over the 8 MiB JSON limit.
    body = Buffer.alloc(8 * 1024 * 1024 + random.int(1, 5000), 0x20);
    headers['content-type'] = 'application/json';
  }
  const target = random.chance(0.95) ? draft.path.replace(/[^\x21-\x7e]/g, (char) => encodeURIComponent(char)) : Buffer.from(draft.path, 'utf8').toString('latin1');
  return { endpoint, method: draft.method, path: target, headers, body, caller: draft.caller };
}
