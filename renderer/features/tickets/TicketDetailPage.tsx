import { Anchor, Badge, Grid, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { Link, useParams } from 'react-router-dom';
import type { Ticket } from '../../../common/schemas/tickets.js';
import { useDatabase } from '../../app/database-context.js';
import { TicketWorklogPanel } from '../worklog/index.js';
import { useRxDocument } from '../../db/use-rx.js';
import { useLanguage, useT } from '../../i18n/index.js';
import { RefusedBanner } from '../sync-status/RefusedBanner.js';
import { PriorityBadge, StatusBadge } from './TicketBadges.js';
import { TicketCreatePage } from './TicketCreatePage.js';
import { TicketEditForm } from './TicketEditForm.js';
import { TicketNoteBox } from './TicketNoteBox.js';
import { TicketSlaPanel } from './TicketSlaPanel.js';
import { TicketSlaTimeline } from './TicketSlaTimeline.js';
import { TicketStatusActions } from './TicketStatusActions.js';
import { TicketTimeline } from './TicketTimeline.js';
import { formatDateTime, formatRelative } from './ticket-format.js';
import { useNow } from './use-now.js';
import { useSlaSummary } from './use-sla-summary.js';
import { useTicketEvents } from './use-ticket-events.js';
import { useContracts, useStaffNames } from './use-ticket-lookups.js';

/** `/tickets/:id`; `/tickets/new` (ids are UUIDs, never "new") is the create form. */
export function TicketDetailPage() {
  const { id } = useParams<{ id: string }>();
  return id === 'new' ? <TicketCreatePage /> : <TicketPage id={id} />;
}

/** One ticket: header form, status actions, the event timeline and the note box. */
function TicketPage({ id }: { id: string | undefined }) {
  const t = useT();
  const db = useDatabase();
  const { doc: ticket, loading } = useRxDocument<Ticket>(db.tickets, id);

  return (
    <Stack gap="md" p="md">
      <Anchor component={Link} to="/tickets" fz="sm">
        <Group gap={4}>
          <IconArrowLeft size={14} />
          {t('tickets.detail.back')}
        </Group>
      </Anchor>
      {ticket ? (
        <>
          <RefusedBanner collection="tickets" docId={ticket.id} />
          <TicketDetail ticket={ticket} />
        </>
      ) : loading ? (
        <Group gap="xs">
          <Loader size="sm" />
          <Text c="dimmed">{t('tickets.detail.loading')}</Text>
        </Group>
      ) : (
        <Text c="dimmed" data-testid="ticket-not-found">
          {t('tickets.detail.notFound')}
        </Text>
      )}
    </Stack>
  );
}

function TicketDetail({ ticket }: { ticket: Ticket }) {
  const t = useT();
  const language = useLanguage((state) => state.language);
  const now = useNow();
  const { byId } = useContracts();
  const names = useStaffNames();
  const contract = byId.get(ticket.contractId) ?? null;
  const events = useTicketEvents(ticket.id);
  const sla = useSlaSummary(ticket, events, contract, now);

  return (
    <>
      <Stack gap={4}>
        <Group gap="sm">
          <Text ff="monospace" c="dimmed" data-testid="ticket-ref">
            {ticket.ref}
          </Text>
          <StatusBadge status={ticket.status} testId="ticket-status" />
          <PriorityBadge priority={ticket.priority} />
          {contract && <Badge variant="outline" color="gray">{contract.code}</Badge>}
          {ticket.outOfScopeReason && (
            <Badge color="grape" variant="light">
              {t(`tickets.scope.${ticket.outOfScopeReason}`)}
            </Badge>
          )}
        </Group>
        <Title order={2}>{ticket.title}</Title>
        <Text c="dimmed" fz="sm" title={formatRelative(ticket.createdAt, now, language)}>
          {t('tickets.detail.opened', {
            time: formatDateTime(ticket.createdAt, language),
            name: names.get(ticket.createdBy) ?? t('tickets.timeline.unknownUser'),
          })}
          {ticket.waitingReason && ` · ${t('tickets.waiting.since', { reason: t(`tickets.waiting.${ticket.waitingReason}`) })}`}
        </Text>
      </Stack>
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Paper withBorder p="sm" radius="md" h="100%">
            <Text fw={600} fz="sm" mb="xs">
              {t('tickets.detail.statusActions')}
            </Text>
            <TicketStatusActions ticket={ticket} />
          </Paper>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Paper withBorder p="sm" radius="md" h="100%">
            {contract && <TicketSlaPanel summary={sla} />}
          </Paper>
        </Grid.Col>
      </Grid>
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Paper withBorder p="md" radius="md">
            <Title order={4} mb="sm">
              {t('tickets.detail.details')}
            </Title>
            <TicketEditForm key={ticket.id} ticket={ticket} contract={contract} />
          </Paper>
          <Paper withBorder p="md" radius="md" mt="md">
            <TicketWorklogPanel ticket={ticket} events={events} names={names} />
          </Paper>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          {contract && (
            <Paper withBorder p="md" radius="md" mb="md">
              <Title order={4} mb="sm">
                {t('tickets.sla.timelineTitle')}
              </Title>
              <TicketSlaTimeline summary={sla} events={events} />
            </Paper>
          )}
          <Paper withBorder p="md" radius="md">
            <Title order={4} mb="sm">
              {t('tickets.timeline.title')}
            </Title>
            <Stack gap="lg">
              <TicketNoteBox ticketId={ticket.id} />
              <TicketTimeline events={events} names={names} now={now} />
            </Stack>
          </Paper>
        </Grid.Col>
      </Grid>
    </>
  );
}
