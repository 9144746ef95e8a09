import { Badge, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useNavigate } from 'react-router-dom';
import { useT } from '../../i18n/index.js';
import { useContracts } from '../tickets/use-ticket-lookups.js';

/** `/contracts`: every contract on this device, with its scope at a glance. */
export function ContractsPage() {
  const t = useT();
  const navigate = useNavigate();
  const { contracts } = useContracts();
  return (
    <Stack gap="md" p="md">
      <Stack gap={2}>
        <Title order={2}>{t('contracts.title')}</Title>
        <Text c="dimmed">{t('contracts.subtitle')}</Text>
      </Stack>
      <Paper withBorder radius="md">
        {contracts.length === 0 ? (
          <Text c="dimmed" p="md">
            {t('contracts.empty')}
          </Text>
        ) : (
          <Table highlightOnHover verticalSpacing="sm" data-testid="contracts-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('contracts.column.code')}</Table.Th>
                <Table.Th>{t('contracts.column.name')}</Table.Th>
                <Table.Th>{t('contracts.column.customer')}</Table.Th>
                <Table.Th>{t('contracts.column.term')}</Table.Th>
                <Table.Th>{t('contracts.column.sites')}</Table.Th>
                <Table.Th>{t('contracts.column.p1')}</Table.Th>
                <Table.Th>{t('contracts.column.policy')}</Table.Th>
                <Table.Th>{t('contracts.column.holidays')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {contracts.map((contract) => (
                <Table.Tr key={contract.id} style={{ cursor: 'pointer' }} onClick={() => void navigate(`/contracts/${contract.id}`)} data-testid="contract-row" data-code={contract.code}>
                  <Table.Td>
                    <Badge variant="outline" color="gray">
                      {contract.code}
                    </Badge>
                  </Table.Td>
                  <Table.Td fw={500}>{contract.name}</Table.Td>
                  <Table.Td>{contract.customerName}</Table.Td>
                  <Table.Td fz="sm">
                    {contract.startsOn} – {contract.endsOn ?? t('contracts.openEnded')}
                  </Table.Td>
                  <Table.Td>{contract.sites.length}</Table.Td>
                  <Table.Td data-testid="contract-row-p1">
                    {contract.slaPolicy.targets.p1.responseMinutes} / {contract.slaPolicy.targets.p1.resolutionMinutes} min
                  </Table.Td>
                  <Table.Td>{t('contracts.revision', { revision: contract.slaPolicy.revision ?? 1 })}</Table.Td>
                  <Table.Td data-testid="contract-row-holidays">{contract.calendar.holidays.length}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Paper>
    </Stack>
  );
}
