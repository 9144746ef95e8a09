import { Group, Text, Tooltip } from '@mantine/core';
import { IconPlayerPause } from '@tabler/icons-react';
import type { SlaClock } from '../../../common/sla/types.js';
import { useLanguage, useT } from '../../i18n/index.js';
import { formatDateTime } from './ticket-format.js';
import { describeClock, formatBusinessMinutes } from './ticket-sla.js';

/** Resolution clock in one line: remaining (or late) business time coloured by level; a paused clock shows a pause icon and grey text. */
export function TicketSlaCell({ clock }: { clock: SlaClock | undefined }) {
  const t = useT();
  const language = useLanguage((state) => state.language);
  if (!clock) {
    return (
      <Text fz="sm" c="dimmed">
        {t('tickets.sla.none')}
      </Text>
    );
  }
  const view = describeClock(clock, t, (iso) => formatDateTime(iso, language));
  const left = formatBusinessMinutes(clock.remainingBusinessMinutes, t);
  const late = formatBusinessMinutes(-clock.remainingBusinessMinutes, t);
  const active = clock.state === 'running' || clock.state === 'paused';
  const label = !active
    ? t(view.badgeKey)
    : clock.remainingBusinessMinutes < 0
      ? t('tickets.sla.lateBy', { late })
      : clock.state === 'paused'
        ? t('tickets.sla.pausedLeft', { left })
        : t('tickets.sla.left', { left });
  return (
    <Tooltip label={view.detail} withinPortal>
      <Group gap={4} wrap="nowrap" data-testid="ticket-sla-cell" data-level={clock.level} data-state={clock.state}>
        {clock.state === 'paused' && <IconPlayerPause size={14} aria-label={t('tickets.sla.state.paused')} color="var(--mantine-color-gray-6)" />}
        <Text fz="sm" fw={500} c={view.color === 'teal' ? undefined : view.color} style={{ whiteSpace: 'nowrap' }}>
          {label}
        </Text>
      </Group>
    </Tooltip>
  );
}
