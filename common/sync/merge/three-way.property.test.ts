import { describe, expect, it } from 'vitest';
import {
  DELIVERY_MODES,
  OUT_OF_SCOPE_REASONS,
  TICKET_CATEGORIES,
  TICKET_CHANNELS,
  TICKET_STATUSES,
  TICKET_TYPES,
  WAITING_REASONS,
} from '../../domain/vocabulary.js';
import { ticketSchema, type Ticket } from '../../schemas/tickets.js';
import { priorityOf } from '../../tickets/priority.js';
import { validateAgainst, validateDocument } from '../../validation/validate.js';
import type { WithDeleted } from '../protocol.js';
import { buildConflictRecords, conflictSchema } from './conflict-record.js';
import { deepEqual } from './deep-equal.js';
import { ruleOf } from './field-rules.js';
import { ticket } from './test-fixtures.js';
import { mergeThreeWay, type OverruledValue } from './three-way.js';

type Doc = WithDeleted<Ticket>;
type Rand = () => number;

/** mulberry32: a tiny seeded PRNG, so a failure names its seed and replays exactly. */
function prng(seed: number): Rand {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const pick = <T>(rand: Rand, items: readonly T[]): T => items[Math.floor(rand() * items.length)] as T;
const level = (rand: Rand) => pick(rand, [1, 2, 3] as const);

/** Small pools, so both sides often pick the same value and the "same change" path is exercised. */
const MUTATIONS: Readonly<Record<string, (rand: Rand) => Partial<Doc>>> = {
  title: (r) => ({ title: pick(r, ['Printer jams', 'Screen flickers', 'No network']) }),
  description: (r) => ({ description: pick(r, ['', 'Since Monday.', 'Only on the 2nd floor.']) }),
  requesterId: (r) => ({ requesterId: pick(r, [null, 'p-1', 'p-2']) }),
  siteId: (r) => ({ siteId: pick(r, [null, 's-1', 's-2']) }),
  assetIds: (r) => ({ assetIds: ['a-1', 'a-2', 'a-3', 'a-4', 'a-5'].filter(() => r() < 0.4).sort(() => r() - 0.5) }),
  category: (r) => ({ category: pick(r, TICKET_CATEGORIES) }),
  type: (r) => ({ type: pick(r, TICKET_TYPES) }),
  channel: (r) => ({ channel: pick(r, TICKET_CHANNELS) }),
  deliveryMode: (r) => ({ deliveryMode: pick(r, DELIVERY_MODES) }),
  assigneeId: (r) => ({ assigneeId: pick(r, [null, 'u-1', 'u-2']) }),
  outOfScopeReason: (r) => ({ outOfScopeReason: pick(r, [null, ...OUT_OF_SCOPE_REASONS]) }),
  ref: (r) => ({ ref: pick(r, ['ACME-261125-7KQ2', 'ACME-261125-9XZ3']) }),
  updatedAt: (r) => ({ updatedAt: pick(r, ['2026-11-25T10:00:00.000Z', '2026-11-25T11:00:00.000Z', '2026-11-25T13:30:00.000+02:00']) }),
  status: (r) => {
    const status = pick(r, TICKET_STATUSES);
    return { status, waitingReason: status === 'waiting' ? pick(r, WAITING_REASONS) : null };
  },
  priority: (r) => {
    const [urgency, impact] = [level(r), level(r)];
    return { urgency, impact, priority: priorityOf(urgency, impact) };
  },
  _deleted: (r) => ({ _deleted: r() < 0.5 }),
};

function mutate(rand: Rand, doc: Doc, probability: number): Doc {
  let next = structuredClone(doc);
  for (const mutation of Object.values(MUTATIONS)) if (rand() < probability) next = { ...next, ...mutation(rand) };
  return next;
}

const sameSet = (a: readonly unknown[], b: readonly unknown[]) => deepEqual([...a].sort(), [...b].sort());
const FIELDS = Object.keys(ticketSchema.properties);
const covers = (overruled: readonly OverruledValue[], field: string, side: 'local' | 'server') =>
  overruled.some((entry) => entry.fields.includes(field) && entry.overruledSide === side);
const valueAt = (doc: Readonly<Record<string, unknown>>, fields: readonly string[]) =>
  fields.length === 1 && fields[0] !== undefined ? doc[fields[0]] : Object.fromEntries(fields.map((f) => [f, doc[f]]));

/** Every edit of `side` to a field is in the merged document or in `overruled`. */
function expectNothingDropped(base: Doc | null, side: Doc, merged: Doc, overruled: readonly OverruledValue[], name: 'local' | 'server') {
  const [b, s, m] = [base as Record<string, unknown> | null, side as Record<string, unknown>, merged as Record<string, unknown>];
  for (const field of [...FIELDS, '_deleted']) {
    const rule = ruleOf('tickets', field);
    if (rule === 'max') continue; // timestamps are not edits; the later one is kept by design
    if (rule === 'union' && b !== null && Array.isArray(b[field]) && !covers(overruled, field, name)) {
      const [before, after, result] = [b[field] as unknown[], s[field] as unknown[], m[field] as unknown[]];
      for (const added of after.filter((x) => !before.includes(x))) expect(result, `${name} added ${String(added)}`).toContain(added);
      for (const removed of before.filter((x) => !after.includes(x))) expect(result, `${name} removed ${String(removed)}`).not.toContain(removed);
      continue;
    }
    // A set's order is not an edit: compare unions as sets.
    const same = (x: unknown, y: unknown) => (rule === 'union' ? sameSet(x as unknown[], y as unknown[]) : deepEqual(x, y));
    const edited = b === null || !same(s[field], b[field]);
    if (edited && !same(s[field], m[field])) expect(covers(overruled, field, name), `${name} ${field} dropped silently`).toBe(true);
  }
}

interface Case {
  readonly base: Doc;
  readonly knownBase: Doc | null;
  readonly local: Doc;
  readonly server: Doc;
}

function generate(rand: Rand): Case {
  const base = mutate(rand, ticket(), 0.5);
  const local = mutate(rand, base, 0.3);
  const server = mutate(rand, base, 0.3);
  return { base, local, server, knownBase: rand() < 0.85 ? base : null };
}

function checkCase({ base, knownBase, local, server }: Case) {
  const { merged, overruled } = mergeThreeWay('tickets', knownBase, local, server);

  expect(validateDocument('tickets', merged)).toEqual({ ok: true });
  expect(mergeThreeWay('tickets', knownBase, local, server)).toEqual({ merged, overruled });
  for (const field of FIELDS) {
    const [l, s, m] = [local[field as keyof Doc], server[field as keyof Doc], merged[field as keyof Doc]];
    if (ruleOf('tickets', field) === 'union') {
      for (const item of m as unknown[]) expect([...(l as unknown[]), ...(s as unknown[])]).toContain(item);
    } else {
      expect(deepEqual(m, l) || deepEqual(m, s), `${field} is neither side's value`).toBe(true);
    }
  }
  for (const entry of overruled) expect(entry.keptValue).toEqual(valueAt(merged, entry.fields));
  if (!(local._deleted && server._deleted)) {
    expectNothingDropped(knownBase, local, merged, overruled, 'local');
    expectNothingDropped(knownBase, server, merged, overruled, 'server');
  }

  const records = buildConflictRecords(
    { collection: 'tickets', documentId: merged.id, contractId: merged.contractId, localAuthorId: 'u-1', deviceId: 'd-1', mergedAt: '2026-11-26T08:00:00.000Z' },
    overruled,
  );
  for (const record of records) expect(validateAgainst(conflictSchema, record)).toEqual({ ok: true });
  expect(new Set(records.map((r) => r.id)).size).toBe(records.length);

  expect(mergeThreeWay('tickets', knownBase, local, local)).toEqual({ merged: local, overruled: [] });
  expect(mergeThreeWay('tickets', base, base, server)).toEqual({ merged: server, overruled: [] });
  expect(mergeThreeWay('tickets', base, local, base)).toEqual({ merged: local, overruled: [] });
}

describe('mergeThreeWay on random tickets', () => {
  it.each([1, 2, 3, 4])('seed %i: valid, from a side, nothing dropped silently, idempotent', (seed) => {
    const rand = prng(seed);
    for (let i = 0; i < 500; i++) {
      const input = generate(rand);
      try {
        checkCase(input);
      } catch (error) {
        throw new Error(`seed ${seed}, case ${i}: ${(error as Error).message}\n${JSON.stringify(input)}`);
      }
    }
  });
});
