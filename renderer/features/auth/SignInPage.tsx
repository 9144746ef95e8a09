import { Center, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconDeviceDesktopCog } from '@tabler/icons-react';
import { LanguageSwitch } from '../../app/layout/LanguageSwitch.js';
import { ThemeToggle } from '../../app/layout/ThemeToggle.js';
import { useT } from '../../i18n/index.js';
import { SignInForm } from './SignInForm.js';
import { TokenStorageNotice } from './TokenStorageNotice.js';

export function SignInPage() {
  const t = useT();
  return (
    <Center mih="100%" p="md" bg="var(--mantine-color-body)">
      <Stack w="100%" maw={420} gap="md">
        <Group justify="space-between">
          <Group gap="xs">
            <IconDeviceDesktopCog size={28} color="var(--mantine-primary-color-filled)" />
            <Title order={3}>{t('app.name')}</Title>
          </Group>
          <Group gap="xs">
            <LanguageSwitch />
            <ThemeToggle />
          </Group>
        </Group>
        <Paper withBorder shadow="sm" p="lg" radius="md">
          <Title order={4} mb="xs">
            {t('auth.title')}
          </Title>
          <Text size="sm" c="dimmed" mb="md">
            {t('app.tagline')}
          </Text>
          <SignInForm />
        </Paper>
        <TokenStorageNotice compact />
      </Stack>
    </Center>
  );
}
