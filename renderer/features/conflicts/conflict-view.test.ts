import { describe, expect, it } from 'vitest';
import { buildConflictRecords } from '../../../common/sync/merge/conflict-record.js';
import { describeValue, fieldLabel, sidesOf, visibleConflicts } from './conflict-view.js';

const messages: Record<string, string> = {
  'tickets.status.waiting': 'Waiting',
  'tickets.waiting.parts': 'Parts',
  'tickets.priority.2': 'P2 High',
  'tickets.field.title': 'Title',
  'tickets.field.urgency': 'Urgency',
};
const lookup = (key: string) => messages[key] ?? null;

function record(documentId: string, mergedAt: string, local: unknown) {
  const context = { collection: 'tickets' as const, documentId, contractId: 'c-1', localAuthorId: 'u-1', deviceId: 'd-1', mergedAt };
  const [built] = buildConflictRecords(context, [
    { field: 'title', fields: ['title'], rule: 'server', overruledSide: 'local', baseValue: 'Base', localValue: local, serverValue: 'Kept', keptValue: 'Kept' },
  ]);
  if (!built) throw new Error('no record');
  return built;
}

describe('conflict view', () => {
  it('filters by resolution and shows the newest merge first', () => {
    const old = record('t-1', '2026-11-25T09:00:00.000Z', 'A');
    const recent = record('t-2', '2026-11-25T10:00:00.000Z', 'B');
    const resolved = { ...record('t-3', '2026-11-25T11:00:00.000Z', 'C'), resolution: { action: 'dismissed' as const, by: 'u-sup', at: '2026-11-25T12:00:00.000Z' } };
    expect(visibleConflicts([old, resolved, recent], 'unresolved').map((r) => r.documentId)).toEqual(['t-2', 't-1']);
    expect(visibleConflicts([old, resolved, recent], 'resolved').map((r) => r.documentId)).toEqual(['t-3']);
    expect(visibleConflicts([old, resolved, recent], 'all')).toHaveLength(3);
  });

  it('unwraps the kept, overruled and base values', () => {
    expect(sidesOf(record('t-1', '2026-11-25T09:00:00.000Z', 'Mine'))).toEqual({ kept: 'Kept', overruled: 'Mine', base: 'Base' });
  });

  it('reads enums through the ticket messages, units as their members, the rest as JSON', () => {
    expect(describeValue('tickets', 'status+waitingReason', { status: 'waiting', waitingReason: 'parts' }, lookup, '—')).toBe('Waiting · Parts');
    expect(describeValue('tickets', 'priority+urgency+impact', { priority: 2, urgency: 1, impact: 2 }, lookup, '—')).toBe('P2 High · Urgency 1 · impact 2');
    expect(describeValue('tickets', 'assigneeId', null, lookup, '—')).toBe('—');
    expect(describeValue('contracts', 'sites', [{ id: 's' }], lookup, '—')).toBe('[\n  {\n    "id": "s"\n  }\n]');
    expect(fieldLabel('tickets', 'title', lookup)).toBe('Title');
  });
});

describe('conflict texts', () => {
  it('has every key in both languages', async () => {
    const { CONFLICTS_MESSAGES } = await import('./messages.js');
    expect(Object.keys(CONFLICTS_MESSAGES.tr).sort()).toEqual(Object.keys(CONFLICTS_MESSAGES.en).sort());
  });
});
