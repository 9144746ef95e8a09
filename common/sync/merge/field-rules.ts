import type { DocumentOf } from '../../schemas/document-types.js';

/**
 * How the three-way merge settles a field that BOTH sides changed to different values (a field
 * changed on one side only always takes that side, see three-way.ts).
 *
 * - `server`: keep the server's value; the other value goes into a conflict record. The default
 *   for free text and for anything a person decided as a whole, because it needs no knowledge of
 *   the value and the server is what every other replica already shows.
 * - `union`: sets (arrays with unique items); three-way set merge, see union.ts.
 * - `max`: timestamps; the later instant wins and nothing is recorded (a timestamp is bookkeeping,
 *   not somebody's decision).
 * - `rank` / `priority-min`: unit rules, see `MergeUnit`.
 */
export const FIELD_RULES = ['server', 'union', 'max'] as const;
export type FieldRule = (typeof FIELD_RULES)[number];

/**
 * Rules for fields that only make sense together and therefore merge as one unit: whichever side
 * wins takes ALL the unit's fields, so a ticket never ends up `in_progress` with the other side's
 * waiting reason, or with a priority that does not match its urgency × impact.
 *
 * - `rank`: ticket status by `STATUS_RANK`, the further status wins (a resolved ticket does not
 *   fall back to in progress because a laptop was offline); equal rank keeps the server's unit.
 * - `priority-min`: the side with the more urgent `priority` (lower number, P1 is most urgent)
 *   wins; equal keeps the server's. Overrating costs a little attention; underrating can miss an
 *   SLA target, so the safe side for SLA wins, and the lower rating is still recorded.
 */
export const UNIT_RULES = ['rank', 'priority-min'] as const;
export type UnitRule = (typeof UNIT_RULES)[number];

export type MergeRule = FieldRule | UnitRule;

/** What a conflict record can name as the rule that decided; deletion is settled apart from fields. */
export const DECIDING_RULES = [...FIELD_RULES, ...UNIT_RULES, 'edit-beats-delete'] as const;
export type DecidingRule = (typeof DECIDING_RULES)[number];

/** The collections people edit as state documents. Staff is server-written; events are immutable. */
export const MERGEABLE_COLLECTIONS = ['contracts', 'people', 'tickets', 'assets'] as const;
export type MergeableCollection = (typeof MERGEABLE_COLLECTIONS)[number];

export function isMergeable(collection: string): collection is MergeableCollection {
  return (MERGEABLE_COLLECTIONS as readonly string[]).includes(collection);
}

export type FieldOf<C extends MergeableCollection> = keyof DocumentOf<C> & string;

export interface MergeUnit<F extends string> {
  readonly rule: UnitRule;
  /** The first field decides (`status`, `priority`); the rest follow the winning side. */
  readonly fields: readonly [F, ...F[]];
}

export interface CollectionRules<C extends MergeableCollection> {
  /**
   * Every schema field, spelled out (the mapped type makes a new schema field without a rule a
   * compile error). Unit members carry their unit's rule.
   */
  readonly fields: { readonly [K in FieldOf<C>]-?: MergeRule };
  readonly units: readonly MergeUnit<FieldOf<C>>[];
}

export const MERGE_RULES = {
  contracts: {
    fields: {
      id: 'server',
      contractId: 'server',
      code: 'server',
      name: 'server',
      customerName: 'server',
      startsOn: 'server',
      endsOn: 'server',
      // Sites, SLA policy and calendar are each approved as a whole; a field-by-field mix of two
      // supervisors' versions would be a policy nobody agreed to.
      sites: 'server',
      slaPolicy: 'server',
      calendar: 'server',
      // A plain set: one supervisor adding "printer" and another adding "request" keeps both.
      coveredCategories: 'union',
      // Not unioned: two removals on two sides could leave it empty (the schema needs one mode).
      deliveryModes: 'server',
      updatedAt: 'max',
    },
    units: [],
  },
  people: {
    fields: {
      id: 'server',
      contractId: 'server',
      name: 'server',
      email: 'server',
      phone: 'server',
      department: 'server',
      siteId: 'server',
      updatedAt: 'max',
    },
    units: [],
  },
  tickets: {
    fields: {
      id: 'server',
      contractId: 'server',
      ref: 'server',
      title: 'server',
      description: 'server',
      requesterId: 'server',
      siteId: 'server',
      assetIds: 'union',
      category: 'server',
      type: 'server',
      channel: 'server',
      urgency: 'priority-min',
      impact: 'priority-min',
      priority: 'priority-min',
      deliveryMode: 'server',
      status: 'rank',
      waitingReason: 'rank',
      assigneeId: 'server',
      outOfScopeReason: 'server',
      createdAt: 'server',
      createdBy: 'server',
      updatedAt: 'max',
    },
    units: [
      { rule: 'rank', fields: ['status', 'waitingReason'] },
      { rule: 'priority-min', fields: ['priority', 'urgency', 'impact'] },
    ],
  },
  assets: {
    fields: {
      id: 'server',
      contractId: 'server',
      tag: 'server',
      serial: 'server',
      type: 'server',
      manufacturer: 'server',
      model: 'server',
      siteId: 'server',
      room: 'server',
      assignedPersonId: 'server',
      state: 'server',
      hostname: 'server',
      os: 'server',
      // One inventory snapshot; mixing two collections' halves would describe no real machine.
      hardware: 'server',
      // The summary of one software snapshot event; both snapshots stay in the asset's history.
      software: 'server',
      lockedFields: 'union',
      updatedAt: 'max',
    },
    units: [],
  },
} as const satisfies { readonly [C in MergeableCollection]: CollectionRules<C> };

/**
 * The rule for a top-level field. Keys the rules do not list (a field from a newer schema version,
 * say) fall back to `server`: it needs no knowledge of the value and still records what it drops.
 */
export function ruleOf(collection: MergeableCollection, field: string): MergeRule {
  const fields: Readonly<Record<string, MergeRule>> = MERGE_RULES[collection].fields;
  return Object.prototype.hasOwnProperty.call(fields, field) ? (fields[field] ?? 'server') : 'server';
}

/** The units of a collection with plain string field names, for code that walks documents. */
export function unitsOf(collection: MergeableCollection): readonly MergeUnit<string>[] {
  return MERGE_RULES[collection].units;
}
