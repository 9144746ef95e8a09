import { describe, expect, it } from 'vitest';
import { translate } from '../../i18n/index.js';
import { NetworkError, ServerError } from '../../sync/http-errors.js';
import { signInErrorsFrom, validateSignIn } from './sign-in-errors.js';
import './messages.js';

const en = (key: string, params?: Record<string, string | number>) => translate('en', key, params);
const tr = (key: string, params?: Record<string, string | number>) => translate('tr', key, params);

describe('sign-in errors in words', () => {
  it('puts a wrong password on the password field', () => {
    const error = new ServerError(401, { code: 'AUTH_INVALID_CREDENTIALS', message: 'bad' });
    expect(signInErrorsFrom(en, error, 'http://x')).toEqual({ password: 'Wrong username or password.' });
    expect(signInErrorsFrom(tr, error, 'http://x')).toEqual({ password: 'Kullanıcı adı veya parola yanlış.' });
  });

  it('puts an unreachable server on the server field', () => {
    expect(signInErrorsFrom(en, new NetworkError(new TypeError('fetch failed')), 'http://10.0.0.9:8787').server).toContain('http://10.0.0.9:8787');
  });

  it('says how long a locked account stays locked, from Retry-After or the server text', () => {
    const withHeader = new ServerError(429, { code: 'AUTH_ACCOUNT_LOCKED', message: 'Too many' }, 600);
    expect(signInErrorsFrom(en, withHeader, 'http://x').form).toBe('This account is locked after too many failed sign-ins. Try again in 10 min.');
    const textOnly = new ServerError(429, { code: 'AUTH_ACCOUNT_LOCKED', message: 'Too many failed sign-ins. Try again in 15 minutes (after …).' });
    expect(signInErrorsFrom(tr, textOnly, 'http://x').form).toContain('15 dk');
  });

  it('tells an outdated app to update', () => {
    const error = new ServerError(426, { code: 'CLIENT_OUTDATED', message: 'old' });
    expect(signInErrorsFrom(en, error, 'http://x').form).toContain('update DeskOps');
  });

  it('checks the fields before asking the server', () => {
    expect(validateSignIn(en, { serverUrl: 'sync.example.com', username: ' ', password: '' })).toEqual({
      server: 'Enter an address starting with http:// or https://',
      username: 'Required',
      password: 'Required',
    });
    expect(validateSignIn(en, { serverUrl: 'http://127.0.0.1:8787', username: 'tech', password: 'x' })).toEqual({});
  });
});
