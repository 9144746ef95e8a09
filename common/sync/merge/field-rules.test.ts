import { describe, expect, it } from 'vitest';
import { COLLECTIONS, COLLECTION_NAMES } from '../../schemas/collections.js';
import type { JsonSchema } from '../../schemas/json-schema.js';
import { isMergeable, MERGE_RULES, MERGEABLE_COLLECTIONS, ruleOf, UNIT_RULES, unitsOf } from './field-rules.js';

const propertiesOf = (collection: keyof typeof COLLECTIONS): Readonly<Record<string, JsonSchema>> => COLLECTIONS[collection].schema.properties;

describe('MERGE_RULES', () => {
  it('covers every state collection, and only those', () => {
    expect(COLLECTION_NAMES.filter(isMergeable)).toEqual([...MERGEABLE_COLLECTIONS]);
    // Staff is server-written and events never change: neither is ever merged.
    expect(isMergeable('staff')).toBe(false);
    expect(isMergeable('events')).toBe(false);
  });

  it.each(MERGEABLE_COLLECTIONS)('%s: names exactly the schema properties (a new field needs a decision)', (collection) => {
    expect(Object.keys(MERGE_RULES[collection].fields).sort()).toEqual(Object.keys(propertiesOf(collection)).sort());
  });

  it.each(MERGEABLE_COLLECTIONS)('%s: unit members carry their unit rule, and unit rules only live in units', (collection) => {
    const members = new Map<string, string>();
    for (const unit of unitsOf(collection)) {
      for (const field of unit.fields) {
        expect(members.has(field), `${field} is in two units`).toBe(false);
        members.set(field, unit.rule);
        expect(ruleOf(collection, field)).toBe(unit.rule);
      }
    }
    for (const [field, rule] of Object.entries(MERGE_RULES[collection].fields)) {
      if ((UNIT_RULES as readonly string[]).includes(rule)) expect(members.get(field), field).toBe(rule);
    }
  });

  it.each(MERGEABLE_COLLECTIONS)('%s: union fields are sets and max fields are instants', (collection) => {
    for (const [field, rule] of Object.entries(MERGE_RULES[collection].fields)) {
      const schema = propertiesOf(collection)[field];
      if (rule === 'union') expect([schema?.type, schema?.uniqueItems], field).toEqual(['array', true]);
      if (rule === 'max') expect(schema?.format, field).toBe('date-time');
    }
  });

  it('settles ticket status by rank with its waiting reason, and priority with urgency and impact', () => {
    expect(unitsOf('tickets')).toEqual([
      { rule: 'rank', fields: ['status', 'waitingReason'] },
      { rule: 'priority-min', fields: ['priority', 'urgency', 'impact'] },
    ]);
    expect(ruleOf('tickets', 'assetIds')).toBe('union');
    expect(ruleOf('assets', 'lockedFields')).toBe('union');
    expect(ruleOf('tickets', 'description')).toBe('server');
  });

  it('falls back to server for a field the rules do not know', () => {
    expect(ruleOf('tickets', 'fieldFromNewerSchema')).toBe('server');
    expect(ruleOf('people', 'toString')).toBe('server');
  });
});
