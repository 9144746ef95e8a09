import { checkName, checkPassword, checkUsername } from '../../../common/admin/accounts.js';
import type { Role } from '../../../common/domain/vocabulary.js';
import type { TFunction } from '../../i18n/index.js';
import { NetworkError, ServerError, SignInRequiredError } from '../../sync/http-errors.js';
import { describeProblem } from '../sync-status/describe.js';

export interface UserFormValues {
  readonly username: string;
  readonly name: string;
  readonly role: Role;
  readonly contractIds: readonly string[];
  readonly password: string;
  readonly confirm: string;
  readonly disabled: boolean;
}

export type UserFormField = 'username' | 'name' | 'role' | 'contractIds' | 'password' | 'confirm' | 'disabled';
export type UserFormErrors = Partial<Record<UserFormField | 'form', string>>;

/** The same rules the server applies (common/admin/accounts.ts), in the person's words, per field. */
export function validateUserForm(t: TFunction, values: UserFormValues, mode: 'create' | 'edit'): UserFormErrors {
  const errors: UserFormErrors = {};
  if (mode === 'create') {
    const username = checkUsername(values.username);
    if (username === 'required') errors.username = t('users.error.required');
    else if (username === 'format') errors.username = t('users.error.usernameFormat');
    Object.assign(errors, validatePasswordPair(t, values.password, values.confirm, values.username));
  }
  const name = checkName(values.name);
  if (name === 'required') errors.name = t('users.error.required');
  else if (name === 'too_long') errors.name = t('users.error.nameTooLong');
  else if (name === 'control_characters') errors.name = t('users.error.nameControl');
  return errors;
}

export function validatePasswordPair(t: TFunction, password: string, confirm: string, username: string): UserFormErrors {
  if (!password) return { password: t('users.error.required') };
  const issue = checkPassword(password, username);
  if (issue) return { password: t(`users.error.password.${issue}`) };
  if (password !== confirm) return { confirm: t('users.error.mismatch') };
  return {};
}

const FIELDS: readonly string[] = ['username', 'name', 'role', 'contractIds', 'password', 'disabled'];

/** A refusal from the server, next to the field it names when there is one. */
export function serverErrorsToForm(t: TFunction, error: unknown): UserFormErrors {
  if (error instanceof NetworkError) return { form: t('users.offline.body') };
  if (error instanceof SignInRequiredError) return { form: t('users.signIn') };
  if (error instanceof ServerError) {
    const words = describeProblem(t, { code: error.code, message: error.message, at: Date.now() });
    // Our words name the kind of refusal; the server's (English) message says exactly what was wrong.
    const detailed = error.code === 'VALIDATION_FAILED' || error.code === 'PASSWORD_TOO_WEAK' || error.code === 'ROLE_FORBIDDEN';
    const text = detailed ? `${words} (${error.message})` : words;
    const path = error.body.path;
    if (path && FIELDS.includes(path)) return { [path as UserFormField]: text };
    return { form: text };
  }
  return { form: describeProblem(t, { code: 'INTERNAL', message: error instanceof Error ? error.message : String(error), at: Date.now() }) };
}
