import { Alert, Button, Group, Modal, PasswordInput, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import type { AdminUser } from '../../../common/admin/accounts.js';
import type { SessionUser } from '../../../common/sync/protocol.js';
import { useT } from '../../i18n/index.js';
import { serverErrorsToForm, validatePasswordPair, type UserFormErrors } from './user-form.js';
import { usersApi } from './users-api.js';

/** Sets a new password; the server ends every session of the account (its local work stays queued). */
export function PasswordModal({ me, user, onClose }: { me: SessionUser; user: AdminUser; onClose: () => void }) {
  const t = useT();
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [errors, setErrors] = useState<UserFormErrors>({});
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const invalid = validatePasswordPair(t, password, confirm, user.username);
    setErrors(invalid);
    if (Object.keys(invalid).length > 0) return;
    setBusy(true);
    try {
      await usersApi.resetPassword(user.id, password);
      notifications.show({ color: 'teal', message: t('users.password.done', { name: user.name }), autoClose: 8000 });
      onClose();
    } catch (error) {
      setErrors(serverErrorsToForm(t, error));
      setBusy(false);
    }
  };

  return (
    <Modal opened onClose={onClose} title={t('users.password.title', { name: user.name })} centered>
      <form onSubmit={(event) => void submit(event)} noValidate data-testid="password-form">
        <Stack gap="sm">
          {errors.form && <Alert color="red">{errors.form}</Alert>}
          {user.id === me.id && (
            <Text size="sm" c="orange">
              {t('users.password.selfWarning')}
            </Text>
          )}
          <PasswordInput
            label={t('users.password.new')}
            description={t('users.form.passwordHint')}
            value={password}
            onChange={(event) => setPassword(event.currentTarget.value)}
            error={errors.password}
            autoComplete="new-password"
            data-testid="password-form-new"
          />
          <PasswordInput
            label={t('users.form.confirm')}
            value={confirm}
            onChange={(event) => setConfirm(event.currentTarget.value)}
            error={errors.confirm}
            autoComplete="new-password"
            data-testid="password-form-confirm"
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose} disabled={busy}>
              {t('users.form.cancel')}
            </Button>
            <Button type="submit" loading={busy} data-testid="password-form-save">
              {t('users.password.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
