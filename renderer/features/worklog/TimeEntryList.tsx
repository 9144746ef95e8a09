import { Button, Group, Modal, Stack, Table, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { TimeEntry } from '../../../common/tickets/worklog.js';
import { useLanguage, useT } from '../../i18n/index.js';
import { formatDateTime } from '../tickets/ticket-format.js';
import { formatDay, formatDuration } from './format.js';
import { useWorklogCommands } from './use-worklog-commands.js';
import './messages.js';

interface TimeEntryListProps {
  readonly ticketId: string;
  readonly entries: readonly TimeEntry[];
  readonly names: ReadonlyMap<string, string>;
  /** Whose entries the signed-in user may void: their own, or everyone's for supervisors. */
  readonly canVoid: (entry: TimeEntry) => boolean;
}

/** The ticket's time entries, newest day first; voided ones stay visible, struck through. */
export function TimeEntryList({ ticketId, entries, names, canVoid }: TimeEntryListProps) {
  const t = useT();
  const language = useLanguage((state) => state.language);
  const commands = useWorklogCommands();
  const [voiding, setVoiding] = useState<TimeEntry | null>(null);
  const [reason, setReason] = useState('');

  if (entries.length === 0) {
    return (
      <Text c="dimmed" fz="sm" data-testid="time-entry-list">
        {t('worklog.time.empty')}
      </Text>
    );
  }
  const confirm = async () => {
    if (!voiding) return;
    await commands.voidTime(ticketId, voiding.id, reason);
    setVoiding(null);
    setReason('');
  };

  return (
    <>
      <Table striped fz="sm" data-testid="time-entry-list" verticalSpacing={4}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('worklog.time.column.day')}</Table.Th>
            <Table.Th>{t('worklog.time.column.kind')}</Table.Th>
            <Table.Th>{t('worklog.time.column.duration')}</Table.Th>
            <Table.Th>{t('worklog.time.column.note')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {entries.map((entry) => {
            const struck = entry.voided ? { textDecoration: 'line-through', opacity: 0.6 } : undefined;
            return (
              <Table.Tr key={entry.id} data-testid="time-entry-row" data-kind={entry.kind} data-minutes={entry.minutes} data-voided={entry.voided ? 'true' : 'false'}>
                <Table.Td style={struck}>{formatDay(entry.date, language)}</Table.Td>
                <Table.Td style={struck}>{t(`worklog.time.kind.${entry.kind}`)}</Table.Td>
                <Table.Td style={struck}>{formatDuration(entry.minutes, t)}</Table.Td>
                <Table.Td>
                  <Text fz="sm" style={struck}>
                    {entry.note}
                  </Text>
                  <Text fz="xs" c="dimmed">
                    {entry.voided
                      ? t('worklog.time.voided', { name: names.get(entry.voided.authorId) ?? entry.voided.authorId, reason: entry.voided.reason || '—' })
                      : t('worklog.time.by', { name: names.get(entry.authorId) ?? entry.authorId, time: formatDateTime(entry.at, language) })}
                  </Text>
                </Table.Td>
                <Table.Td>
                  {!entry.voided && canVoid(entry) && (
                    <Button size="compact-xs" variant="subtle" color="red" onClick={() => setVoiding(entry)} data-testid="time-entry-void">
                      {t('worklog.time.void')}
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
      <Modal opened={voiding !== null} onClose={() => setVoiding(null)} title={t('worklog.time.voidTitle')}>
        <Stack gap="sm">
          <Text fz="sm" c="dimmed">
            {t('worklog.time.voidHint')}
          </Text>
          <TextInput label={t('worklog.time.voidReason')} value={reason} onChange={(event) => setReason(event.currentTarget.value)} maxLength={500} data-testid="time-entry-void-reason" />
          <Group justify="flex-end">
            <Button color="red" onClick={() => void confirm()} data-testid="time-entry-void-confirm">
              {t('worklog.time.voidConfirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
