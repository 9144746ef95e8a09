import type { TFunction } from '../../i18n/index.js';
import { NetworkError, ServerError } from '../../sync/http-errors.js';
import { describeProblem } from '../sync-status/describe.js';

export interface SignInErrors {
  server?: string;
  username?: string;
  password?: string;
  /** Not about one field: lockout, outdated app, server trouble. */
  form?: string;
}

export function validateSignIn(t: TFunction, values: { serverUrl: string; username: string; password: string }): SignInErrors {
  const errors: SignInErrors = {};
  if (!values.serverUrl.trim()) errors.server = t('auth.required');
  else if (!/^https?:\/\/[^\s/]+/i.test(values.serverUrl.trim())) errors.server = t('auth.badServer');
  if (!values.username.trim()) errors.username = t('auth.required');
  if (!values.password) errors.password = t('auth.required');
  return errors;
}

/** Puts a failed sign-in in words, next to the field it is about when there is one. */
export function signInErrorsFrom(t: TFunction, error: unknown, serverUrl: string): SignInErrors {
  if (error instanceof NetworkError) return { server: t('auth.unreachable', { server: serverUrl }) };
  if (error instanceof ServerError) {
    if (error.code === 'AUTH_INVALID_CREDENTIALS') return { password: t('auth.wrongPassword') };
    const retryAfterSeconds = error.retryAfterSeconds ?? minutesFromMessage(error.message);
    return { form: describeProblem(t, { code: error.code, message: error.message, at: Date.now(), retryAfterSeconds }) };
  }
  return { form: describeProblem(t, { code: 'INTERNAL', message: error instanceof Error ? error.message : String(error), at: Date.now() }) };
}

/** The server's lockout text says "Try again in N minutes" even when Retry-After isn't readable (CORS). */
function minutesFromMessage(message: string): number | null {
  const match = /in (\d+) minute/i.exec(message);
  return match?.[1] ? Number(match[1]) * 60 : null;
}
