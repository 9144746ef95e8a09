import {
  checkName,
  checkPassword,
  checkUsername,
  CONTRACTS_MAX,
  NAME_MAX_LENGTH,
  normalizeUsername,
  PASSWORD_ISSUE_TEXT,
  PASSWORD_MAX_LENGTH,
  type AdminUser,
  type CreateUserRequest,
  type UpdateUserRequest,
} from '../../common/admin/accounts.js';
import { ROLES, type Role } from '../../common/domain/vocabulary.js';
import { idField } from '../../common/schemas/fields.js';
import { HttpError } from '../errors.js';
import { asRecord } from '../http/input.js';
import type { UserRecord } from '../store/store.js';

/**
 * Reading admin API bodies: every refusal is a 4xx naming the field (`path`), so the Users
 * screen can put the message next to it. Unknown fields are refused too: a typo must not pass
 * silently as "nothing changed".
 */

const invalid = (path: string, message: string) => new HttpError('VALIDATION_FAILED', message, { path });
const ID_PATTERN = new RegExp(idField.pattern);

function onlyKeys(body: Record<string, unknown>, allowed: readonly string[]): void {
  for (const key of Object.keys(body)) {
    if (!allowed.includes(key)) throw new HttpError('BAD_REQUEST', `Unknown field "${key}".`, { path: key });
  }
}

function readUsername(value: unknown): string {
  if (typeof value !== 'string') throw invalid('username', 'A user name is required.');
  const issue = checkUsername(value);
  if (issue === 'required') throw invalid('username', 'A user name is required.');
  if (issue === 'format') {
    throw invalid('username', 'A user name has 2 to 32 characters: lower-case letters a–z, digits, dot, dash or underscore, starting with a letter or digit.');
  }
  return normalizeUsername(value);
}

function readName(value: unknown): string {
  const issue = typeof value === 'string' ? checkName(value) : 'required';
  if (typeof value !== 'string' || issue === 'required') throw invalid('name', 'A name is required.');
  if (issue === 'too_long') throw invalid('name', `A name has at most ${NAME_MAX_LENGTH} characters.`);
  if (issue === 'control_characters') throw invalid('name', 'A name may not contain control characters.');
  return value.trim();
}

function readRole(value: unknown): Role {
  if (typeof value !== 'string' || !(ROLES as readonly string[]).includes(value)) {
    throw invalid('role', `The role must be one of ${ROLES.join(', ')}.`);
  }
  return value as Role;
}

function readContracts(value: unknown): string[] {
  if (!Array.isArray(value)) throw invalid('contractIds', 'contractIds must be a list of contract ids.');
  if (value.length > CONTRACTS_MAX) throw invalid('contractIds', `An account serves at most ${CONTRACTS_MAX} contracts.`);
  for (const id of value) {
    if (typeof id !== 'string' || !ID_PATTERN.test(id) || id.length > idField.maxLength) {
      throw invalid('contractIds', `"${String(id)}" is not a contract id.`);
    }
  }
  return [...new Set(value as string[])];
}

export function readPassword(value: unknown, username: string): string {
  if (typeof value !== 'string' || value.length === 0) throw invalid('password', 'A password is required.');
  // Bound the work before anything looks at it (the body limit alone would allow megabytes).
  if (value.length > PASSWORD_MAX_LENGTH * 4) throw new HttpError('PASSWORD_TOO_WEAK', PASSWORD_ISSUE_TEXT.too_long, { path: 'password' });
  const issue = checkPassword(value, username);
  if (issue) throw new HttpError('PASSWORD_TOO_WEAK', PASSWORD_ISSUE_TEXT[issue], { path: 'password' });
  return value;
}

export function readCreate(input: unknown): CreateUserRequest {
  const body = asRecord(input, 'The new account');
  onlyKeys(body, ['username', 'name', 'role', 'contractIds', 'password']);
  const username = readUsername(body['username']);
  return {
    username,
    name: readName(body['name']),
    role: readRole(body['role']),
    contractIds: readContracts(body['contractIds'] ?? []),
    password: readPassword(body['password'], username),
  };
}

export function readUpdate(input: unknown): UpdateUserRequest {
  const body = asRecord(input, 'The account change');
  onlyKeys(body, ['name', 'role', 'contractIds', 'disabled', 'version']);
  const version = body['version'];
  if (version !== undefined && (typeof version !== 'number' || !Number.isSafeInteger(version) || version < 0)) {
    throw new HttpError('BAD_REQUEST', '"version" must be the account version you last read.', { path: 'version' });
  }
  const disabled = body['disabled'];
  if (disabled !== undefined && typeof disabled !== 'boolean') throw invalid('disabled', '"disabled" must be true or false.');
  const change: UpdateUserRequest = {
    ...(body['name'] !== undefined ? { name: readName(body['name']) } : {}),
    ...(body['role'] !== undefined ? { role: readRole(body['role']) } : {}),
    ...(body['contractIds'] !== undefined ? { contractIds: readContracts(body['contractIds']) } : {}),
    ...(disabled !== undefined ? { disabled } : {}),
    ...(version !== undefined ? { version } : {}),
  };
  if (Object.keys(change).filter((key) => key !== 'version').length === 0) {
    throw new HttpError('BAD_REQUEST', 'Nothing to change: send name, role, contractIds or disabled.');
  }
  return change;
}

export function readReset(input: unknown, username: string): string {
  const body = asRecord(input, 'The password reset');
  onlyKeys(body, ['password']);
  return readPassword(body['password'], username);
}

export function toAdminUser(user: UserRecord): AdminUser {
  return {
    id: user.id,
    username: user.username,
    name: user.name,
    role: user.role,
    contractIds: [...user.contractIds],
    disabled: user.disabled,
    version: user.version,
    createdAt: user.createdAt,
    updatedAt: user.updatedAt,
  };
}
