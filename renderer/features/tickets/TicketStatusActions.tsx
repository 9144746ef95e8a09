import { Alert, Button, Group, Modal, Select, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { WAITING_REASONS, type TicketStatus, type WaitingReason } from '../../../common/domain/vocabulary.js';
import type { Ticket } from '../../../common/schemas/tickets.js';
import { allowedTransitions, isReopen } from '../../../common/tickets/status-machine.js';
import { useT } from '../../i18n/index.js';
import { COMBOBOX } from './ticket-format.js';
import { describeError } from './ticket-form.js';
import { useTicketCommands } from './use-ticket-commands.js';

const PRIMARY: ReadonlySet<TicketStatus> = new Set(['in_progress', 'resolved', 'closed']);

/** Buttons for exactly the transitions the lifecycle allows from the current status. */
export function TicketStatusActions({ ticket }: { ticket: Ticket }) {
  const t = useT();
  const commands = useTicketCommands();
  const [waitingOpen, setWaitingOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<TicketStatus | null>(null);
  const targets = allowedTransitions(ticket.status);

  const move = async (to: TicketStatus, reason: WaitingReason | null = null, comment?: string) => {
    setBusy(to);
    const result = await commands.changeStatus(ticket.id, to, reason, comment);
    setBusy(null);
    if (result.ok) {
      setError(null);
      return true;
    }
    const shown = describeError(result.error);
    setError(t(shown.key, shown.params));
    return false;
  };

  if (targets.length === 0) {
    return <Text c="dimmed">{t('tickets.action.final', { status: t(`tickets.status.${ticket.status}`) })}</Text>;
  }
  return (
    <Stack gap="xs">
      <Group gap="xs">
        {targets.map((to) => (
          <Button
            key={to}
            size="xs"
            variant={PRIMARY.has(to) ? 'filled' : to === 'cancelled' ? 'subtle' : 'light'}
            color={to === 'cancelled' ? 'red' : to === 'waiting' ? 'orange' : undefined}
            loading={busy === to}
            data-testid={`ticket-status-action-${to}`}
            onClick={() => (to === 'waiting' ? setWaitingOpen(true) : void move(to))}
          >
            {t(isReopen(ticket.status, to) ? 'tickets.action.reopen' : `tickets.action.${to}`)}
          </Button>
        ))}
      </Group>
      {error && (
        <Alert color="red" role="alert" p="xs">
          {error}
        </Alert>
      )}
      <WaitingDialog
        opened={waitingOpen}
        onClose={() => setWaitingOpen(false)}
        onConfirm={async (reason, comment) => {
          if (await move('waiting', reason, comment)) setWaitingOpen(false);
        }}
      />
    </Stack>
  );
}

interface WaitingDialogProps {
  readonly opened: boolean;
  readonly onClose: () => void;
  readonly onConfirm: (reason: WaitingReason, comment: string) => Promise<void>;
}

/** Waiting always says what for (user, vendor, parts, change): it pauses the SLA clock. */
function WaitingDialog({ opened, onClose, onConfirm }: WaitingDialogProps) {
  const t = useT();
  const [reason, setReason] = useState<WaitingReason | null>(null);
  const [comment, setComment] = useState('');
  const [missing, setMissing] = useState(false);

  const confirm = () => {
    if (!reason) {
      setMissing(true);
      return;
    }
    void onConfirm(reason, comment).then(() => {
      setReason(null);
      setComment('');
    });
  };

  return (
    <Modal opened={opened} onClose={onClose} title={t('tickets.waiting.title')}>
      <Stack gap="sm">
        <Text c="dimmed" fz="sm">
          {t('tickets.waiting.hint')}
        </Text>
        <Select
          label={t('tickets.waiting.reason')}
          placeholder={t('tickets.field.select')}
          data={WAITING_REASONS.map((value) => ({ value, label: t(`tickets.waiting.${value}`) }))}
          value={reason}
          onChange={(value) => {
            setReason(WAITING_REASONS.find((candidate) => candidate === value) ?? null);
            setMissing(false);
          }}
          error={missing ? t('tickets.error.waitingReason') : undefined}
          required
          comboboxProps={COMBOBOX}
          data-testid="ticket-waiting-reason"
        />
        <Textarea label={t('tickets.waiting.comment')} value={comment} onChange={(e) => setComment(e.currentTarget.value)} autosize minRows={2} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('tickets.form.cancel')}
          </Button>
          <Button color="orange" onClick={confirm} data-testid="ticket-waiting-confirm">
            {t('tickets.waiting.confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
