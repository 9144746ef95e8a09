import { Divider, Stack, Text, Title } from '@mantine/core';
import { useMemo } from 'react';
import { isSupervisorRole } from '../../../common/auth/permissions.js';
import type { DomainEvent } from '../../../common/schemas/events.js';
import type { Ticket } from '../../../common/schemas/tickets.js';
import { timeEntries, worklogTotals, type TimeEntry } from '../../../common/tickets/worklog.js';
import { useSession } from '../../app/session-store.js';
import { useT } from '../../i18n/index.js';
import { useStaff } from '../tickets/use-ticket-lookups.js';
import { PhotoGallery } from './PhotoGallery.js';
import { TimeEntryForm } from './TimeEntryForm.js';
import { TimeEntryList } from './TimeEntryList.js';
import { WorklogTotalsBar } from './WorklogTotalsBar.js';
import './messages.js';

/** Supervisors and admins of the contract, by the staff directory: their voids count for anyone's entry. */
function useSupervisors(contractId: string): ReadonlySet<string> {
  const staff = useStaff(contractId);
  return useMemo(() => new Set(staff.filter((member) => isSupervisorRole(member.role)).map((member) => member.userId)), [staff]);
}

/** Time (travel and work) and photos on one ticket, all appended as events and usable offline. */
export function TicketWorklogPanel({ ticket, events, names }: { ticket: Ticket; events: readonly DomainEvent[]; names: ReadonlyMap<string, string> }) {
  const t = useT();
  const user = useSession((state) => state.user);
  const supervisors = useSupervisors(ticket.contractId);
  const rule = useMemo(() => ({ supervisors }), [supervisors]);
  const entries = useMemo(() => timeEntries(events, rule), [events, rule]);
  const totals = useMemo(() => worklogTotals(events, rule), [events, rule]);
  const photos = useMemo(() => events.filter((event) => event.type === 'ticket.photo'), [events]);
  const canVoid = (entry: TimeEntry) => !!user && (entry.authorId === user.id || isSupervisorRole(user.role));

  return (
    <Stack gap="sm" data-testid="ticket-worklog">
      <Title order={4}>{t('worklog.title')}</Title>
      <WorklogTotalsBar totals={totals} />
      <TimeEntryForm ticketId={ticket.id} />
      <TimeEntryList ticketId={ticket.id} entries={entries} names={names} canVoid={canVoid} />
      <Divider />
      <Text fw={600} fz="sm">
        {t('worklog.photo.title')}
      </Text>
      <PhotoGallery ticketId={ticket.id} contractId={ticket.contractId} photos={photos} />
    </Stack>
  );
}
