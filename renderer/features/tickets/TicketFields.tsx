import { Select, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import {
  DELIVERY_MODES,
  LEVELS,
  OUT_OF_SCOPE_REASONS,
  TICKET_CATEGORIES,
  TICKET_CHANNELS,
  TICKET_TYPES,
} from '../../../common/domain/vocabulary.js';
import type { Contract } from '../../../common/schemas/contracts.js';
import type { Person } from '../../../common/schemas/people.js';
import type { StaffMember } from '../../../common/schemas/staff.js';
import { useT } from '../../i18n/index.js';
import { PriorityBadge } from './TicketBadges.js';
import { COMBOBOX } from './ticket-format.js';
import { formPriority, type FieldErrors, type FormField, type TicketFormValues } from './ticket-form.js';

interface TicketFieldsProps {
  readonly values: TicketFormValues;
  readonly errors: FieldErrors;
  readonly onChange: (field: FormField, value: string | null) => void;
  /** Offered only when creating; a ticket never moves to another contract. */
  readonly contracts: readonly Contract[] | null;
  readonly contract: Contract | null;
  readonly people: readonly Person[];
  readonly staff: readonly StaffMember[];
}

/** The ticket header's fields, shared by the create form and the detail page's edit form. */
export function TicketFields({ values, errors, onChange, contracts, contract, people, staff }: TicketFieldsProps) {
  const t = useT();
  const error = (field: FormField) => (errors[field] ? t(errors[field]) : undefined);
  const options = (prefix: string, items: readonly (string | number)[]) =>
    items.map((item) => ({ value: String(item), label: t(`${prefix}.${item}`) }));
  const select = (field: FormField, label: string, data: { value: string; label: string }[], extra = {}) => (
    <Select
      label={label}
      aria-label={label}
      placeholder={t('tickets.field.select')}
      data={data}
      value={values[field]}
      onChange={(value) => onChange(field, value)}
      error={error(field)}
      comboboxProps={COMBOBOX}
      {...extra}
    />
  );
  const noContract = { disabled: !contract, placeholder: contract ? t('tickets.field.select') : t('tickets.field.pickContractFirst') };
  const priority = formPriority(values);

  return (
    <Stack gap="sm">
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" verticalSpacing="sm">
        {contracts
          ? select(
              'contractId',
              t('tickets.field.contract'),
              contracts.map((c) => ({ value: c.id, label: `${c.code} · ${c.customerName}` })),
              { required: true, allowDeselect: false, searchable: true },
            )
          : select('contractId', t('tickets.field.contract'), contract ? [{ value: contract.id, label: `${contract.code} · ${contract.customerName}` }] : [], {
              disabled: true,
            })}
        {select('siteId', t('tickets.field.site'), (contract?.sites ?? []).map((site) => ({ value: site.id, label: site.name })), {
          clearable: true,
          ...noContract,
        })}
        {select('requesterId', t('tickets.field.requester'), people.map((p) => ({ value: p.id, label: p.department ? `${p.name} (${p.department})` : p.name })), {
          clearable: true,
          searchable: true,
          limit: 100,
          ...noContract,
        })}
        {select('assigneeId', t('tickets.field.assignee'), staff.map((member) => ({ value: member.userId, label: member.name })), {
          clearable: true,
          searchable: true,
          ...noContract,
          placeholder: contract ? t('tickets.field.nobody') : t('tickets.field.pickContractFirst'),
        })}
      </SimpleGrid>
      <TextInput
        label={t('tickets.field.title')}
        aria-label={t('tickets.field.title')}
        value={values.title}
        onChange={(event) => onChange('title', event.currentTarget.value)}
        error={error('title')}
        maxLength={200}
        required
      />
      <Textarea
        label={t('tickets.field.description')}
        value={values.description}
        onChange={(event) => onChange('description', event.currentTarget.value)}
        error={error('description')}
        autosize
        minRows={3}
        maxRows={10}
      />
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm" verticalSpacing="sm">
        {select('category', t('tickets.field.category'), options('tickets.category', TICKET_CATEGORIES), { required: true })}
        {select('type', t('tickets.field.type'), options('tickets.type', TICKET_TYPES), { required: true, allowDeselect: false })}
        {select('channel', t('tickets.field.channel'), options('tickets.channel', TICKET_CHANNELS), { required: true, allowDeselect: false })}
        {select('urgency', t('tickets.field.urgency'), options('tickets.level', LEVELS), { required: true, allowDeselect: false })}
        {select('impact', t('tickets.field.impact'), options('tickets.level', LEVELS), { required: true, allowDeselect: false })}
        {/* Not a <label>: nothing to type here, and it must not match getByLabel('Urgency'). */}
        <Stack gap={6}>
          <Text fz="sm" fw={600}>
            {t('tickets.field.priority')}
          </Text>
          <div data-testid="ticket-priority-preview" data-priority={priority ?? ''}>
            {priority === null ? '—' : <PriorityBadge priority={priority} />}
          </div>
        </Stack>
        {select(
          'deliveryMode',
          t('tickets.field.deliveryMode'),
          options('tickets.delivery', contract ? contract.deliveryModes : DELIVERY_MODES),
          { required: true, allowDeselect: false },
        )}
      </SimpleGrid>
      {select('outOfScopeReason', t('tickets.field.outOfScope'), options('tickets.scope', OUT_OF_SCOPE_REASONS), {
        clearable: true,
        placeholder: t('tickets.field.inScope'),
        description: t('tickets.field.outOfScopeHint'),
      })}
    </Stack>
  );
}
