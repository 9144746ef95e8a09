import { Alert, List, NumberInput, Stack, Table, Text } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { policyRevisions } from '../../../common/sla/policy-revisions.js';
import type { SlaPolicy } from '../../../common/schemas/contracts.js';
import { useLanguage, useT } from '../../i18n/index.js';
import { formatDateTime } from '../tickets/ticket-format.js';
import { formatBusinessMinutes } from '../tickets/ticket-sla.js';
import { PRIORITY_KEYS, type PriorityKey, type TargetForm } from './contract-form.js';
import type { SectionProps } from './section-props.js';

const asMinutes = (value: number | string) => (typeof value === 'number' ? value : Number(value));

/**
 * Response and resolution targets per priority and the warning threshold, with the revision in
 * force and the earlier ones: what a save does to open tickets is said right here.
 */
export function SlaPolicySection({ form, update, problem, readOnly, policy }: SectionProps & { policy: SlaPolicy }) {
  const t = useT();
  const language = useLanguage((state) => state.language);
  const revisions = policyRevisions(policy);
  const current = revisions.at(-1);
  const earlier = revisions.slice(0, -1).reverse();
  const setTarget = (key: PriorityKey, patch: Partial<TargetForm>) => update({ targets: { ...form.targets, [key]: { ...form.targets[key], ...patch } } });
  const hint = (value: number | string) => {
    const minutes = asMinutes(value);
    return Number.isInteger(minutes) && minutes >= 1 ? t('contracts.policy.hoursMinutes', { text: formatBusinessMinutes(minutes, t) }) : undefined;
  };
  const when = (iso: string | null | undefined) => (iso ? formatDateTime(iso, language) : t('contracts.policy.beginning'));

  return (
    <Stack gap="md">
      <Alert variant="light" color="blue" icon={<IconInfoCircle size={16} />} data-testid="contract-policy-rule">
        <Text fz="sm" fw={600} data-testid="contract-policy-revision" data-revision={current?.revision ?? 1}>
          {current?.effectiveFrom
            ? t('contracts.policy.current', { revision: current.revision, since: formatDateTime(current.effectiveFrom, language) })
            : t('contracts.policy.currentAlways', { revision: current?.revision ?? 1 })}
        </Text>
        <Text fz="sm">{t('contracts.policy.rule')}</Text>
      </Alert>
      <NumberInput
        label={t('contracts.field.warnAtPercent')}
        w={220}
        min={1}
        max={99}
        allowDecimal={false}
        value={form.warnAtPercent}
        onChange={(value) => update({ warnAtPercent: value })}
        error={problem('slaPolicy.warnAtPercent')}
        readOnly={readOnly}
        data-testid="contract-warn"
      />
      <Table withTableBorder verticalSpacing="xs" data-testid="contract-targets">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('contracts.field.priority')}</Table.Th>
            <Table.Th>{t('contracts.field.response')}</Table.Th>
            <Table.Th>{t('contracts.field.resolution')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {PRIORITY_KEYS.map((key) => (
            <Table.Tr key={key} data-testid={`contract-target-${key}`}>
              <Table.Td fw={600}>{t(`tickets.priority.${key.slice(1)}`)}</Table.Td>
              {(['responseMinutes', 'resolutionMinutes'] as const).map((field) => (
                <Table.Td key={field}>
                  <NumberInput
                    aria-label={`${key.toUpperCase()} ${t(field === 'responseMinutes' ? 'contracts.field.response' : 'contracts.field.resolution')}`}
                    min={1}
                    allowDecimal={false}
                    value={form.targets[key][field]}
                    onChange={(value) => setTarget(key, { [field]: value })}
                    error={problem(`slaPolicy.targets.${key}.${field}`)}
                    description={hint(form.targets[key][field])}
                    readOnly={readOnly}
                    data-testid={`contract-${key}-${field === 'responseMinutes' ? 'response' : 'resolution'}`}
                  />
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {earlier.length > 0 && (
        <Stack gap={4} data-testid="contract-policy-history">
          <Text fw={600} fz="sm">
            {t('contracts.policy.history')}
          </Text>
          <List size="sm" spacing={2}>
            {earlier.map((revision, index) => {
              const next = revisions[revisions.length - 1 - index];
              return (
                <List.Item key={revision.revision}>
                  {t('contracts.policy.historyEntry', { revision: revision.revision, from: when(revision.effectiveFrom), to: when(next?.effectiveFrom), warn: revision.warnAtPercent })}
                  {' · '}
                  {PRIORITY_KEYS.map((key) => `${key.toUpperCase()} ${revision.targets[key].responseMinutes}/${revision.targets[key].resolutionMinutes}`).join(' · ')}
                </List.Item>
              );
            })}
          </List>
        </Stack>
      )}
    </Stack>
  );
}
