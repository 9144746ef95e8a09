import { Badge, Group, Paper, Text, ThemeIcon, Timeline } from '@mantine/core';
import { IconArrowsExchange, IconClockHour4, IconFlag, IconMessage, IconPhoto, IconPlus, IconUser, IconPoint } from '@tabler/icons-react';
import type { DomainEvent } from '../../../common/schemas/events.js';
import { useLanguage, useT } from '../../i18n/index.js';
import { formatDateTime, formatRelative } from './ticket-format.js';
import { describeEvent, type TimelineEntry } from './ticket-timeline.js';

const ICONS: Record<TimelineEntry['kind'], typeof IconPlus> = {
  created: IconPlus,
  status: IconArrowsExchange,
  assigned: IconUser,
  priority: IconFlag,
  note: IconMessage,
  time: IconClockHour4,
  photo: IconPhoto,
  other: IconPoint,
};

/** Everything that happened to the ticket, oldest first, with who did it and their device's time. */
export function TicketTimeline({ events, names, now }: { events: readonly DomainEvent[]; names: ReadonlyMap<string, string>; now: Date }) {
  const t = useT();
  const language = useLanguage((state) => state.language);

  if (events.length === 0) {
    return (
      <Text c="dimmed" data-testid="ticket-timeline">
        {t('tickets.timeline.empty')}
      </Text>
    );
  }
  return (
    <Timeline bulletSize={24} lineWidth={2} data-testid="ticket-timeline" active={events.length - 1}>
      {events.map((event) => {
        const entry = describeEvent(event, names, t, language);
        const Icon = ICONS[entry.kind];
        return (
          <Timeline.Item
            key={event.id}
            data-testid="timeline-item"
            data-type={event.type}
            bullet={
              <ThemeIcon size={24} radius="xl" variant="light">
                <Icon size={14} />
              </ThemeIcon>
            }
            title={
              <Group gap="xs">
                <Text fw={600} fz="sm">
                  {entry.title}
                </Text>
                {entry.customerVisible && (
                  <Badge size="xs" color="teal" variant="light">
                    {t('tickets.note.customer')}
                  </Badge>
                )}
              </Group>
            }
          >
            {entry.body && (
              <Paper withBorder p="xs" mt={4} radius="sm" bg={entry.customerVisible ? 'teal.0' : 'gray.0'}>
                <Text fz="sm" style={{ whiteSpace: 'pre-wrap' }}>
                  {entry.body}
                </Text>
              </Paper>
            )}
            <Text c="dimmed" fz="xs" mt={4} title={t('tickets.timeline.deviceTime')}>
              {names.get(event.authorId) ?? t('tickets.timeline.unknownUser')} · {formatDateTime(event.at, language)} ·{' '}
              {formatRelative(event.at, now, language)}
            </Text>
          </Timeline.Item>
        );
      })}
    </Timeline>
  );
}
