import { Alert, Stack, Text, Timeline } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { useMemo } from 'react';
import type { SlaSummary } from '../../../common/sla/index.js';
import type { DomainEvent } from '../../../common/schemas/events.js';
import { useLanguage, useT } from '../../i18n/index.js';
import { formatDateTime } from './ticket-format.js';
import { describeSlaEntry } from './ticket-sla-timeline.js';

interface TicketSlaTimelineProps {
  /** From `useSlaSummary`; null when it cannot be computed. */
  readonly summary: SlaSummary | null;
  readonly events: readonly DomainEvent[];
}

/** Every start, pause, resume, stop, priority change, warning and breach of both clocks, and why. */
export function TicketSlaTimeline({ summary, events }: TicketSlaTimelineProps) {
  const t = useT();
  const language = useLanguage((state) => state.language);
  const byId = useMemo(() => new Map(events.map((event) => [event.id, event])), [events]);

  if (!summary) return <Text c="dimmed">{t('tickets.sla.unavailable')}</Text>;
  const { applied, latest, beforeFirstRevision } = summary.policy;
  const since = (iso: string | null) => (iso ? formatDateTime(iso, language) : '');
  return (
    <Stack gap="sm">
      <Alert variant="light" color="gray" p="xs" icon={<IconInfoCircle size={16} />} data-testid="sla-policy-note" data-revision={applied.revision} data-latest={latest.revision}>
        <Text fz="xs">
          {beforeFirstRevision
            ? t('tickets.slaPolicy.beforeFirst', { revision: applied.revision })
            : applied.effectiveFrom
              ? t('tickets.slaPolicy.applied', { revision: applied.revision, since: since(applied.effectiveFrom) })
              : t('tickets.slaPolicy.appliedAlways', { revision: applied.revision })}
        </Text>
        {latest.revision !== applied.revision && (
          <Text fz="xs" mt={4} data-testid="sla-policy-newer">
            {t('tickets.slaPolicy.newer', { revision: latest.revision, since: since(latest.effectiveFrom) })}
          </Text>
        )}
      </Alert>
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
    </Stack>
  );
}
