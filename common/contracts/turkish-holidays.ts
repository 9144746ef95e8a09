import type { Holiday } from '../schemas/contracts.js';

/**
 * Public holidays of Türkiye for one year, for the calendar editor's "import" button.
 *
 * Fixed-date holidays come from Law 2429. Ramazan and Kurban Bayramı follow the Hijri calendar:
 * their Gregorian dates are read from the runtime's Umm al-Qura calendar (ICU), which matched the
 * Diyanet's announced dates for 2024–2027; the editor still asks the user to check them. The
 * half-day eves (arife) are not imported: holidays here are whole days.
 */

const FIXED: readonly { readonly monthDay: string; readonly tr: string; readonly en: string }[] = [
  { monthDay: '01-01', tr: 'Yılbaşı', en: 'New Year’s Day' },
  { monthDay: '04-23', tr: 'Ulusal Egemenlik ve Çocuk Bayramı', en: 'National Sovereignty and Children’s Day' },
  { monthDay: '05-01', tr: 'Emek ve Dayanışma Günü', en: 'Labour and Solidarity Day' },
  { monthDay: '05-19', tr: 'Atatürk’ü Anma, Gençlik ve Spor Bayramı', en: 'Commemoration of Atatürk, Youth and Sports Day' },
  { monthDay: '07-15', tr: 'Demokrasi ve Millî Birlik Günü', en: 'Democracy and National Unity Day' },
  { monthDay: '08-30', tr: 'Zafer Bayramı', en: 'Victory Day' },
  { monthDay: '10-29', tr: 'Cumhuriyet Bayramı', en: 'Republic Day' },
];

const DAY_MS = 86_400_000;

interface HijriDay {
  readonly month: number;
  readonly day: number;
}

function hijriFormatter(): Intl.DateTimeFormat | null {
  try {
    const formatter = new Intl.DateTimeFormat('en-u-ca-islamic-umalqura', { timeZone: 'UTC', month: 'numeric', day: 'numeric' });
    // A runtime without the calendar silently falls back to Gregorian: detect that instead of lying.
    return formatter.resolvedOptions().calendar === 'islamic-umalqura' ? formatter : null;
  } catch {
    return null;
  }
}

function hijriOf(formatter: Intl.DateTimeFormat, epochMs: number): HijriDay {
  const parts = Object.fromEntries(formatter.formatToParts(epochMs).map((part) => [part.type, part.value]));
  return { month: Number(parts['month']), day: Number(parts['day']) };
}

export interface TurkishHolidays {
  readonly holidays: readonly Holiday[];
  /** False when this runtime has no Hijri calendar: only the fixed-date holidays were listed. */
  readonly includesReligious: boolean;
}

/** The holidays of `year`, sorted by date, named in `language`. */
export function turkishPublicHolidays(year: number, language: 'tr' | 'en'): TurkishHolidays {
  const holidays: Holiday[] = FIXED.map((entry) => ({ date: `${year}-${entry.monthDay}`, name: language === 'tr' ? entry.tr : entry.en }));
  const formatter = hijriFormatter();
  if (formatter) {
    for (let ms = Date.UTC(year, 0, 1); ms < Date.UTC(year + 1, 0, 1); ms += DAY_MS) {
      const { month, day } = hijriOf(formatter, ms);
      const date = new Date(ms).toISOString().slice(0, 10);
      // 1–3 Shawwal: Ramazan Bayramı; 10–13 Dhu al-Hijjah: Kurban Bayramı.
      if (month === 10 && day >= 1 && day <= 3) {
        holidays.push({ date, name: language === 'tr' ? `Ramazan Bayramı (${day}. gün)` : `Eid al-Fitr (day ${day})` });
      } else if (month === 12 && day >= 10 && day <= 13) {
        holidays.push({ date, name: language === 'tr' ? `Kurban Bayramı (${day - 9}. gün)` : `Eid al-Adha (day ${day - 9})` });
      }
    }
  }
  holidays.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return { holidays, includesReligious: formatter !== null };
}

/** Adds `incoming` to `existing`, skipping dates already there (their names are kept). */
export function mergeHolidays(existing: readonly Holiday[], incoming: readonly Holiday[]): { holidays: Holiday[]; added: number } {
  const dates = new Set(existing.map((holiday) => holiday.date));
  const added = incoming.filter((holiday) => !dates.has(holiday.date));
  const holidays = [...existing, ...added].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return { holidays, added: added.length };
}
