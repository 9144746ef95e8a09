import { Badge, Checkbox, Table, Text } from '@mantine/core';
import type { CollectedField, FieldChange, FieldValue } from '../../../common/inventory/diff.js';
import { fingerprintCount } from '../../../common/inventory/software.js';
import { useT, type TFunction } from '../../i18n/index.js';

export function formatValue(value: FieldValue): string {
  if (value === null) return '—';
  if (Array.isArray(value)) return value.join(', ');
  return String(value);
}

/** A value as the diff shows it: the software list as its size (the fingerprint means nothing to people). */
function shown(t: TFunction, field: CollectedField, value: FieldValue): string {
  if (field === 'software' && typeof value === 'string') return t('assets.software.programs', { count: fingerprintCount(value) ?? 0 });
  return formatValue(value);
}

/** The diff with one checkbox per field; locked fields are shown but cannot be ticked. */
export function CollectDiffTable(props: {
  changes: readonly FieldChange[];
  accepted: ReadonlySet<CollectedField>;
  onToggle: (field: CollectedField, on: boolean) => void;
}) {
  const t = useT();
  return (
    <Table striped data-testid="collect-diff">
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={40} />
          <Table.Th>{t('assets.collect.column.field')}</Table.Th>
          <Table.Th>{t('assets.collect.column.from')}</Table.Th>
          <Table.Th>{t('assets.collect.column.to')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {props.changes.map((change) => (
          <Table.Tr key={change.field} data-testid={`diff-${change.field}`}>
            <Table.Td>
              <Checkbox
                aria-label={t(`assets.field.${change.field}`)}
                checked={!change.locked && props.accepted.has(change.field)}
                disabled={change.locked}
                onChange={(event) => props.onToggle(change.field, event.currentTarget.checked)}
              />
            </Table.Td>
            <Table.Td>
              {t(`assets.field.${change.field}`)}{' '}
              {change.locked && (
                <Badge size="xs" color="gray" variant="light">
                  {t('assets.collect.lockedHint')}
                </Badge>
              )}
            </Table.Td>
            <Table.Td>
              <Text size="sm" c="dimmed" style={{ wordBreak: 'break-word' }}>
                {shown(t, change.field, change.from)}
              </Text>
            </Table.Td>
            <Table.Td>
              <Text size="sm" fw={500} style={{ wordBreak: 'break-word' }}>
                {shown(t, change.field, change.to)}
              </Text>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
