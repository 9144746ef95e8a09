import { contractIssues } from '../../../common/contracts/contract-rules.js';
import { PRIORITIES, WEEKDAYS, type Weekday } from '../../../common/domain/vocabulary.js';
import { reviseSlaPolicy } from '../../../common/sla/policy-revisions.js';
import type { Contract, Holiday, Site, SlaTargets } from '../../../common/schemas/contracts.js';
import { validateDocument } from '../../../common/validation/validate.js';

/**
 * The contract editor's model, pure so it is tested without a browser: what the form holds
 * (inputs speak strings), the problems to show under each field, and the document a save writes.
 */

export type PriorityKey = 'p1' | 'p2' | 'p3' | 'p4' | 'p5';
type NumberField = number | string;

export interface TargetForm {
  readonly responseMinutes: NumberField;
  readonly resolutionMinutes: NumberField;
}

export interface ContractForm {
  readonly name: string;
  readonly customerName: string;
  readonly startsOn: string;
  /** '' = open-ended. */
  readonly endsOn: string;
  readonly sites: readonly Site[];
  readonly coveredCategories: readonly string[];
  readonly deliveryModes: readonly string[];
  readonly warnAtPercent: NumberField;
  readonly targets: Readonly<Record<PriorityKey, TargetForm>>;
  readonly hours: Readonly<Record<Weekday, readonly { readonly start: string; readonly end: string }[]>>;
  readonly holidays: readonly Holiday[];
}

/** The parts of a contract the editor changes, each saved as a whole (like the merge rules). */
export const SECTIONS = ['general', 'sites', 'coverage', 'policy', 'hours', 'holidays'] as const;
export type Section = (typeof SECTIONS)[number];

/** An i18n key and its parameters, shown under the field at `path`. */
export interface FieldProblem {
  readonly key: string;
  readonly params?: Readonly<Record<string, string | number>>;
}

export const PRIORITY_KEYS: readonly PriorityKey[] = PRIORITIES.map((priority) => `p${priority}` as PriorityKey);
/** A year of minutes: the schema's own ceiling for a target. */
const TARGET_MAX = 525_600;

/** A time input cannot say 24:00; an end of 00:00 means "until midnight". */
const endOfDay = (end: string) => (end === '00:00' ? '24:00' : end);
const TIME = /^([01][0-9]|2[0-3]):[0-5][0-9]$/;

function normalisedHours(form: ContractForm): Contract['calendar']['hours'] {
  return Object.fromEntries(WEEKDAYS.map((day) => [day, form.hours[day].map((shift) => ({ start: shift.start, end: endOfDay(shift.end) }))])) as Contract['calendar']['hours'];
}

export function formFromContract(contract: Contract): ContractForm {
  return {
    name: contract.name,
    customerName: contract.customerName,
    startsOn: contract.startsOn,
    endsOn: contract.endsOn ?? '',
    sites: contract.sites.map((site) => ({ ...site })),
    coveredCategories: [...contract.coveredCategories],
    deliveryModes: [...contract.deliveryModes],
    warnAtPercent: contract.slaPolicy.warnAtPercent,
    targets: Object.fromEntries(PRIORITY_KEYS.map((key) => [key, { ...contract.slaPolicy.targets[key] }])) as Record<PriorityKey, TargetForm>,
    hours: Object.fromEntries(
      WEEKDAYS.map((day) => [day, contract.calendar.hours[day].map((shift) => ({ start: shift.start, end: shift.end === '24:00' ? '00:00' : shift.end }))]),
    ) as unknown as ContractForm['hours'],
    holidays: contract.calendar.holidays.map((holiday) => ({ ...holiday })),
  };
}

const toInt = (value: NumberField): number => (typeof value === 'number' ? value : value.trim() === '' ? Number.NaN : Number(value));

function terms(form: ContractForm): { warnAtPercent: number; targets: SlaTargets } {
  const targets = Object.fromEntries(
    PRIORITY_KEYS.map((key) => [key, { responseMinutes: toInt(form.targets[key].responseMinutes), resolutionMinutes: toInt(form.targets[key].resolutionMinutes) }]),
  ) as SlaTargets;
  return { warnAtPercent: toInt(form.warnAtPercent), targets };
}

function sectionValue(form: ContractForm, section: Section): unknown {
  switch (section) {
    case 'general':
      return [form.name.trim(), form.customerName.trim(), form.startsOn, form.endsOn];
    case 'sites':
      return form.sites.map((site) => [site.id, site.name.trim(), site.address.trim(), site.timeZone.trim()]);
    case 'coverage':
      return [[...form.coveredCategories].sort(), [...form.deliveryModes].sort()];
    case 'policy':
      return terms(form);
    case 'hours':
      return normalisedHours(form);
    case 'holidays':
      return [...form.holidays].map((holiday) => [holiday.date, holiday.name.trim()]).sort();
  }
}

/** Sections where the form differs from what the editing started from. */
export function changedSections(base: ContractForm, form: ContractForm): Section[] {
  return SECTIONS.filter((section) => JSON.stringify(sectionValue(base, section)) !== JSON.stringify(sectionValue(form, section)));
}

function writeSection(contract: Contract, form: ContractForm, section: Section, now: string): Contract {
  switch (section) {
    case 'general':
      return { ...contract, name: form.name.trim(), customerName: form.customerName.trim(), startsOn: form.startsOn, endsOn: form.endsOn === '' ? null : form.endsOn };
    case 'sites':
      return { ...contract, sites: form.sites.map((site) => ({ id: site.id, name: site.name.trim(), address: site.address.trim(), timeZone: site.timeZone.trim() })) };
    case 'coverage':
      return { ...contract, coveredCategories: [...form.coveredCategories] as Contract['coveredCategories'], deliveryModes: [...form.deliveryModes] as Contract['deliveryModes'] };
    case 'policy':
      return { ...contract, slaPolicy: reviseSlaPolicy(contract.slaPolicy, terms(form), now) };
    case 'hours':
      return { ...contract, calendar: { ...contract.calendar, hours: normalisedHours(form) } };
    case 'holidays': {
      const holidays = [...form.holidays].map((holiday) => ({ date: holiday.date, name: holiday.name.trim() })).sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
      return { ...contract, calendar: { ...contract.calendar, holidays } };
    }
  }
}

/**
 * The document a save writes: the sections this person changed (against `base`, what they started
 * from) over `current`, the latest stored version, so a colleague's change to another section that
 * synced in meanwhile is kept. A changed policy becomes a new revision effective `now`.
 */
export function applyForm(current: Contract, base: ContractForm, form: ContractForm, now: string): Contract {
  const next = changedSections(base, form).reduce((contract, section) => writeSection(contract, form, section, now), current);
  return next === current ? current : { ...next, updatedAt: now };
}

/** Sections both this person and someone else (synced in while editing) changed: the save overrides theirs. */
export function overlappingSections(base: ContractForm, current: Contract, form: ContractForm): Section[] {
  const theirs = new Set(changedSections(base, formFromContract(current)));
  return changedSections(base, form).filter((section) => theirs.has(section));
}

function requireText(problems: Map<string, FieldProblem>, path: string, value: string): void {
  if (value.trim() === '') problems.set(path, { key: 'contracts.error.required' });
}

function requireInt(problems: Map<string, FieldProblem>, path: string, value: NumberField, min: number, max: number): void {
  const number = toInt(value);
  if (!Number.isInteger(number)) problems.set(path, { key: 'contracts.error.integer' });
  else if (number < min || number > max) problems.set(path, { key: 'contracts.error.range', params: { min, max } });
}

/**
 * Every problem of the form by field path, in the user's words (i18n keys): what a person must
 * fill in, then the shared contract rules the server applies too, then — only if everything else
 * is fine — the schema itself, so nothing the server would refuse can be saved.
 */
export function formProblems(current: Contract, base: ContractForm, form: ContractForm): Map<string, FieldProblem> {
  const problems = new Map<string, FieldProblem>();
  requireText(problems, 'name', form.name);
  requireText(problems, 'customerName', form.customerName);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(form.startsOn)) problems.set('startsOn', { key: 'contracts.error.date' });
  if (form.endsOn !== '' && !/^\d{4}-\d{2}-\d{2}$/.test(form.endsOn)) problems.set('endsOn', { key: 'contracts.error.date' });
  form.sites.forEach((site, index) => {
    requireText(problems, `sites.${index}.name`, site.name);
    requireText(problems, `sites.${index}.timeZone`, site.timeZone);
  });
  if (form.deliveryModes.length === 0) problems.set('deliveryModes', { key: 'contracts.error.deliveryModes' });
  requireInt(problems, 'slaPolicy.warnAtPercent', form.warnAtPercent, 1, 99);
  for (const key of PRIORITY_KEYS) {
    requireInt(problems, `slaPolicy.targets.${key}.responseMinutes`, form.targets[key].responseMinutes, 1, TARGET_MAX);
    requireInt(problems, `slaPolicy.targets.${key}.resolutionMinutes`, form.targets[key].resolutionMinutes, 1, TARGET_MAX);
  }
  for (const day of WEEKDAYS) {
    form.hours[day].forEach((shift, index) => {
      if (!TIME.test(shift.start)) problems.set(`calendar.hours.${day}.${index}.start`, { key: 'contracts.error.time' });
      if (!TIME.test(shift.end)) problems.set(`calendar.hours.${day}.${index}.end`, { key: 'contracts.error.time' });
    });
  }
  // Holidays migrated from schema 0 have no name; they stay saveable as they are, but a holiday
  // someone adds or edits needs one.
  const unnamedBefore = new Set(base.holidays.filter((holiday) => holiday.name.trim() === '').map((holiday) => holiday.date));
  form.holidays.forEach((holiday, index) => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(holiday.date)) problems.set(`calendar.holidays.${index}.date`, { key: 'contracts.error.date' });
    if (!unnamedBefore.has(holiday.date)) requireText(problems, `calendar.holidays.${index}.name`, holiday.name);
  });
  if (problems.size > 0) return problems;

  // The whole document as it would be saved, judged by the same rules the server applies.
  const next = applyForm(current, base, form, new Date().toISOString());
  const candidate = { ...next, sites: [...form.sites], calendar: { hours: normalisedHours(form), holidays: [...form.holidays] } };
  for (const issue of contractIssues(candidate)) {
    if (!problems.has(issue.path)) problems.set(issue.path, { key: `contracts.rule.${issue.rule}` });
  }
  if (problems.size > 0) return problems;
  const schema = validateDocument('contracts', next);
  if (!schema.ok) problems.set(schema.issue.path, { key: 'contracts.error.invalid', params: { message: schema.issue.message } });
  return problems;
}
