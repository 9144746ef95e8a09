import { Alert, Text } from '@mantine/core';
import { IconLock, IconLockOpen } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useT } from '../../i18n/index.js';
import { isDesktop } from '../../platform/desktop.js';
import { tokenStorageInfo, type TokenStorageInfo } from '../../platform/token-vault.js';
import './messages.js';

/** Says plainly where the sign-in is kept, so nobody is surprised by having to sign in again. */
export function TokenStorageNotice({ compact = false }: { compact?: boolean }) {
  const t = useT();
  const [info, setInfo] = useState<TokenStorageInfo | null>(null);
  useEffect(() => {
    let live = true;
    void tokenStorageInfo().then((value) => live && setInfo(value));
    return () => {
      live = false;
    };
  }, []);
  if (!info) return null;
  const text =
    info.kind === 'keyring'
      ? t('auth.storage.keyring', { backend: info.backend ?? '' })
      : isDesktop()
        ? t('auth.storage.noKeyring')
        : t('auth.storage.tab');
  if (compact) {
    return (
      <Text size="xs" c="dimmed" data-testid="token-storage-notice" data-kind={info.kind}>
        {text}
      </Text>
    );
  }
  return (
    <Alert
      variant="light"
      color={info.kind === 'keyring' ? 'teal' : 'yellow'}
      icon={info.kind === 'keyring' ? <IconLock size={18} /> : <IconLockOpen size={18} />}
      data-testid="token-storage-notice"
      data-kind={info.kind}
    >
      {text}
      {info.reason ? ` (${info.reason})` : ''}
    </Alert>
  );
}
