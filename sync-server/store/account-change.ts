import type { UserChange, UserRecord } from './store.js';

/** Contract ids as both stores keep them: unique, in byte order (what `ORDER BY … COLLATE "C"` gives). */
export function canonicalContracts(ids: readonly string[]): string[] {
  return [...new Set(ids)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** The account after `change`, and whether anything stored differs (a password always does). */
export function applyUserChange(current: UserRecord, change: UserChange): { next: UserRecord; changed: boolean } {
  const contractIds = change.contractIds ? canonicalContracts(change.contractIds) : [...current.contractIds];
  const next: UserRecord = {
    ...current,
    name: change.name ?? current.name,
    role: change.role ?? current.role,
    disabled: change.disabled ?? current.disabled,
    passwordHash: change.passwordHash ?? current.passwordHash,
    contractIds,
  };
  const changed =
    next.name !== current.name ||
    next.role !== current.role ||
    next.disabled !== current.disabled ||
    change.passwordHash !== undefined ||
    contractIds.join('\u0000') !== canonicalContracts(current.contractIds).join('\u0000');
  return { next, changed };
}

export function missingAccount(id: string) {
  return { ok: false as const, error: { code: 'NOT_FOUND' as const, message: `There is no account "${id}".` } };
}
