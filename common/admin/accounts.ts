import { ROLES, type Role } from '../domain/vocabulary.js';
import { API_PREFIX } from '../sync/protocol.js';

/**
 * Account administration, shared by the sync server (which enforces it) and the Users screen
 * (which checks the same rules inline before sending). Accounts live only on the server: they
 * are not a replicated collection, so this screen needs a connection.
 */

/** An account as the admin API shows it; the password hash never leaves the server. */
export interface AdminUser {
  readonly id: string;
  readonly username: string;
  readonly name: string;
  readonly role: Role;
  readonly contractIds: readonly string[];
  readonly disabled: boolean;
  /** Raised by every change; send it back as `version` to refuse overwriting someone else's edit. */
  readonly version: number;
  readonly createdAt: string;
  readonly updatedAt: string | null;
}

export interface AdminUserList {
  readonly users: readonly AdminUser[];
}

export interface CreateUserRequest {
  readonly username: string;
  readonly name: string;
  readonly role: Role;
  readonly contractIds: readonly string[];
  readonly password: string;
}

/** Only the fields sent change. `version`, when sent, must still be the account's version (409 otherwise). */
export interface UpdateUserRequest {
  readonly name?: string;
  readonly role?: Role;
  readonly contractIds?: readonly string[];
  readonly disabled?: boolean;
  readonly version?: number;
}

export interface ResetPasswordRequest {
  readonly password: string;
}

export const adminPaths = {
  users: `${API_PREFIX}/admin/users`,
  user: (id: string) => `${API_PREFIX}/admin/users/${encodeURIComponent(id)}`,
  password: (id: string) => `${API_PREFIX}/admin/users/${encodeURIComponent(id)}/password`,
} as const;

export const USERNAME_PATTERN = /^[a-z0-9][a-z0-9._-]{1,31}$/;
export const NAME_MAX_LENGTH = 100;
export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 128;
/** At most this many contracts per account (the staff directory writes one entry per contract). */
export const CONTRACTS_MAX = 200;

/** Roles that may open the account administration at all. */
export function canAdministerAccounts(role: Role): boolean {
  return role === 'admin' || role === 'supervisor';
}

/**
 * Roles `actor` may give, and accounts (by their current role) it may change: an admin any; a
 * supervisor everything below admin, so it can neither grant admin nor take over an admin account.
 */
export function grantableRoles(actor: Role): readonly Role[] {
  if (actor === 'admin') return ROLES;
  if (actor === 'supervisor') return ROLES.filter((role) => role !== 'admin');
  return [];
}

export function canManageAccount(actor: Role, target: Role): boolean {
  return grantableRoles(actor).includes(target);
}

/** Usernames are stored lower-case (sign-in lower-cases what is typed). */
export function normalizeUsername(value: string): string {
  return value.trim().toLowerCase();
}

export type UsernameIssue = 'required' | 'format';

export function checkUsername(value: string): UsernameIssue | null {
  const username = normalizeUsername(value);
  if (username.length === 0) return 'required';
  return USERNAME_PATTERN.test(username) ? null : 'format';
}

export type NameIssue = 'required' | 'too_long' | 'control_characters';

/** Tabs, line breaks, NUL and the like: never part of a person's name (PostgreSQL cannot even store NUL). */
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTER = /[\u0000-\u001f\u007f]/;

export function checkName(value: string): NameIssue | null {
  const name = value.trim();
  if (name.length === 0) return 'required';
  if (name.length > NAME_MAX_LENGTH) return 'too_long';
  return CONTROL_CHARACTER.test(name) ? 'control_characters' : null;
}

export type PasswordIssue = 'too_short' | 'too_long' | 'contains_username' | 'too_few_distinct' | 'too_common';

/** Words that, with digits or symbols around them, make a guessable password (EN and TR). */
const COMMON_WORDS = new Set([
  'password', 'passwort', 'parola', 'sifre', 'şifre', 'qwerty', 'qwertz', 'asdfgh', 'azerty', 'letmein', 'welcome',
  'hosgeldin', 'hoşgeldin', 'admin', 'administrator', 'yonetici', 'yönetici', 'deskops', 'demo', 'test', 'abc',
  'iloveyou', 'monkey', 'dragon', 'master', 'sunshine', 'football', 'galatasaray', 'fenerbahce', 'fenerbahçe',
  'besiktas', 'beşiktaş', 'trabzonspor', 'turkiye', 'türkiye', 'istanbul', 'ankara',
]);
const SEQUENCES = ['01234567890123456789', '98765432109876543210', 'abcdefghijklmnopqrstuvwxyz', 'qwertyuiopasdfghjklzxcvbnm'];

/**
 * A sensible policy in the spirit of NIST SP 800-63B: length over composition rules. At least
 * 10 characters (at most 128), not containing the user name, at least 5 different characters,
 * and not a common word or keyboard/number run padded with digits and symbols.
 */
export function checkPassword(password: string, username = ''): PasswordIssue | null {
  const characters = [...password];
  if (characters.length < PASSWORD_MIN_LENGTH) return 'too_short';
  if (characters.length > PASSWORD_MAX_LENGTH) return 'too_long';
  const lower = password.toLocaleLowerCase('tr');
  const name = normalizeUsername(username);
  if (name.length >= 3 && (lower.includes(name) || password.toLowerCase().includes(name))) return 'contains_username';
  if (new Set(characters.map((c) => c.toLowerCase())).size < 5) return 'too_few_distinct';
  const letters = lower.replace(/[^a-zçğıöşü]/g, '');
  if (COMMON_WORDS.has(letters)) return 'too_common';
  const core = lower.replace(/[^a-z0-9çğıöşü]/g, '');
  if (core.length > 0 && SEQUENCES.some((run) => run.includes(core))) return 'too_common';
  return null;
}

/** The English text the server sends with a refused password (the UI words it itself). */
export const PASSWORD_ISSUE_TEXT: Readonly<Record<PasswordIssue, string>> = {
  too_short: `The password must have at least ${PASSWORD_MIN_LENGTH} characters.`,
  too_long: `The password may have at most ${PASSWORD_MAX_LENGTH} characters.`,
  contains_username: 'The password must not contain the user name.',
  too_few_distinct: 'The password must use at least 5 different characters.',
  too_common: 'The password is too easy to guess (a common word or a keyboard or number run).',
};
