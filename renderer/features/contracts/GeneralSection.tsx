import { Checkbox, Group, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { DELIVERY_MODES, TICKET_CATEGORIES } from '../../../common/domain/vocabulary.js';
import { useT } from '../../i18n/index.js';
import type { SectionProps } from './section-props.js';

/** Name, customer, term, and the contract's scope: covered categories and delivery modes. */
export function GeneralSection({ form, update, problem, readOnly }: SectionProps) {
  const t = useT();
  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <TextInput label={t('contracts.field.name')} value={form.name} onChange={(event) => update({ name: event.currentTarget.value })} error={problem('name')} readOnly={readOnly} data-testid="contract-name" />
        <TextInput label={t('contracts.field.customerName')} value={form.customerName} onChange={(event) => update({ customerName: event.currentTarget.value })} error={problem('customerName')} readOnly={readOnly} />
        <TextInput type="date" label={t('contracts.field.startsOn')} value={form.startsOn} onChange={(event) => update({ startsOn: event.currentTarget.value })} error={problem('startsOn')} readOnly={readOnly} />
        <TextInput type="date" label={t('contracts.field.endsOn')} value={form.endsOn} onChange={(event) => update({ endsOn: event.currentTarget.value })} error={problem('endsOn')} readOnly={readOnly} />
      </SimpleGrid>
      <Checkbox.Group label={t('contracts.field.coveredCategories')} value={[...form.coveredCategories]} onChange={(value) => update({ coveredCategories: value })} error={problem('coveredCategories')}>
        <Group mt="xs" gap="md">
          {TICKET_CATEGORIES.map((category) => (
            <Checkbox key={category} value={category} label={t(`tickets.category.${category}`)} disabled={readOnly} />
          ))}
        </Group>
      </Checkbox.Group>
      <Checkbox.Group label={t('contracts.field.deliveryModes')} value={[...form.deliveryModes]} onChange={(value) => update({ deliveryModes: value })} error={problem('deliveryModes')}>
        <Group mt="xs" gap="md">
          {DELIVERY_MODES.map((mode) => (
            <Checkbox key={mode} value={mode} label={t(`tickets.delivery.${mode}`)} disabled={readOnly} />
          ))}
        </Group>
      </Checkbox.Group>
    </Stack>
  );
}
