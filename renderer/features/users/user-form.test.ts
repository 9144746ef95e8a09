import { describe, expect, it } from 'vitest';
import { translate } from '../../i18n/index.js';
import { NetworkError, ServerError } from '../../sync/http-errors.js';
import './messages.js';
import '../sync-status/messages.js';
import { serverErrorsToForm, validateUserForm, type UserFormValues } from './user-form.js';

const t = (key: string, params?: Record<string, string | number>) => translate('en', key, params);
const tr = (key: string, params?: Record<string, string | number>) => translate('tr', key, params);
const values: UserFormValues = { username: 'ayse.kaya', name: 'Ayşe Kaya', role: 'technician', contractIds: ['c-anka'], password: 'Kestane-Balı-7', confirm: 'Kestane-Balı-7', disabled: false };

describe('the account form', () => {
  it('passes a good new account and checks each field inline with the server’s rules', () => {
    expect(validateUserForm(t, values, 'create')).toEqual({});
    expect(validateUserForm(t, { ...values, username: 'Ç' }, 'create')).toEqual({ username: t('users.error.usernameFormat') });
    expect(validateUserForm(t, { ...values, name: ' ' }, 'create')).toEqual({ name: 'Required.' });
    expect(validateUserForm(t, { ...values, name: 'Ayşe\tKaya' }, 'edit')).toEqual({ name: 'One line of text: no tabs, line breaks or control characters.' });
    expect(validateUserForm(t, { ...values, password: 'ayse.kaya-99', confirm: 'ayse.kaya-99' }, 'create')).toEqual({ password: 'Must not contain the user name.' });
    expect(validateUserForm(tr, { ...values, password: 'kısa', confirm: 'kısa' }, 'create')).toEqual({ password: 'En az 10 karakter.' });
    expect(validateUserForm(t, { ...values, confirm: 'something else' }, 'create')).toEqual({ confirm: 'The two passwords differ.' });
    // Editing never asks for a password or a user name.
    expect(validateUserForm(t, { ...values, username: '', password: '' }, 'edit')).toEqual({});
  });

  it('puts a server refusal next to the field it names, and a lost connection on the form', () => {
    const taken = new ServerError(409, { code: 'USERNAME_TAKEN', message: 'The user name "ayse" is taken.', path: 'username' });
    expect(serverErrorsToForm(t, taken)).toEqual({ username: 'That user name is taken.' });
    const contract = new ServerError(422, { code: 'VALIDATION_FAILED', message: 'There is no contract "c-x".', path: 'contractIds' });
    expect(serverErrorsToForm(t, contract).contractIds).toContain('There is no contract "c-x".');
    const stale = new ServerError(409, { code: 'ACCOUNT_STALE', message: 'changed', path: 'version' });
    expect(serverErrorsToForm(tr, stale)).toEqual({ form: tr('error.ACCOUNT_STALE') });
    expect(serverErrorsToForm(t, new NetworkError(new Error('offline')))).toEqual({ form: t('users.offline.body') });
  });
});
