import { isErrorBody, type ErrorBody, type ErrorCode } from '../../common/errors.js';

/** An answer from the server that was not 2xx, with its `{ code, message, docId?, path? }` body. */
export class ServerError extends Error {
  readonly status: number;
  readonly body: ErrorBody;
  /** Seconds from `Retry-After`, when the server sent one (lockouts, rate limits). */
  readonly retryAfterSeconds: number | null;

  constructor(status: number, body: ErrorBody, retryAfterSeconds: number | null = null) {
    super(body.message);
    this.name = 'ServerError';
    this.status = status;
    this.body = body;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  get code(): ErrorCode {
    return this.body.code;
  }
}

/** The request never got an HTTP answer (offline, refused, DNS, CORS, aborted by a timeout). */
export class NetworkError extends Error {
  constructor(cause: unknown) {
    super(cause instanceof Error ? cause.message : 'network request failed');
    this.name = 'NetworkError';
  }
}

/** The refresh token is gone or refused: only the person can fix this by signing in again. */
export class SignInRequiredError extends Error {
  readonly reason: ErrorCode;
  constructor(reason: ErrorCode) {
    super('sign in required');
    this.name = 'SignInRequiredError';
    this.reason = reason;
  }
}

export async function toServerError(response: Response): Promise<ServerError> {
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    // A proxy or crash page instead of our JSON: describe it by status below.
  }
  const retryAfter = Number(response.headers.get('retry-after'));
  const errorBody: ErrorBody = isErrorBody(body)
    ? body
    : { code: response.status >= 500 ? 'INTERNAL' : 'BAD_REQUEST', message: `HTTP ${response.status}` };
  return new ServerError(response.status, errorBody, Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : null);
}

/** `fetch` that turns "no answer at all" into NetworkError, so callers can tell it from a refusal. */
export async function fetchOrNetworkError(input: string, init?: RequestInit): Promise<Response> {
  try {
    return await fetch(input, init);
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new NetworkError(error);
  }
}

/** Refusals of one document that the person must fix; the rest of the batch can still go up. */
export function isDocumentRefusal(error: unknown): error is ServerError {
  return error instanceof ServerError && typeof error.body.docId === 'string' && [404, 409, 422].includes(error.status);
}

export function isRefreshRefusal(error: unknown): boolean {
  return error instanceof ServerError && (error.code === 'AUTH_REFRESH_INVALID' || error.code === 'AUTH_REFRESH_REUSED');
}
