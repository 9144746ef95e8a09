import { Alert, Button, Group, Modal, Stack } from '@mantine/core';
import { useMemo, useState } from 'react';
import type { Contract } from '../../../common/schemas/contracts.js';
import type { Ticket } from '../../../common/schemas/tickets.js';
import { useT } from '../../i18n/index.js';
import { TicketFields } from './TicketFields.js';
import { checkForm, describeError, draftFromForm, emptyForm, withField, type FieldErrors, type FormField } from './ticket-form.js';
import { useTicketCommands } from './use-ticket-commands.js';
import { usePeople, useStaff } from './use-ticket-lookups.js';

interface TicketCreateModalProps {
  readonly opened: boolean;
  readonly onClose: () => void;
  readonly onCreated: (ticket: Ticket) => void;
  readonly contracts: readonly Contract[];
  readonly contractsById: ReadonlyMap<string, Contract>;
  /** Preselected when the list is filtered to one contract, or when the user serves only one. */
  readonly defaultContractId: string | null;
}

export function TicketCreateModal(props: TicketCreateModalProps) {
  const t = useT();
  return (
    <Modal opened={props.opened} onClose={props.onClose} title={t('tickets.form.createTitle')} size="xl">
      {/* Mounted only while open, so every opening starts from a fresh form. */}
      {props.opened && <CreateForm {...props} />}
    </Modal>
  );
}

function CreateForm({ onClose, onCreated, contracts, contractsById, defaultContractId }: TicketCreateModalProps) {
  const t = useT();
  const commands = useTicketCommands();
  const [values, setValues] = useState(() => {
    const contract = defaultContractId ? contractsById.get(defaultContractId) : undefined;
    return emptyForm(contract?.id ?? null, contract?.deliveryModes[0] ?? 'remote');
  });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const contract = values.contractId ? (contractsById.get(values.contractId) ?? null) : null;
  const people = usePeople(contract?.id ?? null, contract !== null);
  const staff = useStaff(contract?.id ?? null);
  const peopleById = useMemo(() => new Map(people.map((person) => [person.id, person])), [people]);

  const change = (field: FormField, value: string | null) => {
    setValues((current) => withField(current, field, value, { contracts: contractsById, people: peopleById }));
    setErrors((current) => ({ ...current, [field]: undefined }));
  };

  const submit = async () => {
    const found = checkForm(values);
    setErrors(found);
    setFormError(null);
    if (Object.keys(found).length > 0) return;
    setSaving(true);
    const result = await commands.create(draftFromForm(values));
    setSaving(false);
    if (result.ok) {
      onCreated(result.value);
      return;
    }
    const shown = describeError(result.error);
    if (shown.field && shown.field in values) setErrors({ [shown.field]: shown.key });
    else setFormError(t(shown.key, shown.params));
  };

  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <Stack gap="md">
        <TicketFields
          values={values}
          errors={errors}
          onChange={change}
          contracts={contracts}
          contract={contract}
          people={people}
          staff={staff}
        />
        {formError && (
          <Alert color="red" role="alert">
            {formError}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('tickets.form.cancel')}
          </Button>
          <Button type="submit" loading={saving} data-testid="ticket-save">
            {t('tickets.form.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
