import { Button, Center, Loader, Stack, Text } from '@mantine/core';
import { useEffect } from 'react';
import { DatabaseProvider } from '../../app/database-context.js';
import { AppRoutes } from '../../app/routes.js';
import { useSession } from '../../app/session-store.js';
import { useT } from '../../i18n/index.js';
import { resumeSession, useRuntime } from './session-runtime.js';
import { SignInPage } from './SignInPage.js';

/** Signed out → sign-in; cached profile → open the local replica (works offline) → the app. */
export function SessionGate() {
  const t = useT();
  const user = useSession((state) => state.user);
  const { phase, db, error } = useRuntime();

  useEffect(() => {
    if (user && phase === 'signed-out') void resumeSession();
  }, [user, phase]);

  if (!user) return <SignInPage />;
  if (phase === 'ready' && db) {
    return (
      <DatabaseProvider database={db}>
        <AppRoutes />
      </DatabaseProvider>
    );
  }
  if (phase === 'failed') {
    return (
      <Center h="100%">
        <Stack align="center">
          <Text c="red">{t('app.openFailed', { message: error ?? '' })}</Text>
          <Button onClick={() => void resumeSession()}>{t('app.retry')}</Button>
        </Stack>
      </Center>
    );
  }
  return (
    <Center h="100%">
      <Stack align="center" gap="xs">
        <Loader />
        <Text c="dimmed">{t('app.loading')}</Text>
      </Stack>
    </Center>
  );
}
