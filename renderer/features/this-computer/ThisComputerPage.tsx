import { Alert, Card, Loader, Stack, Text, Title } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useT } from '../../i18n/index.js';
import { loadThisComputer, type ThisComputer } from '../../platform/this-computer.js';
import { TokenStorageNotice } from '../auth/TokenStorageNotice.js';
import { HardwarePanels } from './HardwarePanels.js';
import { InfoTable } from './InfoTable.js';
import './messages.js';

export function ThisComputerPage() {
  const t = useT();
  const [info, setInfo] = useState<ThisComputer | null>(null);
  useEffect(() => {
    let live = true;
    void loadThisComputer().then((value) => live && setInfo(value));
    return () => {
      live = false;
    };
  }, []);

  return (
    <Stack gap="md" maw={1200}>
      <Title order={2}>{t('computer.title')}</Title>
      {!info && (
        <Stack align="flex-start" gap="xs">
          <Loader size="sm" />
          <Text c="dimmed">{t('computer.loading')}</Text>
        </Stack>
      )}
      {info && !info.available && (
        <Alert icon={<IconInfoCircle size={18} />} color="blue" data-testid="no-desktop-bridge">
          {t('computer.noBridge')}
        </Alert>
      )}
      {info?.available && (
        <>
          {info.summary.ok ? (
            <>
              <Text size="sm" c="dimmed">
                {t('computer.collectedAt', { time: new Date(info.summary.value.collectedAt).toLocaleString() })}
              </Text>
              <HardwarePanels summary={info.summary.value} />
            </>
          ) : (
            <Alert color="red">{t('computer.failed', { message: info.summary.error.message })}</Alert>
          )}
          <Card withBorder padding="md">
            <Title order={5} mb="xs">
              {t('computer.app')}
            </Title>
            {info.app.ok ? (
              <InfoTable
                rows={[
                  { label: t('computer.version'), value: `${info.app.value.name} ${info.app.value.version}` },
                  {
                    label: t('computer.runtime'),
                    value: [
                      info.app.value.electron ? `Electron ${info.app.value.electron}` : null,
                      info.app.value.chrome ? `Chrome ${info.app.value.chrome}` : null,
                      `Node ${info.app.value.node}`,
                      `${info.app.value.platform}/${info.app.value.arch}`,
                    ]
                      .filter(Boolean)
                      .join(' · '),
                  },
                ]}
              />
            ) : (
              <Alert color="red">{t('computer.failed', { message: info.app.error.message })}</Alert>
            )}
          </Card>
        </>
      )}
      <Card withBorder padding="md">
        <Title order={5} mb="xs">
          {t('computer.signIn')}
        </Title>
        <TokenStorageNotice />
      </Card>
    </Stack>
  );
}
