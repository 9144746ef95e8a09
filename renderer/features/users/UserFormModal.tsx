import { Alert, Button, Group, Modal, MultiSelect, PasswordInput, Select, Stack, Switch, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { grantableRoles, normalizeUsername, type AdminUser } from '../../../common/admin/accounts.js';
import type { SessionUser } from '../../../common/sync/protocol.js';
import { useT } from '../../i18n/index.js';
import { ServerError } from '../../sync/http-errors.js';
import { useContracts } from '../tickets/use-ticket-lookups.js';
import { serverErrorsToForm, validateUserForm, type UserFormErrors, type UserFormValues } from './user-form.js';
import { usersApi } from './users-api.js';

interface Props {
  readonly me: SessionUser;
  /** Null: a new account. */
  readonly user: AdminUser | null;
  readonly onClose: () => void;
  readonly onSaved: (user: AdminUser) => void;
  /** Someone else changed the account meanwhile: reload the list. */
  readonly onStale: () => void;
}

/**
 * Create or edit an account. The rules are checked inline before sending (the same ones the
 * server applies); what the server still refuses lands next to the field it names.
 */
export function UserFormModal({ me, user, onClose, onSaved, onStale }: Props) {
  const t = useT();
  const { contracts, byId } = useContracts();
  const isSelf = user?.id === me.id;
  // A supervisor gives and takes only the contracts it serves; an account's others stay as they are.
  const manageable = me.role === 'admin' ? null : new Set(me.contractIds);
  const [values, setValues] = useState<UserFormValues>({
    username: user?.username ?? '',
    name: user?.name ?? '',
    role: user?.role ?? 'technician',
    contractIds: user ? user.contractIds.filter((id) => !manageable || manageable.has(id)) : [],
    password: '',
    confirm: '',
    disabled: user?.disabled ?? false,
  });
  const [errors, setErrors] = useState<UserFormErrors>({});
  const [stale, setStale] = useState(false);
  const [busy, setBusy] = useState(false);
  const others = user ? user.contractIds.filter((id) => manageable && !manageable.has(id)) : [];
  const options = contracts
    .filter((contract) => !manageable || manageable.has(contract.id))
    .map((contract) => ({ value: contract.id, label: `${contract.code} — ${contract.name}` }));
  for (const id of values.contractIds) if (!byId.has(id)) options.push({ value: id, label: id });

  const set = <K extends keyof UserFormValues>(key: K, value: UserFormValues[K]) => {
    setValues((current) => ({ ...current, [key]: value }));
    if (errors[key as keyof UserFormErrors]) setErrors((current) => ({ ...current, [key]: undefined }));
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const invalid = validateUserForm(t, values, user ? 'edit' : 'create');
    setErrors(invalid);
    if (Object.keys(invalid).length > 0) return;
    setBusy(true);
    try {
      const saved = user
        ? await usersApi.update(user.id, {
            name: values.name.trim(),
            contractIds: values.contractIds,
            ...(isSelf ? {} : { role: values.role, disabled: values.disabled }),
            version: user.version,
          })
        : await usersApi.create({
            username: normalizeUsername(values.username),
            name: values.name.trim(),
            role: values.role,
            contractIds: values.contractIds,
            password: values.password,
          });
      notifications.show({ color: 'teal', message: user ? t('users.form.saved', { name: saved.name }) : t('users.form.created', { username: saved.username }) });
      onSaved(saved);
    } catch (error) {
      setStale(error instanceof ServerError && error.code === 'ACCOUNT_STALE');
      setErrors(serverErrorsToForm(t, error));
      setBusy(false);
    }
  };

  return (
    <Modal opened onClose={onClose} size="lg" title={user ? t('users.form.editTitle', { name: user.name }) : t('users.form.createTitle')} centered>
      <form onSubmit={(event) => void submit(event)} noValidate data-testid="user-form">
        <Stack gap="sm">
          {errors.form && (
            <Alert color="red" data-testid="user-form-error">
              <Text size="sm">{errors.form}</Text>
              {stale && (
                <Button mt="xs" size="compact-sm" variant="default" onClick={onStale}>
                  {t('users.form.reload')}
                </Button>
              )}
            </Alert>
          )}
          {!user && (
            <TextInput
              label={t('users.form.username')}
              description={t('users.form.usernameHint')}
              value={values.username}
              onChange={(event) => set('username', event.currentTarget.value)}
              error={errors.username}
              autoComplete="off"
              required
              data-testid="user-form-username"
            />
          )}
          <TextInput label={t('users.form.name')} value={values.name} onChange={(event) => set('name', event.currentTarget.value)} error={errors.name} required data-testid="user-form-name" />
          <Select
            label={t('users.form.role')}
            data={grantableRoles(me.role).map((role) => ({ value: role, label: t(`app.user.role.${role}`) }))}
            value={values.role}
            onChange={(value) => value && set('role', value)}
            error={errors.role}
            disabled={isSelf}
            allowDeselect={false}
            data-testid="user-form-role"
          />
          <MultiSelect
            label={t('users.form.contracts')}
            description={t('users.form.contractsHint')}
            data={options}
            value={[...values.contractIds]}
            onChange={(value) => set('contractIds', value)}
            error={errors.contractIds}
            searchable
            clearable
            data-testid="user-form-contracts"
          />
          {others.length > 0 && (
            <Text size="xs" c="dimmed">
              {t('users.form.contractsOthers', { list: others.map((id) => byId.get(id)?.code ?? id).join(', ') })}
            </Text>
          )}
          {!user && (
            <>
              <PasswordInput
                label={t('users.form.password')}
                description={t('users.form.passwordHint')}
                value={values.password}
                onChange={(event) => set('password', event.currentTarget.value)}
                error={errors.password}
                autoComplete="new-password"
                required
                data-testid="user-form-password"
              />
              <PasswordInput
                label={t('users.form.confirm')}
                value={values.confirm}
                onChange={(event) => set('confirm', event.currentTarget.value)}
                error={errors.confirm}
                autoComplete="new-password"
                required
                data-testid="user-form-confirm"
              />
            </>
          )}
          {user && !isSelf && (
            <Switch
              label={t('users.form.disabled')}
              description={t('users.form.disabledHint')}
              checked={values.disabled}
              onChange={(event) => set('disabled', event.currentTarget.checked)}
              data-testid="user-form-disabled"
            />
          )}
          {isSelf && (
            <Text size="xs" c="dimmed">
              {t('users.form.selfHint')}
            </Text>
          )}
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={onClose} disabled={busy}>
              {t('users.form.cancel')}
            </Button>
            <Button type="submit" loading={busy} data-testid="user-form-save">
              {user ? t('users.form.save') : t('users.form.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
