import { isLevel, priorityFor } from './ticket-references.js';
import type { CommandError, TicketDraft } from './ticket-commands.js';
import type { TicketPatch } from './ticket-patch.js';
import type { Contract } from '../../../common/schemas/contracts.js';
import type { Person } from '../../../common/schemas/people.js';
import type { Ticket } from '../../../common/schemas/tickets.js';

/** What the create and edit forms hold: Mantine inputs speak strings and null. */
export interface TicketFormValues {
  readonly contractId: string | null;
  readonly siteId: string | null;
  readonly requesterId: string | null;
  readonly title: string;
  readonly description: string;
  readonly category: string | null;
  readonly type: string | null;
  readonly channel: string | null;
  readonly urgency: string | null;
  readonly impact: string | null;
  readonly deliveryMode: string | null;
  readonly assigneeId: string | null;
  readonly outOfScopeReason: string | null;
}

export type FormField = keyof TicketFormValues;
/** Per field, the i18n key of the message to show under it. */
export type FieldErrors = Partial<Record<FormField, string>>;

const REQUIRED: readonly FormField[] = ['contractId', 'title', 'category', 'type', 'channel', 'urgency', 'impact', 'deliveryMode'];

/** Sensible defaults for a call at the desk: an incident by phone, medium urgency and impact. */
export function emptyForm(contractId: string | null = null, deliveryMode: string | null = 'remote'): TicketFormValues {
  return {
    contractId,
    siteId: null,
    requesterId: null,
    title: '',
    description: '',
    category: null,
    type: 'incident',
    channel: 'phone',
    urgency: '2',
    impact: '2',
    deliveryMode,
    assigneeId: null,
    outOfScopeReason: null,
  };
}

export function formFromTicket(ticket: Ticket): TicketFormValues {
  return {
    contractId: ticket.contractId,
    siteId: ticket.siteId,
    requesterId: ticket.requesterId,
    title: ticket.title,
    description: ticket.description,
    category: ticket.category,
    type: ticket.type,
    channel: ticket.channel,
    urgency: String(ticket.urgency),
    impact: String(ticket.impact),
    deliveryMode: ticket.deliveryMode,
    assigneeId: ticket.assigneeId,
    outOfScopeReason: ticket.outOfScopeReason,
  };
}

function level(value: string | null): number | null {
  const number = Number(value);
  return value !== null && isLevel(number) ? number : null;
}

/** The live priority the form shows while urgency and impact change; null until both are set. */
export function formPriority(values: TicketFormValues): number | null {
  const priority = priorityFor(level(values.urgency), level(values.impact));
  return priority === 0 ? null : priority;
}

export function draftFromForm(values: TicketFormValues): TicketDraft {
  return {
    contractId: values.contractId ?? '',
    siteId: values.siteId,
    requesterId: values.requesterId,
    title: values.title,
    description: values.description,
    category: values.category ?? '',
    type: values.type ?? '',
    channel: values.channel ?? '',
    urgency: level(values.urgency),
    impact: level(values.impact),
    deliveryMode: values.deliveryMode ?? '',
    assigneeId: values.assigneeId,
    outOfScopeReason: values.outOfScopeReason,
  };
}

/** Every editable field; updateTicket itself skips the ones that did not change. */
export function patchFromForm(values: TicketFormValues): TicketPatch {
  const { contractId: _contract, urgency, impact, ...rest } = draftFromForm(values);
  return { ...rest, urgency: urgency ?? 0, impact: impact ?? 0 };
}

/** Checks the form can show all at once, before the command's own (single) check. */
export function checkForm(values: TicketFormValues): FieldErrors {
  const errors: FieldErrors = {};
  for (const field of REQUIRED) {
    const value = values[field];
    if (value === null || (typeof value === 'string' && value.trim() === '')) errors[field] = 'tickets.error.required';
  }
  if (values.title.trim().length > 200) errors.title = 'tickets.error.tooLong';
  if (values.description.length > 20000) errors.description = 'tickets.error.tooLong';
  return errors;
}

const SPECIFIC_PATHS = new Set(['contractId', 'siteId', 'requesterId', 'assigneeId', 'deliveryMode', 'waitingReason']);

/** Where and how to show a command's failure: under a field when it names one, else above the form. */
export function describeError(error: CommandError): { field: string; key: string; params?: Record<string, string> } {
  if (error.code === 'TRANSITION_NOT_ALLOWED') return { field: 'status', key: 'tickets.error.transition' };
  if (error.code === 'NOT_FOUND') return { field: '', key: 'tickets.error.notFound' };
  if (error.code !== 'VALIDATION_FAILED') return { field: '', key: 'tickets.error.internal', params: { message: error.message } };
  if (error.path === 'data.text') return { field: 'note', key: 'tickets.error.noteEmpty' };
  if (SPECIFIC_PATHS.has(error.path)) return { field: error.path, key: `tickets.error.${error.path}` };
  if (error.path === 'urgency' || error.path === 'impact') return { field: error.path, key: 'tickets.error.required' };
  const field = error.path.split('.')[0] ?? '';
  return { field, key: 'tickets.error.invalid' };
}

/**
 * One field edit and what follows from it: a new contract clears the site, requester and assignee
 * (they belong to the old one) and picks an allowed delivery mode; a requester fills an empty site
 * with the person's own site.
 */
export function withField(
  values: TicketFormValues,
  field: FormField,
  value: string | null,
  lookups: { contracts: ReadonlyMap<string, Contract>; people: ReadonlyMap<string, Person> },
): TicketFormValues {
  const next = { ...values, [field]: value };
  if (field === 'contractId' && value !== values.contractId) {
    const allowed = (value ? lookups.contracts.get(value)?.deliveryModes : undefined) ?? [];
    const deliveryMode = allowed.some((mode) => mode === values.deliveryMode) ? values.deliveryMode : (allowed[0] ?? null);
    return { ...next, siteId: null, requesterId: null, assigneeId: null, deliveryMode };
  }
  if (field === 'requesterId' && value && !values.siteId) {
    return { ...next, siteId: lookups.people.get(value)?.siteId ?? null };
  }
  return next;
}

/** The stored values, except the fields this user is editing right now. */
export function keepTouched(fresh: TicketFormValues, current: TicketFormValues, touched: ReadonlySet<FormField>): TicketFormValues {
  let merged = fresh;
  for (const field of touched) merged = { ...merged, [field]: current[field] };
  return merged;
}

/** Only what the user changed; urgency and impact travel together (priority needs both). */
export function touchedPatch(values: TicketFormValues, touched: ReadonlySet<FormField>): TicketPatch {
  const full = patchFromForm(values);
  const fields = new Set<FormField>(touched);
  if (fields.has('urgency') || fields.has('impact')) fields.add('urgency').add('impact');
  return Object.fromEntries(Object.entries(full).filter(([field]) => fields.has(field as FormField)));
}
