import { describe, expect, it } from 'vitest';
import { mergeHolidays, turkishPublicHolidays } from './turkish-holidays.js';

describe('turkishPublicHolidays', () => {
  it('lists the fixed-date holidays and both Bayrams of 2026 as the Diyanet announced them', () => {
    const { holidays, includesReligious } = turkishPublicHolidays(2026, 'tr');
    expect(includesReligious).toBe(true);
    expect(holidays.map((holiday) => holiday.date)).toEqual([
      '2026-01-01',
      '2026-03-20',
      '2026-03-21',
      '2026-03-22',
      '2026-04-23',
      '2026-05-01',
      '2026-05-19',
      '2026-05-27',
      '2026-05-28',
      '2026-05-29',
      '2026-05-30',
      '2026-07-15',
      '2026-08-30',
      '2026-10-29',
    ]);
    expect(holidays.find((holiday) => holiday.date === '2026-03-20')?.name).toBe('Ramazan Bayramı (1. gün)');
    expect(holidays.find((holiday) => holiday.date === '2026-05-30')?.name).toBe('Kurban Bayramı (4. gün)');
  });

  it('matches the announced Bayram dates of 2025 and 2027, in English too', () => {
    const of = (year: number) => turkishPublicHolidays(year, 'en').holidays.filter((holiday) => holiday.name.startsWith('Eid'));
    expect(of(2025).map((holiday) => holiday.date)).toEqual(['2025-03-30', '2025-03-31', '2025-04-01', '2025-06-06', '2025-06-07', '2025-06-08', '2025-06-09']);
    expect(of(2027).map((holiday) => holiday.date)).toEqual(['2027-03-09', '2027-03-10', '2027-03-11', '2027-05-16', '2027-05-17', '2027-05-18', '2027-05-19']);
    expect(of(2027)[0]?.name).toBe('Eid al-Fitr (day 1)');
  });
});

describe('mergeHolidays', () => {
  it('adds only new dates, keeps the names already typed, and sorts', () => {
    const result = mergeHolidays(
      [{ date: '2026-10-29', name: 'Cumhuriyet' }, { date: '2026-12-31', name: 'Yıl sonu kapanışı' }],
      [{ date: '2026-01-01', name: 'Yılbaşı' }, { date: '2026-10-29', name: 'Cumhuriyet Bayramı' }],
    );
    expect(result.added).toBe(1);
    expect(result.holidays).toEqual([
      { date: '2026-01-01', name: 'Yılbaşı' },
      { date: '2026-10-29', name: 'Cumhuriyet' },
      { date: '2026-12-31', name: 'Yıl sonu kapanışı' },
    ]);
  });
});
