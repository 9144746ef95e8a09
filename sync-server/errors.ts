import { ERROR_STATUS, type ErrorBody, type ServerErrorCode } from '../common/errors.js';

/** An error that crosses the network as `{ code, message, docId?, path? }`; the status follows the code. */
export class HttpError extends Error {
  readonly code: ServerErrorCode;
  readonly statusCode: number;
  readonly docId: string | undefined;
  readonly path: string | undefined;
  /** Extra response headers, e.g. `Retry-After` on lockouts. */
  readonly headers: Readonly<Record<string, string>>;

  constructor(
    code: ServerErrorCode,
    message: string,
    extra: { docId?: string; path?: string; headers?: Record<string, string> } = {},
  ) {
    super(message);
    this.name = 'HttpError';
    this.code = code;
    this.statusCode = ERROR_STATUS[code];
    this.docId = extra.docId;
    this.path = extra.path;
    this.headers = extra.headers ?? {};
  }

  toBody(): ErrorBody {
    return {
      code: this.code,
      message: this.message,
      ...(this.docId !== undefined ? { docId: this.docId } : {}),
      ...(this.path !== undefined ? { path: this.path } : {}),
    };
  }
}

/** A document-level refusal produced inside a push transaction (no HTTP concerns there). */
export interface DocError {
  readonly code: ServerErrorCode;
  readonly message: string;
  readonly docId: string;
  readonly path?: string;
}

export function fromDocError(error: DocError): HttpError {
  return new HttpError(error.code, error.message, {
    docId: error.docId,
    ...(error.path !== undefined ? { path: error.path } : {}),
  });
}
