import { Button, Group, SegmentedControl, Stack, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useT } from '../../i18n/index.js';
import type { NoteVisibility } from './ticket-commands.js';
import { describeError } from './ticket-form.js';
import { useTicketCommands } from './use-ticket-commands.js';

/** Appends a note (an immutable event); notes are never edited, only added. */
export function TicketNoteBox({ ticketId }: { ticketId: string }) {
  const t = useT();
  const commands = useTicketCommands();
  const [text, setText] = useState('');
  const [visibility, setVisibility] = useState<NoteVisibility>('internal');
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const add = async () => {
    if (!text.trim()) {
      setError(t('tickets.error.noteEmpty'));
      return;
    }
    setSaving(true);
    const result = await commands.addNote(ticketId, text, visibility);
    setSaving(false);
    if (result.ok) {
      setText('');
      setError(null);
    } else {
      const shown = describeError(result.error);
      setError(t(shown.key, shown.params));
    }
  };

  return (
    <Stack gap="xs">
      <Textarea
        label={t('tickets.note.label')}
        placeholder={t('tickets.note.placeholder')}
        value={text}
        onChange={(event) => {
          setText(event.currentTarget.value);
          setError(null);
        }}
        error={error}
        autosize
        minRows={2}
        maxRows={8}
        data-testid="ticket-note-input"
      />
      <Group justify="space-between">
        <SegmentedControl
          size="xs"
          aria-label={t('tickets.note.visibility')}
          value={visibility}
          onChange={(value) => setVisibility(value === 'customer' ? 'customer' : 'internal')}
          data={[
            { value: 'internal', label: t('tickets.note.internal') },
            { value: 'customer', label: t('tickets.note.customer') },
          ]}
        />
        <Button size="xs" onClick={() => void add()} loading={saving} data-testid="ticket-note-add">
          {t('tickets.note.add')}
        </Button>
      </Group>
    </Stack>
  );
}
