import type { StaffMember } from '../../common/schemas/staff.js';
import type { DocBody, DocState, Store } from '../store/store.js';

export const SERVER_AUTHOR = { userId: 'system', deviceId: 'server' } as const;

/**
 * Mirrors the accounts into `staff` documents (`<userId>:<contractId>`) through the store, so
 * they get sequences and replicate like everything else. Memberships that ended become
 * tombstones. Unchanged entries are skipped, so running this at every start is cheap.
 */
export async function syncStaffDirectory(store: Store, now: Date = new Date()): Promise<number> {
  const users = await store.listUsers();
  const wanted = new Map<string, StaffMember>();
  for (const user of users) {
    if (user.disabled) continue;
    for (const contractId of user.contractIds) {
      const id = `${user.id}:${contractId}`;
      wanted.set(id, { id, contractId, userId: user.id, name: user.name, role: user.role, updatedAt: now.toISOString() });
    }
  }
  const everyPair = users.flatMap((user) => user.contractIds.map((contractId) => `${user.id}:${contractId}`));
  const existing = await store.getDocs('staff', [...new Set([...wanted.keys(), ...everyPair])]);
  const byId = new Map(existing.map((doc) => [doc.id, doc]));
  const changes: DocState[] = [];
  for (const [id, member] of wanted) {
    const stored = byId.get(id);
    // Compare without updatedAt, or every start would rewrite every entry.
    if (stored && !stored.deleted && sameMember(stored.body, member)) continue;
    changes.push({ body: member, deleted: false });
  }
  for (const stored of existing) {
    if (!wanted.has(stored.id) && !stored.deleted) changes.push({ body: { ...stored.body, updatedAt: now.toISOString() }, deleted: true });
  }
  return changes.length === 0 ? 0 : store.putServerDocs('staff', changes, SERVER_AUTHOR);
}

function sameMember(body: DocBody, member: StaffMember): boolean {
  return body['name'] === member.name && body['role'] === member.role && body['userId'] === member.userId;
}
