import { Table, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useT } from '../../i18n/index.js';

export interface InfoRow {
  readonly label: string;
  /** null/empty = the hardware did not report it; shown as such, never as a blank. */
  readonly value: ReactNode | null;
  readonly testId?: string;
}

export function InfoTable({ rows }: { rows: readonly InfoRow[] }) {
  const t = useT();
  return (
    <Table variant="vertical" layout="fixed" withTableBorder={false}>
      <Table.Tbody>
        {rows.map((row) => (
          <Table.Tr key={row.label}>
            <Table.Th w={190}>{row.label}</Table.Th>
            <Table.Td data-testid={row.testId} style={{ overflowWrap: 'anywhere' }}>
              {row.value === null || row.value === '' ? (
                <Text span c="dimmed" fs="italic" size="sm">
                  {t('app.notReported')}
                </Text>
              ) : (
                row.value
              )}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
