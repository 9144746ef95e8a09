import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useMemo, useState } from 'react';
import type { Contract } from '../../../common/schemas/contracts.js';
import type { Ticket } from '../../../common/schemas/tickets.js';
import { useT } from '../../i18n/index.js';
import { TicketFields } from './TicketFields.js';
import {
  checkForm,
  describeError,
  formFromTicket,
  keepTouched,
  touchedPatch,
  withField,
  type FieldErrors,
  type FormField,
} from './ticket-form.js';
import { useTicketCommands } from './use-ticket-commands.js';
import { usePeople, useStaff } from './use-ticket-lookups.js';

/**
 * The header as an editable form. Only fields this user touched are saved, so a change that
 * arrived by sync meanwhile is not overwritten with the stale value the form still showed.
 */
export function TicketEditForm({ ticket, contract }: { ticket: Ticket; contract: Contract | null }) {
  const t = useT();
  const commands = useTicketCommands();
  const [values, setValues] = useState(() => formFromTicket(ticket));
  const [touched, setTouched] = useState<ReadonlySet<FormField>>(new Set());
  const [seen, setSeen] = useState(ticket);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [status, setStatus] = useState<{ kind: 'saved' | 'error'; text: string } | null>(null);
  const [saving, setSaving] = useState(false);
  const people = usePeople(ticket.contractId);
  const staff = useStaff(ticket.contractId);
  const lookups = useMemo(
    () => ({ contracts: new Map<string, Contract>(), people: new Map(people.map((person) => [person.id, person])) }),
    [people],
  );

  // A newer stored ticket (own save or sync) refreshes every field the user is not editing.
  if (seen !== ticket) {
    setSeen(ticket);
    setValues((current) => keepTouched(formFromTicket(ticket), current, touched));
  }

  const change = (field: FormField, value: string | null) => {
    setValues((current) => withField(current, field, value, lookups));
    setTouched((current) => new Set([...current, field, ...(field === 'requesterId' && !values.siteId ? ['siteId' as const] : [])]));
    setErrors((current) => ({ ...current, [field]: undefined }));
    setStatus(null);
  };

  const save = async () => {
    const found = checkForm(values);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setSaving(true);
    const result = await commands.update(ticket.id, touchedPatch(values, touched));
    setSaving(false);
    if (result.ok) {
      setTouched(new Set());
      setValues(formFromTicket(result.value));
      setStatus({ kind: 'saved', text: t('tickets.form.saved') });
      return;
    }
    const shown = describeError(result.error);
    if (shown.field && shown.field in values) setErrors({ [shown.field]: shown.key });
    else setStatus({ kind: 'error', text: t(shown.key, shown.params) });
  };

  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <Stack gap="md">
        <TicketFields
          values={values}
          errors={errors}
          onChange={change}
          contracts={null}
          contract={contract}
          people={people}
          staff={staff}
        />
        {status?.kind === 'error' && (
          <Alert color="red" role="alert">
            {status.text}
          </Alert>
        )}
        <Group justify="flex-end" gap="sm">
          {status?.kind === 'saved' && (
            <Text c="green" fz="sm" role="status">
              {status.text}
            </Text>
          )}
          <Button type="submit" loading={saving} disabled={touched.size === 0} data-testid="ticket-save">
            {t('tickets.form.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
