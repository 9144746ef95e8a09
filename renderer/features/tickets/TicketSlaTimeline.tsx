import { Text, Timeline } from '@mantine/core';
import { useMemo } from 'react';
import type { SlaSummary } from '../../../common/sla/index.js';
import type { Contract } from '../../../common/schemas/contracts.js';
import type { DomainEvent } from '../../../common/schemas/events.js';
import { useLanguage, useT } from '../../i18n/index.js';
import { formatDateTime } from './ticket-format.js';
import { describeSlaEntry } from './ticket-sla-timeline.js';

interface TicketSlaTimelineProps {
  /** From `useSlaSummary`; null when it cannot be computed. */
  readonly summary: SlaSummary | null;
  readonly events: readonly DomainEvent[];
  readonly contract: Contract;
}

/** Every start, pause, resume, stop, priority change, warning and breach of both clocks, and why. */
export function TicketSlaTimeline({ summary, events, contract }: TicketSlaTimelineProps) {
  const t = useT();
  const language = useLanguage((state) => state.language);
  const byId = useMemo(() => new Map(events.map((event) => [event.id, event])), [events]);

  if (!summary) return <Text c="dimmed">{t('tickets.sla.unavailable')}</Text>;
  return (
    <Timeline bulletSize={12} lineWidth={2} data-testid="ticket-sla-timeline" active={summary.timeline.length - 1}>
      {summary.timeline.map((entry, index) => {
        const line = describeSlaEntry(entry, byId, summary.policy.applied, t);
        return (
          <Timeline.Item
            key={`${entry.at}-${entry.kind}-${entry.clock ?? ''}-${index}`}
            color={line.color}
            data-testid="sla-timeline-item"
            data-kind={entry.kind}
            data-clock={entry.clock ?? ''}
            title={
              <Text fz="sm" fw={500}>
                {line.text}
              </Text>
            }
          >
            <Text c="dimmed" fz="xs">
              {formatDateTime(entry.at, language)}
            </Text>
          </Timeline.Item>
        );
      })}
    </Timeline>
  );
}
