import { Badge, Group } from '@mantine/core';
import { IconCar, IconPhoto, IconTool, IconClockHour4 } from '@tabler/icons-react';
import type { WorklogTotals } from '../../../common/tickets/worklog.js';
import { useT } from '../../i18n/index.js';
import { formatDuration } from './format.js';
import './messages.js';

/** Travel, work and total time of a ticket, and how many photos it has. */
export function WorklogTotalsBar({ totals }: { totals: WorklogTotals }) {
  const t = useT();
  return (
    <Group gap="xs" data-testid="worklog-totals">
      <Badge variant="light" color="blue" leftSection={<IconCar size={12} />} data-testid="worklog-total-travel" data-minutes={totals.travelMinutes}>
        {t('worklog.totals.travel')}: {formatDuration(totals.travelMinutes, t)}
      </Badge>
      <Badge variant="light" color="violet" leftSection={<IconTool size={12} />} data-testid="worklog-total-work" data-minutes={totals.workMinutes}>
        {t('worklog.totals.work')}: {formatDuration(totals.workMinutes, t)}
      </Badge>
      <Badge variant="outline" color="gray" leftSection={<IconClockHour4 size={12} />} data-testid="worklog-total" data-minutes={totals.totalMinutes}>
        {t('worklog.totals.total')}: {formatDuration(totals.totalMinutes, t)}
      </Badge>
      <Badge variant="outline" color="gray" leftSection={<IconPhoto size={12} />} data-testid="worklog-total-photos">
        {t('worklog.totals.photos')}: {totals.photos}
      </Badge>
    </Group>
  );
}
