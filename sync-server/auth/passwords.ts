import { hash, verify, type Algorithm } from '@node-rs/argon2';

/**
 * Argon2id with the OWASP minimum (19 MiB, t = 2, p = 1). `Algorithm` is a const enum that
 * isolated modules cannot read, so its value (Argon2id = 2) is spelled out here.
 */
const ARGON2ID = 2 as Algorithm;
export const PASSWORD_OPTIONS = { algorithm: ARGON2ID, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, PASSWORD_OPTIONS);
}

let dummy: Promise<string> | null = null;

/**
 * Checks a password against a stored hash. Unknown users are checked against a dummy hash with
 * the same cost, so the answer takes as long as for a real user and reveals nothing.
 */
export async function checkPassword(storedHash: string | null, password: string): Promise<boolean> {
  dummy ??= hashPassword('deskops-dummy-password-for-unknown-users');
  const target = storedHash ?? (await dummy);
  try {
    const ok = await verify(target, password);
    return ok && storedHash !== null;
  } catch {
    // A malformed stored hash must not become a 500 with details: treat as a wrong password.
    return false;
  }
}
