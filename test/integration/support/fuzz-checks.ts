import { createHash } from 'node:crypto';
import type { AdminUser } from '../../../common/admin/accounts.js';
import { isCollectionName } from '../../../common/schemas/collections.js';
import { sameDocumentState } from '../../../common/sync/merge/deep-equal.js';
import type { RunningServer } from '../../../sync-server/start.js';
import { toWire } from '../../../sync-server/store/doc-state.js';
import type { FuzzLogins, FuzzWorld } from './fuzz-more.js';
import type { Sent } from './fuzz-requests.js';
import type { Answer } from './raw-http.js';

/**
 * What an accepted request to one of the newer endpoints must have done: an admin change stored
 * exactly as answered and only where the caller may make it; a lookup that answers only the
 * caller's contracts' documents, as stored; an upload stored under the hash of its bytes in a
 * contract of the caller; a download only of a blob the caller's contracts hold.
 */
function json(answer: Answer): unknown {
  try {
    return JSON.parse(answer.body);
  } catch {
    return undefined;
  }
}

const ADMIN_FIELDS = ['id', 'username', 'name', 'role', 'contractIds', 'disabled', 'version'] as const;

async function checkAdmin(server: RunningServer, sent: Sent, answer: Answer, world: FuzzWorld): Promise<string[]> {
  const path = sent.path.split('?')[0] ?? '';
  if (sent.method === 'GET') {
    const body = json(answer) as { users?: Record<string, unknown>[] } | undefined;
    if (!Array.isArray(body?.users)) return ['the account list has no "users"'];
    return body.users.some((user) => 'passwordHash' in user || 'password_hash' in user) ? ['the account list shows password hashes'] : [];
  }
  const target = decodeURIComponent(/\/admin\/users\/([^/]+)/.exec(path)?.[1] ?? '');
  const mayChange = (id: string) => world.fuzzAccounts.includes(id) || (sent.caller === 'admin' && id === 'u-admin');
  if (sent.method === 'POST' && path.endsWith('/password')) return mayChange(target) ? [] : [`the password of ${target} was reset`];
  if (sent.method !== 'POST' && sent.method !== 'PATCH') return [];
  const body = json(answer) as AdminUser | undefined;
  if (!body || typeof body.id !== 'string') return ['an accepted account change answered no account'];
  if (sent.method === 'PATCH' && !mayChange(body.id)) return [`${body.id} was changed, which the run never meant to allow`];
  if (sent.caller === 'sup' && body.role === 'admin') return [`a supervisor made ${body.id} an admin`];
  const stored = await server.store.getUserById(body.id);
  if (!stored) return [`${body.id} was answered but is not stored`];
  const different = ADMIN_FIELDS.filter((key) => JSON.stringify(stored[key]) !== JSON.stringify(body[key]));
  return different.length > 0 ? [`${body.id} is stored differently from the answer (${different.join(', ')})`] : [];
}

async function checkLookup(server: RunningServer, sent: Sent, answer: Answer, sessions: FuzzLogins): Promise<string[]> {
  if (sent.method !== 'POST') return [];
  const collection = /\/sync\/([^/]+)\/lookup/.exec(sent.path)?.[1] ?? '';
  if (!isCollectionName(collection)) return [`lookup in "${collection}" accepted`];
  const body = json(answer) as { documents?: Record<string, unknown>[] } | undefined;
  if (!Array.isArray(body?.documents)) return ['a lookup answer without "documents"'];
  // The JSON parser skips a leading byte-order mark, so the check does too.
  const asked = new Set((JSON.parse((sent.body?.toString('utf8') ?? '{}').replace(/^\uFEFF/, '')) as { ids?: unknown[] }).ids ?? []);
  const mine = sessions[sent.caller ?? 'tech'].user.contractIds;
  const problems: string[] = [];
  for (const doc of body.documents) {
    const id = String(doc['id']);
    if (!mine.includes(String(doc['contractId']))) problems.push(`lookup answered ${collection}/${id} of foreign contract ${String(doc['contractId'])}`);
    if (!asked.has(id)) problems.push(`lookup answered ${collection}/${id}, which was not asked for`);
    const [stored] = await server.store.getDocs(collection, [id]);
    if (!stored || !sameDocumentState(toWire(stored), doc)) problems.push(`lookup answered ${collection}/${id} differently from the store`);
  }
  return problems;
}

async function checkBlob(server: RunningServer, sent: Sent, answer: Answer, sessions: FuzzLogins, world: FuzzWorld): Promise<string[]> {
  const [, name = '', query = ''] = /\/blobs\/([^/?]*)(?:\?(.*))?$/.exec(sent.path) ?? [];
  const mine = sessions[sent.caller ?? 'tech'].user.contractIds;
  // A GET is a download whichever draft made it (an upload draft sometimes takes an odd method).
  if (sent.method === 'GET') {
    const stored = await server.store.getBlob(name, mine);
    if (!stored) return [`blob ${name.slice(0, 12)}… was handed to ${sent.caller ?? '?'}, whose contracts do not hold it`];
    return stored.data.equals(answer.bytes) ? [] : [`blob ${name.slice(0, 12)}… was answered with other bytes`];
  }
  if (sent.method !== 'PUT') return [`a ${sent.method} of a blob was accepted`];
  const bytes = sent.body ?? Buffer.alloc(0);
  const contract = new URLSearchParams(query).get('contract') ?? '';
  const problems: string[] = [];
  if (createHash('sha256').update(bytes).digest('hex') !== name) problems.push('an upload whose bytes do not hash to its name was accepted');
  if (!mine.includes(contract)) problems.push(`an upload into contract "${contract.slice(0, 40)}", which ${sent.caller ?? '?'} does not serve, was accepted`);
  const stored = await server.store.getBlob(name, [contract]);
  if (!stored || !stored.data.equals(bytes)) problems.push('an accepted upload is not stored as sent');
  else world.blobs.set(name, contract);
  return problems;
}

/** Problems with an accepted (2xx) answer of a newer endpoint; [] for the others. */
export function checkAcceptedMore(server: RunningServer, sent: Sent, answer: Answer, sessions: FuzzLogins, world: FuzzWorld): Promise<string[]> {
  if (sent.method === 'OPTIONS' || sent.method === 'HEAD') return Promise.resolve([]);
  if (sent.endpoint === 'admin') return checkAdmin(server, sent, answer, world);
  if (sent.endpoint === 'lookup') return checkLookup(server, sent, answer, sessions);
  if (sent.endpoint === 'blob-put' || sent.endpoint === 'blob-get') return checkBlob(server, sent, answer, sessions, world);
  return Promise.resolve([]);
}
