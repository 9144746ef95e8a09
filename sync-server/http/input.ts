import { HttpError } from '../errors.js';

/** Small checks for request bodies and query strings; failures are 400 BAD_REQUEST naming the field. */
export function asRecord(value: unknown, what: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new HttpError('BAD_REQUEST', `${what} must be a JSON object`);
  }
  return value as Record<string, unknown>;
}

export function requireString(record: Record<string, unknown>, key: string, maxLength: number): string {
  const value = record[key];
  if (typeof value !== 'string' || value.length === 0 || value.length > maxLength) {
    throw new HttpError('BAD_REQUEST', `"${key}" must be a non-empty string of at most ${maxLength} characters`, {
      path: key,
    });
  }
  return value;
}

/**
 * Control characters (U+0000–U+001F, U+007F) have no place in names and identifiers, and
 * PostgreSQL cannot store U+0000 in a text column at all: a value with one is refused before it
 * reaches the store, on both stores alike.
 */
export function hasControlCharacter(value: string): boolean {
  // eslint-disable-next-line no-control-regex
  return /[\u0000-\u001f\u007f]/.test(value);
}

/**
 * `requireString` for names and identifiers: no control characters either. Trimmed first when
 * asked, so a pasted user name with a trailing newline still signs in as before.
 */
export function requireText(record: Record<string, unknown>, key: string, maxLength: number, trim = false): string {
  const given = requireString(record, key, maxLength);
  const value = trim ? given.trim() : given;
  if (hasControlCharacter(value)) throw new HttpError('BAD_REQUEST', `"${key}" must not contain control characters`, { path: key });
  return value;
}

export function optionalInteger(value: unknown, key: string, fallback: number, min: number): number {
  if (value === undefined || value === '') return fallback;
  const number = typeof value === 'string' ? Number(value) : NaN;
  if (!Number.isSafeInteger(number) || number < min) {
    throw new HttpError('BAD_REQUEST', `"${key}" must be an integer of at least ${min}`, { path: key });
  }
  return number;
}
