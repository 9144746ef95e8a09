import { describe, expect, it } from 'vitest';
import { validateDocument } from '../validation/validate.js';

const event = (data: Record<string, unknown>) => ({
  id: 'e1',
  contractId: 'c-anka',
  subjectType: 'asset',
  subjectId: 'a1',
  type: 'asset.collected',
  at: '2026-11-25T10:00:00.000Z',
  authorId: 'u-tech',
  deviceId: 'd1',
  data,
});

const data = {
  created: false,
  rule: 'serial',
  confidence: 0.95,
  source: 'bridge',
  collectedAt: '2026-11-25T10:00:00.000Z',
  collectorVersion: '1.0.0',
  hostname: 'anka-pc001',
  softwareCount: 812,
  changes: [
    { field: 'hostname', from: 'old', to: 'anka-pc001' },
    { field: 'hardware.macs', from: null, to: ['8c:c6:81:2a:4f:b3'] },
    { field: 'hardware.memoryGb', from: 8, to: 16 },
  ],
  kept: ['model'],
};

describe('asset.collected event data', () => {
  it('is a known event type with a checked shape', () => {
    expect(validateDocument('events', event(data))).toEqual({ ok: true });
    expect(validateDocument('events', event({ ...data, rule: 'guess' }))).toMatchObject({ ok: false, issue: { path: 'data.rule' } });
    expect(validateDocument('events', event({ ...data, changes: [{ field: 'tag', from: 'a', to: 'b' }] }))).toMatchObject({ ok: false });
    expect(validateDocument('events', event({ ...data, extra: 1 }))).toMatchObject({ ok: false });
  });
});
