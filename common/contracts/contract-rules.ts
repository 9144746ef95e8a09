import { PRIORITIES, WEEKDAYS } from '../domain/vocabulary.js';
import type { Contract } from '../schemas/contracts.js';
import { isValidTimeZone } from '../sla/zone.js';

/**
 * What a contract must satisfy beyond its JSON schema: things a schema cannot say (an IANA zone
 * the runtime knows, intervals in order, no double-counted hours, one entry per holiday date).
 * The editor shows these inline; the server refuses a push that breaks one, with the same path.
 */

export const CONTRACT_RULES = [
  'timezone_unknown',
  'site_id_duplicate',
  'interval_order',
  'interval_overlap',
  'holiday_duplicate',
  'response_after_resolution',
  'ends_before_start',
] as const;
export type ContractRule = (typeof CONTRACT_RULES)[number];

export interface ContractIssue {
  /** Dotted path, as `validateDocument` reports it: `sites.1.timeZone`, `calendar.hours.mon.0.end`. */
  readonly path: string;
  readonly rule: ContractRule;
  /** English, for the server's error body and logs; the editor translates `rule` instead. */
  readonly message: string;
}

type RuleInput = Pick<Contract, 'sites' | 'calendar' | 'slaPolicy' | 'startsOn' | 'endsOn'>;

const minuteOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

function hoursIssues(calendar: Contract['calendar']): ContractIssue[] {
  const issues: ContractIssue[] = [];
  for (const day of WEEKDAYS) {
    const intervals = calendar.hours[day].map((interval, index) => ({ index, start: minuteOf(interval.start), end: minuteOf(interval.end) }));
    for (const interval of intervals) {
      if (interval.end <= interval.start) {
        issues.push({ path: `calendar.hours.${day}.${interval.index}.end`, rule: 'interval_order', message: `${day}: a shift must end after it starts` });
      }
    }
    const ordered = intervals.filter((interval) => interval.end > interval.start).sort((a, b) => a.start - b.start || a.index - b.index);
    for (let i = 1; i < ordered.length; i++) {
      const previous = ordered[i - 1];
      const current = ordered[i];
      if (previous && current && current.start < previous.end) {
        issues.push({ path: `calendar.hours.${day}.${current.index}.start`, rule: 'interval_overlap', message: `${day}: shifts overlap (time would count twice)` });
      }
    }
  }
  return issues;
}

/** Every rule broken, in document order (empty when the contract is fine). */
export function contractIssues(contract: RuleInput): ContractIssue[] {
  const issues: ContractIssue[] = [];
  const siteIds = new Set<string>();
  contract.sites.forEach((site, index) => {
    if (siteIds.has(site.id)) issues.push({ path: `sites.${index}.id`, rule: 'site_id_duplicate', message: `site id "${site.id}" is used twice` });
    siteIds.add(site.id);
    if (!isValidTimeZone(site.timeZone)) {
      issues.push({ path: `sites.${index}.timeZone`, rule: 'timezone_unknown', message: `"${site.timeZone}" is not an IANA time zone (e.g. Europe/Istanbul)` });
    }
  });
  if (contract.endsOn !== null && contract.endsOn < contract.startsOn) {
    issues.push({ path: 'endsOn', rule: 'ends_before_start', message: 'the contract ends before it starts' });
  }
  for (const priority of PRIORITIES) {
    const target = contract.slaPolicy.targets[`p${priority}`];
    if (target.responseMinutes > target.resolutionMinutes) {
      issues.push({
        path: `slaPolicy.targets.p${priority}.responseMinutes`,
        rule: 'response_after_resolution',
        message: `P${priority}: the response target is longer than the resolution target`,
      });
    }
  }
  issues.push(...hoursIssues(contract.calendar));
  const dates = new Set<string>();
  contract.calendar.holidays.forEach((holiday, index) => {
    if (dates.has(holiday.date)) issues.push({ path: `calendar.holidays.${index}.date`, rule: 'holiday_duplicate', message: `${holiday.date} is listed twice` });
    dates.add(holiday.date);
  });
  return issues;
}
