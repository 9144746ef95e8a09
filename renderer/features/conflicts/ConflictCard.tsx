import { Anchor, Badge, Button, Card, Code, Group, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconArrowBackUp, IconX } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { Link } from 'react-router-dom';
import type { ConflictRecord } from '../../../common/sync/merge/conflict-record.js';
import type { Ticket } from '../../../common/schemas/tickets.js';
import { useLanguage, useT } from '../../i18n/index.js';
import { hasMessage } from '../../i18n/registry.js';
import { formatDateTime } from '../tickets/ticket-format.js';
import { describeValue, fieldLabel, sidesOf, type MessageLookup } from './conflict-view.js';
import { useConflictCommands } from './use-conflict-commands.js';

function ValueBox({ label, color, text, testId }: { label: string; color: string; text: string; testId: string }) {
  return (
    <Paper withBorder p="sm" radius="sm" style={{ borderLeft: `4px solid var(--mantine-color-${color}-6)` }}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600} mb={4}>
        {label}
      </Text>
      <Text data-testid={testId} style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
        {text}
      </Text>
    </Paper>
  );
}

function DocumentTitle({ record, ticket }: { record: ConflictRecord; ticket: Ticket | null }): ReactNode {
  const t = useT();
  if (record.documentCollection === 'tickets' && ticket) {
    return (
      <Anchor component={Link} to={`/tickets/${ticket.id}`} fw={600} data-testid="conflict-document">
        <Text span ff="monospace" c="dimmed" mr={6}>
          {ticket.ref}
        </Text>
        {ticket.title}
      </Anchor>
    );
  }
  return (
    <Text fw={600} data-testid="conflict-document">
      <Text span ff="monospace">
        {record.documentId}
      </Text>{' '}
      {record.documentCollection === 'tickets' ? <Text span c="dimmed">({t('conflicts.documentMissing')})</Text> : null}
    </Text>
  );
}

/** One overruled value: what was kept and what was lost side by side, and the two decisions. */
export function ConflictCard({ record, ticket, names }: { record: ConflictRecord; ticket: Ticket | null; names: ReadonlyMap<string, string> }) {
  const t = useT();
  const language = useLanguage((state) => state.language);
  const commands = useConflictCommands();
  const [busy, setBusy] = useState<'restore' | 'dismiss' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const lookup: MessageLookup = (key) => (hasMessage(language, key) || hasMessage('en', key) ? t(key) : null);
  const empty = t('conflicts.empty.value');
  const collection = record.documentCollection;
  const sides = sidesOf(record);
  const describe = (value: unknown) => describeValue(collection, record.field, value, lookup, empty);
  const author = names.get(record.localAuthorId) ?? record.localAuthorId;
  const serverAuthor = record.serverAuthorId ? (names.get(record.serverAuthorId) ?? record.serverAuthorId) : t('conflicts.someone');

  const run = async (which: 'restore' | 'dismiss') => {
    setBusy(which);
    setError(null);
    const result = which === 'restore' ? await commands.restore(record) : await commands.dismiss(record);
    setBusy(null);
    if (!result.ok) setError(t('conflicts.error', { message: result.error.message }));
  };

  return (
    <Card withBorder radius="md" padding="md" data-testid="conflict-row" data-conflict-id={record.id} data-resolved={record.resolution ? 'true' : 'false'}>
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Group gap="xs" wrap="wrap">
            <Badge variant="light">{t(`conflicts.collection.${collection}`)}</Badge>
            <DocumentTitle record={record} ticket={ticket} />
          </Group>
          <Group gap="xs">
            <Text size="sm" c="dimmed">
              {t('conflicts.field')}:
            </Text>
            <Code data-testid="conflict-field">{fieldLabel(collection, record.field, lookup)}</Code>
          </Group>
        </Group>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <ValueBox label={t('conflicts.kept')} color="teal" text={describe(sides.kept)} testId="conflict-kept" />
          <ValueBox label={t('conflicts.overruled')} color="orange" text={describe(sides.overruled)} testId="conflict-overruled" />
        </SimpleGrid>
        <Text size="sm" c="dimmed" data-testid="conflict-base">
          {t('conflicts.base')}: {record.baseValue ? describe(sides.base) : t('conflicts.baseUnknown')} · {t('conflicts.rule', { rule: t(`conflicts.rule.${record.rule}`) })}
        </Text>
        <Text size="sm" c="dimmed" data-testid="conflict-who">
          {record.overruledSide === 'local' ? t('conflicts.side.local', { author }) : t('conflicts.side.server', { author: serverAuthor, merger: author })}{' '}
          {t('conflicts.who', { device: record.deviceId.slice(0, 8), time: formatDateTime(record.mergedAt, language) })}
        </Text>
        {error ? (
          <Text c="red" size="sm" data-testid="conflict-error">
            {error}
          </Text>
        ) : null}
        {record.resolution ? (
          <Badge color={record.resolution.action === 'restored' ? 'teal' : 'gray'} variant="light" data-testid="conflict-resolution">
            {t(`conflicts.resolved.${record.resolution.action}`, {
              name: names.get(record.resolution.by) ?? record.resolution.by,
              time: formatDateTime(record.resolution.at, language),
            })}
          </Badge>
        ) : (
          <Group gap="xs">
            <Button leftSection={<IconArrowBackUp size={16} />} loading={busy === 'restore'} disabled={busy !== null} onClick={() => void run('restore')} data-testid="conflict-restore">
              {t('conflicts.restore')}
            </Button>
            <Button variant="default" leftSection={<IconX size={16} />} loading={busy === 'dismiss'} disabled={busy !== null} onClick={() => void run('dismiss')} data-testid="conflict-dismiss">
              {t('conflicts.dismiss')}
            </Button>
          </Group>
        )}
      </Stack>
    </Card>
  );
}
