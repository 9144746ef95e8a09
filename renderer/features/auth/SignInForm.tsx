import { Alert, Button, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { defaultServerUrl, useSession } from '../../app/session-store.js';
import { useT } from '../../i18n/index.js';
import './messages.js';
import { signIn } from './session-runtime.js';
import { signInErrorsFrom, validateSignIn, type SignInErrors } from './sign-in-errors.js';

interface SignInFormProps {
  /** Re-authentication of the current user: server and username are fixed. */
  readonly reauth?: boolean;
  readonly onDone?: () => void;
}

export function SignInForm({ reauth = false, onDone }: SignInFormProps) {
  const t = useT();
  const session = useSession();
  const [serverUrl, setServerUrl] = useState(session.serverUrl || defaultServerUrl());
  const [username, setUsername] = useState(session.user?.username ?? '');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<SignInErrors>({});
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const values = { serverUrl, username, password };
    const invalid = validateSignIn(t, values);
    setErrors(invalid);
    if (Object.keys(invalid).length > 0) return;
    setBusy(true);
    try {
      await signIn(values);
      onDone?.();
    } catch (error) {
      setErrors(signInErrorsFrom(t, error, serverUrl.trim()));
      setBusy(false);
    }
  };

  return (
    <form onSubmit={(event) => void submit(event)} noValidate data-testid="sign-in-form">
      <Stack gap="sm">
        {reauth && <Text size="sm" c="dimmed">{t('auth.reauthHint')}</Text>}
        {errors.form && (
          <Alert color="red" icon={<IconAlertTriangle size={18} />} data-testid="sign-in-error">
            {errors.form}
          </Alert>
        )}
        <TextInput
          label={t('auth.server')}
          description={reauth ? undefined : t('auth.serverHint')}
          value={serverUrl}
          onChange={(event) => setServerUrl(event.currentTarget.value)}
          error={errors.server}
          disabled={reauth}
          autoComplete="url"
          name="server"
        />
        <TextInput
          label={t('auth.username')}
          value={username}
          onChange={(event) => setUsername(event.currentTarget.value)}
          error={errors.username}
          disabled={reauth}
          autoComplete="username"
          name="username"
          data-autofocus={reauth ? undefined : true}
        />
        <PasswordInput
          label={t('auth.password')}
          value={password}
          onChange={(event) => setPassword(event.currentTarget.value)}
          error={errors.password}
          autoComplete="current-password"
          name="password"
          data-autofocus={reauth ? true : undefined}
        />
        <Button type="submit" loading={busy} fullWidth mt="xs">
          {t('auth.submit')}
        </Button>
      </Stack>
    </form>
  );
}
