import { Badge, Card, Group, List, SimpleGrid, Table, Text, Title } from '@mantine/core';
import type { SystemSummary } from '../../../common/ipc/types.js';
import { useLanguage, useT } from '../../i18n/index.js';
import { formatBytes } from './format.js';
import { InfoTable } from './InfoTable.js';

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <Card withBorder padding="md">
      <Title order={5} mb="xs">
        {title}
      </Title>
      {children}
    </Card>
  );
}

export function HardwarePanels({ summary }: { summary: SystemSummary }) {
  const t = useT();
  const language = useLanguage((state) => state.language);
  const yesNo = (value: boolean) => (value ? t('computer.yes') : t('computer.no'));
  const os = [summary.os.distro, summary.os.release, `(${summary.os.arch})`].filter(Boolean).join(' ');
  const bios = [summary.bios.vendor, summary.bios.version, summary.bios.releaseDate].filter(Boolean).join(' · ');
  const cpu = [summary.cpu.brand ?? summary.cpu.manufacturer, summary.cpu.speedGHz ? `${summary.cpu.speedGHz} GHz` : null].filter(Boolean).join(', ');

  return (
    <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
      <Section title={t('computer.device')}>
        <InfoTable
          rows={[
            { label: t('computer.hostname'), value: summary.hostname, testId: 'this-computer-hostname' },
            { label: t('computer.os'), value: os, testId: 'this-computer-os' },
            { label: t('computer.kernel'), value: summary.os.kernel },
            { label: t('computer.machineId'), value: summary.os.machineId },
            { label: t('computer.manufacturer'), value: summary.system.manufacturer },
            { label: t('computer.model'), value: summary.system.model },
            { label: t('computer.serial'), value: summary.system.serial, testId: 'this-computer-serial' },
            { label: t('computer.uuid'), value: summary.system.uuid, testId: 'this-computer-uuid' },
            { label: t('computer.virtual'), value: yesNo(summary.system.virtual) },
            { label: t('computer.bios'), value: bios || null },
          ]}
        />
      </Section>
      <Section title={`${t('computer.cpu')} · ${t('computer.memory')}`}>
        <InfoTable
          rows={[
            { label: t('computer.cpu'), value: cpu || null },
            { label: '', value: t('computer.cores', { cores: summary.cpu.cores, physical: summary.cpu.physicalCores }) },
            { label: t('computer.memory'), value: formatBytes(summary.memory.totalBytes, language) },
          ]}
        />
      </Section>
      <Section title={t('computer.disks')}>
        {summary.disks.length === 0 ? (
          <Text c="dimmed" size="sm">
            {t('computer.noDisks')}
          </Text>
        ) : (
          <Table>
            <Table.Tbody>
              {summary.disks.map((disk, index) => (
                <Table.Tr key={`${disk.name ?? 'disk'}-${index}`}>
                  <Table.Td>{disk.name ?? t('app.notReported')}</Table.Td>
                  <Table.Td>{disk.type ?? ''}</Table.Td>
                  <Table.Td>{formatBytes(disk.sizeBytes, language)}</Table.Td>
                  <Table.Td c={disk.serial ? undefined : 'dimmed'}>{disk.serial ?? t('app.notReported')}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Section>
      <Section title={t('computer.network')}>
        {summary.network.length === 0 ? (
          <Text c="dimmed" size="sm">
            {t('computer.noNetwork')}
          </Text>
        ) : (
          <Table>
            <Table.Tbody>
              {summary.network.map((net) => (
                <Table.Tr key={net.iface}>
                  <Table.Td>
                    <Group gap={6}>
                      {net.iface}
                      {net.virtual && (
                        <Badge size="xs" variant="light">
                          {t('computer.virtualIface')}
                        </Badge>
                      )}
                    </Group>
                  </Table.Td>
                  <Table.Td c={net.ipv4 ? undefined : 'dimmed'}>{net.ipv4 ?? t('app.notReported')}</Table.Td>
                  <Table.Td c={net.mac ? undefined : 'dimmed'}>{net.mac ?? t('app.notReported')}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Section>
      <Section title={t('computer.gaps')}>
        {summary.gaps.length === 0 ? (
          <Text c="dimmed" size="sm">
            {t('computer.noGaps')}
          </Text>
        ) : (
          <List size="sm" spacing={4} data-testid="this-computer-gaps">
            {summary.gaps.map((gap) => (
              <List.Item key={gap}>{gap}</List.Item>
            ))}
          </List>
        )}
      </Section>
    </SimpleGrid>
  );
}
