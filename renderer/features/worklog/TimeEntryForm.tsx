import { Button, Group, NumberInput, SegmentedControl, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useT } from '../../i18n/index.js';
import { useWorklogCommands } from './use-worklog-commands.js';
import { localDate } from './worklog-commands.js';
import './messages.js';

type Field = 'kind' | 'duration' | 'date' | 'note' | '';

interface Draft {
  readonly kind: 'travel' | 'work';
  readonly hours: number | string;
  readonly minutes: number | string;
  readonly date: string;
  readonly note: string;
}

const fresh = (): Draft => ({ kind: 'work', hours: '', minutes: '', date: localDate(new Date()), note: '' });

/** Adds a travel or work entry to the ticket; problems show under the field they concern. */
export function TimeEntryForm({ ticketId }: { ticketId: string }) {
  const t = useT();
  const commands = useWorklogCommands();
  const [draft, setDraft] = useState<Draft>(fresh);
  const [error, setError] = useState<{ field: Field; text: string } | null>(null);
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState(false);
  const set = (patch: Partial<Draft>) => {
    setDraft((current) => ({ ...current, ...patch }));
    setError(null);
    setSaved(false);
  };
  const errorFor = (field: Field) => (error?.field === field ? error.text : null);

  const save = async () => {
    setSaving(true);
    const result = await commands.addTime(ticketId, draft);
    setSaving(false);
    if (result.ok) {
      setDraft((current) => ({ ...fresh(), kind: current.kind, date: current.date }));
      setSaved(true);
      return;
    }
    const field = (['kind', 'duration', 'date', 'note'] as const).find((name) => name === result.error.path) ?? '';
    setError({ field, text: field ? t(`worklog.error.${result.error.message}`) : t('worklog.error.internal', { message: result.error.message }) });
  };

  return (
    <Stack gap="xs" data-testid="time-entry-form">
      <Group gap="sm" align="flex-start" wrap="wrap">
        <Stack gap={4}>
          <Text fz="sm" fw={500}>
            {t('worklog.time.kind')}
          </Text>
          <SegmentedControl
            size="sm"
            aria-label={t('worklog.time.kind')}
            value={draft.kind}
            onChange={(value) => set({ kind: value === 'travel' ? 'travel' : 'work' })}
            data={[
              { value: 'work', label: t('worklog.time.kind.work') },
              { value: 'travel', label: t('worklog.time.kind.travel') },
            ]}
            data-testid="time-entry-kind"
          />
        </Stack>
        <NumberInput
          label={t('worklog.time.hours')}
          w={90}
          min={0}
          max={24}
          allowDecimal={false}
          value={draft.hours}
          onChange={(value) => set({ hours: value })}
          error={errorFor('duration') ? ' ' : null}
          data-testid="time-entry-hours"
        />
        <NumberInput
          label={t('worklog.time.minutes')}
          w={90}
          min={0}
          max={59}
          allowDecimal={false}
          value={draft.minutes}
          onChange={(value) => set({ minutes: value })}
          error={errorFor('duration') ? ' ' : null}
          data-testid="time-entry-minutes"
        />
        <TextInput
          type="date"
          label={t('worklog.time.date')}
          w={160}
          value={draft.date}
          max={localDate(new Date())}
          onChange={(event) => set({ date: event.currentTarget.value })}
          error={errorFor('date')}
          data-testid="time-entry-date"
        />
      </Group>
      {errorFor('duration') && (
        <Text c="red" fz="xs" data-testid="time-entry-error">
          {errorFor('duration')}
        </Text>
      )}
      <Textarea
        label={t('worklog.time.note')}
        autosize
        minRows={1}
        maxRows={4}
        value={draft.note}
        onChange={(event) => set({ note: event.currentTarget.value })}
        error={errorFor('note') ?? (error?.field === '' ? error.text : null)}
        data-testid="time-entry-note"
      />
      <Group justify="space-between">
        <Text fz="xs" c="teal" data-testid="time-entry-saved">
          {saved ? t('worklog.time.saved') : ''}
        </Text>
        <Button size="xs" onClick={() => void save()} loading={saving} data-testid="time-entry-add">
          {t('worklog.time.save')}
        </Button>
      </Group>
    </Stack>
  );
}
