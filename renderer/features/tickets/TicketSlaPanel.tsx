import { Badge, Group, Progress, Stack, Text } from '@mantine/core';
import type { SlaSummary } from '../../../common/sla/index.js';
import { useLanguage, useT } from '../../i18n/index.js';
import { formatDateTime } from './ticket-format.js';
import { describeClock } from './ticket-sla.js';

interface TicketSlaPanelProps {
  /** From `useSlaSummary`; null when it cannot be computed. */
  readonly summary: SlaSummary | null;
}

/** Response and resolution clocks, derived from the event log (device times), in business time. */
export function TicketSlaPanel({ summary }: TicketSlaPanelProps) {
  const t = useT();
  const language = useLanguage((state) => state.language);

  if (!summary) return <Text c="dimmed">{t('tickets.sla.unavailable')}</Text>;
  const formatTime = (iso: string) => formatDateTime(iso, language);
  return (
    <Stack gap="xs" data-testid="ticket-sla">
      <Text fw={600} fz="sm">
        {t('tickets.sla.title', { zone: summary.timeZone })}
      </Text>
      {(['response', 'resolution'] as const).map((name) => {
        const view = describeClock(summary[name], t, formatTime);
        return (
          <Stack key={name} gap={4} data-testid={`ticket-sla-${name}`} data-state={summary[name].state} data-level={summary[name].level}>
            <Group justify="space-between" gap="xs">
              <Text fz="sm">{t(`tickets.sla.${name}`)}</Text>
              <Badge size="sm" variant="light" color={view.color}>
                {t(view.badgeKey)}
              </Badge>
            </Group>
            <Progress value={view.percent} color={view.color} size="sm" aria-label={t(`tickets.sla.${name}`)} />
            <Text fz="xs" c="dimmed">
              {view.detail}
            </Text>
          </Stack>
        );
      })}
    </Stack>
  );
}
