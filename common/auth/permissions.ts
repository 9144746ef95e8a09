import type { Role } from '../domain/vocabulary.js';

/** Roles that may see every contract's supervision screens and edit contracts. */
export function isSupervisorRole(role: Role): boolean {
  return role === 'supervisor' || role === 'admin';
}

/** Fingerprint of a user's contract scope; stored in checkpoints so a scope change restarts pulls. */
export function scopeFingerprint(contractIds: readonly string[]): string {
  const sorted = [...contractIds].sort().join('|');
  // FNV-1a 32-bit: short, deterministic, identical in browser and Node; not a security measure.
  let hash = 0x811c9dc5;
  for (let i = 0; i < sorted.length; i++) {
    hash ^= sorted.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return `${contractIds.length}-${hash.toString(16).padStart(8, '0')}`;
}
