/**
 * Error codes that cross a process or network boundary, always as `{ code, message }` (plus
 * `docId` and `path` for document errors). The HTTP status belongs to the code, so the server and
 * the client agree on it.
 */
export const ERROR_STATUS = {
  AUTH_INVALID_CREDENTIALS: 401,
  AUTH_TOKEN_MISSING: 401,
  AUTH_TOKEN_INVALID: 401,
  AUTH_TOKEN_EXPIRED: 401,
  AUTH_REFRESH_INVALID: 401,
  AUTH_REFRESH_REUSED: 401,
  AUTH_ACCOUNT_LOCKED: 429,
  RATE_LIMITED: 429,
  BAD_REQUEST: 400,
  CHECKPOINT_INVALID: 400,
  VALIDATION_FAILED: 422,
  SERVER_FIELD_FORGED: 422,
  TRANSITION_NOT_ALLOWED: 422,
  EVENT_IMMUTABLE: 409,
  /** An uploaded blob whose bytes do not hash to the name it was sent under. */
  BLOB_HASH_MISMATCH: 422,
  /** A blob of a type the server does not store, or bytes that are not what the type says. */
  UNSUPPORTED_MEDIA_TYPE: 415,
  ROLE_FORBIDDEN: 403,
  NOT_FOUND: 404,
  BODY_TOO_LARGE: 413,
  CLIENT_OUTDATED: 426,
  USERNAME_TAKEN: 409,
  PASSWORD_TOO_WEAK: 422,
  ACCOUNT_STALE: 409,
  INTERNAL: 500,
} as const;

export type ServerErrorCode = keyof typeof ERROR_STATUS;

/** Codes the desktop bridge (IPC) answers with. */
export type IpcErrorCode =
  | 'IPC_UNKNOWN_CHANNEL'
  | 'IPC_SENDER_REJECTED'
  | 'IPC_BAD_ARGS'
  | 'KEYRING_UNAVAILABLE'
  | 'HARDWARE_UNAVAILABLE'
  | 'INTERNAL';

/** Codes only the client produces (sync engine, forms). */
export type ClientErrorCode =
  | 'NETWORK_UNREACHABLE'
  | 'SERVER_UNAVAILABLE'
  | 'SIGN_IN_REQUIRED'
  | 'NO_DESKTOP_BRIDGE'
  /** A push refused because the document's contract is no longer among the user's contracts. */
  | 'OUT_OF_SCOPE';

export type ErrorCode = ServerErrorCode | IpcErrorCode | ClientErrorCode;

export interface ErrorBody {
  readonly code: ErrorCode;
  readonly message: string;
  readonly docId?: string;
  readonly path?: string;
}

export type Result<T, E extends ErrorBody = ErrorBody> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly error: E };

export function ok<T>(value: T): Result<T, never> {
  return { ok: true, value };
}

export function fail<E extends ErrorBody>(error: E): Result<never, E> {
  return { ok: false, error };
}

export function isErrorBody(value: unknown): value is ErrorBody {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { code?: unknown }).code === 'string' &&
    typeof (value as { message?: unknown }).message === 'string'
  );
}
