import { Badge } from '@mantine/core';
import type { TicketStatus } from '../../../common/domain/vocabulary.js';
import { useT } from '../../i18n/index.js';
import { PRIORITY_COLORS, STATUS_COLORS } from './ticket-format.js';

/** A badge keeps its whole label: a table column must grow to it rather than cut "IN PROGRE…". */
const FULL_LABEL = { root: { flexShrink: 0 }, label: { overflow: 'visible', textOverflow: 'clip' } } as const;

export function StatusBadge({ status, testId }: { status: TicketStatus; testId?: string }) {
  const t = useT();
  return (
    <Badge color={STATUS_COLORS[status]} variant="light" data-testid={testId} data-status={status} styles={FULL_LABEL}>
      {t(`tickets.status.${status}`)}
    </Badge>
  );
}

export function PriorityBadge({ priority }: { priority: number }) {
  const t = useT();
  return (
    <Badge color={PRIORITY_COLORS[priority] ?? 'gray'} variant={priority <= 2 ? 'filled' : 'outline'} data-priority={priority} styles={FULL_LABEL}>
      {t(`tickets.priority.${priority}`)}
    </Badge>
  );
}
