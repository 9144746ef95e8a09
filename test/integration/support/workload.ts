import { ASSET_STATES, WAITING_REASONS, type Level, type TicketStatus } from '../../../common/domain/vocabulary.js';
import { allowedTransitions } from '../../../common/tickets/status-machine.js';
import { priorityOf } from '../../../common/tickets/priority.js';
import type { Random } from '../../../sync-server/demo/random.js';
import { assetDoc, ticketDoc } from './documents.js';

type Doc = Record<string, unknown> & { id: string };

/**
 * One person's edit of one field (or unit of fields, or one element of a set), with what that
 * person saw before it. The ledger of all edits is what "nothing is lost" is checked against.
 */
export interface Edit {
  /** Global order of the edit in the run (later edits have higher numbers). */
  readonly order: number;
  readonly client: string;
  readonly collection: 'tickets' | 'assets';
  readonly docId: string;
  /** A field, a unit (`status+waitingReason`, `priority+urgency+impact`, as conflict records name it) or `_deleted`. */
  readonly key: string;
  readonly op: 'set' | 'add' | 'remove';
  /** For `set`: the new value (an object of the unit's fields for a unit); for add/remove: the element. */
  readonly value: unknown;
  /** For `set`: the value the person saw before editing. */
  readonly before: unknown;
}

export const UNITS: Readonly<Record<string, readonly string[]>> = {
  'status+waitingReason': ['status', 'waitingReason'],
  'priority+urgency+impact': ['priority', 'urgency', 'impact'],
};

/** The value of a key in a document: a field, or an object holding each field of a unit. */
export function valueOf(doc: Readonly<Record<string, unknown>>, key: string): unknown {
  const fields = UNITS[key];
  if (!fields) return key === '_deleted' ? doc['_deleted'] === true : doc[key];
  return Object.fromEntries(fields.map((field) => [field, doc[field]]));
}

function setKey(doc: Doc, key: string, value: unknown): Doc {
  const fields = UNITS[key];
  if (!fields) return { ...doc, [key]: value };
  return { ...doc, ...(value as Record<string, unknown>) };
}

/** Ids of one seed's documents: the seed is part of every id, so seeds never share documents. */
export function seedIds(seed: number, prefix: string, tickets: number, assets: number) {
  return {
    tickets: Array.from({ length: tickets }, (_, n) => `t-${prefix}${seed}-${n}`),
    assets: Array.from({ length: assets }, (_, n) => `a-${prefix}${seed}-${n}`),
  };
}

/** The shared documents a seed starts from, all in `contractId`. */
export function startingDocs(seed: number, prefix: string, contractId: string, counts = { tickets: 3, assets: 2 }, now = '2026-11-25T08:00:00.000Z') {
  const ids = seedIds(seed, prefix, counts.tickets, counts.assets);
  return {
    tickets: ids.tickets.map((id, n) =>
      ticketDoc(id, contractId, { ref: `FLT-${seed}-${n}`, title: `${id} başlangıç`, status: n === 0 ? 'new' : 'assigned', assigneeId: n === 0 ? null : 'u-tech', createdAt: now, updatedAt: now }),
    ),
    assets: ids.assets.map((id, n) => assetDoc(id, contractId, { tag: `FLT-${seed}-${n}`, updatedAt: now })),
  };
}

const ASSET_POOL = ['a-anka-001', 'a-anka-002', 'a-anka-003', 'a-anka-004', 'a-anka-005'];
const LOCK_POOL = ['serial', 'hostname', 'os', 'model', 'room'];
const ASSIGNEES = [null, 'u-tech', 'u-tech2', 'u-sup'];

/**
 * A random edit of a live document as a person would make it in the app (valid for the schema and
 * the status machine, seen from the local replica), with `updatedAt` from the device clock.
 * Text values are unique per edit, so "present" can never be a coincidence.
 */
export function randomEdit(random: Random, collection: 'tickets' | 'assets', current: Doc, tag: string, now: string): { next: Doc; edits: Omit<Edit, 'order' | 'client'>[] } | null {
  const base = { collection, docId: current.id };
  const set = (key: string, value: unknown) => ({ next: setKey(current, key, value), edit: { ...base, key, op: 'set' as const, value, before: valueOf(current, key) } });
  const choice = random.next();
  let result: { next: Doc; edit: Omit<Edit, 'order' | 'client'> };
  if (collection === 'tickets') {
    if (choice < 0.22) result = set('title', `Başlık ${tag}`);
    else if (choice < 0.34) result = set('description', `${String(current['description'])} Not ${tag}.`.trim().slice(-2000));
    else if (choice < 0.5) {
      const from = current['status'] as TicketStatus;
      const options = allowedTransitions(from).filter((to) => !['closed', 'cancelled'].includes(to) || random.chance(0.15));
      if (options.length === 0) return null;
      const status = random.pick(options);
      result = set('status+waitingReason', { status, waitingReason: status === 'waiting' ? random.pick(WAITING_REASONS) : null });
    } else if (choice < 0.62) {
      const urgency = random.int(1, 3) as Level;
      const impact = random.int(1, 3) as Level;
      result = set('priority+urgency+impact', { priority: priorityOf(urgency, impact), urgency, impact });
    } else if (choice < 0.72) result = set('assigneeId', random.pick(ASSIGNEES));
    else {
      const list = current['assetIds'] as string[];
      const element = random.pick(ASSET_POOL);
      const op = list.includes(element) ? ('remove' as const) : ('add' as const);
      const next = op === 'add' ? [...list, element] : list.filter((item) => item !== element);
      result = { next: { ...current, assetIds: next }, edit: { ...base, key: 'assetIds', op, value: element, before: list } };
    }
  } else {
    if (choice < 0.2) result = set('room', `Oda ${tag}`);
    else if (choice < 0.35) result = set('hostname', `pc-${tag}`.toLowerCase().replace(/[^a-z0-9-]/g, '-'));
    else if (choice < 0.5) result = set('os', `Windows 11 ${tag}`);
    else if (choice < 0.65) result = set('state', random.pick(ASSET_STATES));
    else if (choice < 0.95) {
      const list = current['lockedFields'] as string[];
      const element = random.pick(LOCK_POOL);
      const op = list.includes(element) ? ('remove' as const) : ('add' as const);
      const next = op === 'add' ? [...list, element] : list.filter((item) => item !== element);
      result = { next: { ...current, lockedFields: next }, edit: { ...base, key: 'lockedFields', op, value: element, before: list } };
    } else {
      result = { next: { ...current, _deleted: true }, edit: { ...base, key: '_deleted', op: 'set', value: true, before: false } };
    }
  }
  if (JSON.stringify(valueOf(result.next, result.edit.key)) === JSON.stringify(result.edit.before) && result.edit.op === 'set') return null;
  return { next: { ...result.next, updatedAt: now }, edits: [result.edit] };
}
