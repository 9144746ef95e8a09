import { describe, expect, it } from 'vitest';
import { worklogDays } from './worklog-period.js';

describe('worklog periods', () => {
  // Wednesday 25 Nov 2026, local time.
  const now = new Date(2026, 10, 25, 15, 0);
  it('counts weeks from Monday and months from the 1st, in whole local days', () => {
    expect(worklogDays('week', now)).toEqual({ fromDate: '2026-11-23', toDate: '2026-11-25' });
    expect(worklogDays('lastWeek', now)).toEqual({ fromDate: '2026-11-16', toDate: '2026-11-22' });
    expect(worklogDays('month', now)).toEqual({ fromDate: '2026-11-01', toDate: '2026-11-25' });
    expect(worklogDays('last30', now)).toEqual({ fromDate: '2026-10-27', toDate: '2026-11-25' });
    // A Sunday belongs to the week that began the Monday before.
    expect(worklogDays('week', new Date(2026, 10, 29, 9, 0))).toEqual({ fromDate: '2026-11-23', toDate: '2026-11-29' });
  });
});
