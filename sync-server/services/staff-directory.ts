import type { StaffMember } from '../../common/schemas/staff.js';
import type { DocBody, DocState, Store, UserRecord } from '../store/store.js';

export const SERVER_AUTHOR = { userId: 'system', deviceId: 'server' } as const;

export interface StaffSyncResult {
  /** Entries written (new, changed or ended). */
  readonly written: number;
  /** Contracts whose directory changed: their streams should be poked. */
  readonly contractIds: readonly string[];
}

/** One account whose entries to bring up to date, with the contracts it served before the change. */
export interface StaffSyncScope {
  readonly userId: string;
  readonly formerContractIds: readonly string[];
}

/**
 * Mirrors the accounts into `staff` documents (`<userId>:<contractId>`) through the store, so
 * they get sequences and replicate like everything else. Memberships that ended (contract
 * removed, account disabled) become tombstones. Unchanged entries are skipped, so running this at
 * every start is cheap. With `only`, just that account's entries are looked at (after an admin
 * change); its former contracts are needed because a removed membership is no longer in the account.
 */
export async function syncStaffDirectory(store: Store, now: Date = new Date(), only?: StaffSyncScope): Promise<StaffSyncResult> {
  const users: UserRecord[] = only
    ? [await store.getUserById(only.userId)].filter((user): user is UserRecord => user !== null)
    : await store.listUsers();
  const wanted = new Map<string, StaffMember>();
  for (const user of users) {
    if (user.disabled) continue;
    for (const contractId of user.contractIds) {
      const id = `${user.id}:${contractId}`;
      wanted.set(id, { id, contractId, userId: user.id, name: user.name, role: user.role, updatedAt: now.toISOString() });
    }
  }
  const everyPair = users.flatMap((user) => user.contractIds.map((contractId) => `${user.id}:${contractId}`));
  const former = only ? only.formerContractIds.map((contractId) => `${only.userId}:${contractId}`) : [];
  const existing = await store.getDocs('staff', [...new Set([...wanted.keys(), ...everyPair, ...former])]);
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
  if (changes.length === 0) return { written: 0, contractIds: [] };
  const written = await store.putServerDocs('staff', changes, SERVER_AUTHOR);
  return { written, contractIds: [...new Set(changes.map((change) => change.body.contractId))] };
}

function sameMember(body: DocBody, member: StaffMember): boolean {
  return body['name'] === member.name && body['role'] === member.role && body['userId'] === member.userId;
}
