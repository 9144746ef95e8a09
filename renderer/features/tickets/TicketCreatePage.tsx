import { Alert, Anchor, Button, Group, Paper, Stack, Title } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { Link, useLocation, useNavigate } from 'react-router-dom';
import { useT } from '../../i18n/index.js';
import { TicketFields } from './TicketFields.js';
import { checkForm, describeError, draftFromForm, emptyForm, withField, type FieldErrors, type FormField } from './ticket-form.js';
import { useTicketCommands } from './use-ticket-commands.js';
import { useContracts, usePeople, useStaff } from './use-ticket-lookups.js';

/** What the list passes along: its filters (to return to) and the contract it was filtered to. */
export interface CreateTicketState {
  readonly back?: string;
  readonly contractId?: string | null;
}

/**
 * `/tickets/new`: a page rather than a modal, so the form's labels are the only ones on screen
 * (the list's filters use the same words) and the long form fits small laptop screens.
 */
export function TicketCreatePage() {
  const t = useT();
  const navigate = useNavigate();
  const location = useLocation();
  const state = (location.state ?? {}) as CreateTicketState;
  const backTo = `/tickets${state.back ?? ''}`;
  const commands = useTicketCommands();
  const { contracts, byId } = useContracts();
  const [values, setValues] = useState(() => emptyForm(state.contractId ?? null));
  const [defaulted, setDefaulted] = useState(false);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const contract = values.contractId ? (byId.get(values.contractId) ?? null) : null;
  const people = usePeople(contract?.id ?? null, contract !== null);
  const staff = useStaff(contract?.id ?? null);
  const lookups = useMemo(() => ({ contracts: byId, people: new Map(people.map((person) => [person.id, person])) }), [byId, people]);

  // Contracts load after the first render: a user serving one contract gets it preselected.
  if (!defaulted && contracts.length > 0) {
    setDefaulted(true);
    const only = contracts.length === 1 ? contracts[0] : undefined;
    const chosen = values.contractId ?? only?.id ?? null;
    if (chosen) setValues((current) => withField({ ...current, contractId: null }, 'contractId', chosen, lookups));
  }

  const change = (field: FormField, value: string | null) => {
    setValues((current) => withField(current, field, value, lookups));
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
      void navigate(`/tickets/${result.value.id}`, { replace: true });
      return;
    }
    const shown = describeError(result.error);
    if (shown.field && shown.field in values) setErrors({ [shown.field]: shown.key });
    else setFormError(t(shown.key, shown.params));
  };

  return (
    <Stack gap="md" p="md" maw={960}>
      <Anchor component={Link} to={backTo} fz="sm">
        <Group gap={4}>
          <IconArrowLeft size={14} />
          {t('tickets.detail.back')}
        </Group>
      </Anchor>
      <Title order={2}>{t('tickets.form.createTitle')}</Title>
      <Paper withBorder p="md" radius="md">
        <form
          noValidate
          data-testid="ticket-create-form"
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
              <Button variant="default" onClick={() => void navigate(backTo)}>
                {t('tickets.form.cancel')}
              </Button>
              <Button type="submit" loading={saving} data-testid="ticket-save">
                {t('tickets.form.create')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
    </Stack>
  );
}
