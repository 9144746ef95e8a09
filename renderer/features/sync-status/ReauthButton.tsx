import { Button, Modal, type MantineSpacing } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { SignInForm } from '../auth/SignInForm.js';
import { useT } from '../../i18n/index.js';

/** Opens the sign-in form for the same user; on success the engine resumes and the queue goes up. */
export function ReauthButton({ mt }: { mt?: MantineSpacing }) {
  const t = useT();
  const [opened, { open, close }] = useDisclosure(false);
  return (
    <>
      <Button size="compact-sm" color="yellow" mt={mt} onClick={open} data-testid="sign-in-again">
        {t('sync.signInAgain')}
      </Button>
      <Modal opened={opened} onClose={close} title={t('auth.reauthTitle')} centered>
        <SignInForm reauth onDone={close} />
      </Modal>
    </>
  );
}
