import { describe, expect, it } from 'vitest';
import { asset, collection } from './collection.test-helpers.js';
import { matchCollection } from './match.js';

const UUID = '4c8b7a21-2f5e-11b2-a85c-d3e1f0a4b6c2';

describe('matching a collection to stored assets', () => {
  it('rule 1: the serial wins, whatever the case or spaces', () => {
    const result = matchCollection(collection(), [asset({ id: 'a1', serial: ' pf3xk2l9 ', hostname: 'anka-pc001' }), asset({ id: 'a2', hostname: 'anka-pc001' })]);
    expect(result).toEqual({ assetId: 'a1', rule: 'serial', confidence: 0.95, alternatives: [], notes: [] });
  });

  it('rule 2: the hardware UUID (any case) when no serial matches', () => {
    const result = matchCollection(collection(), [asset({ id: 'a1', serial: 'OTHER1', hardware: { uuid: UUID.toUpperCase() } })]);
    expect(result).toMatchObject({ assetId: 'a1', rule: 'uuid', confidence: 0.9 });
  });

  it('rule 3: a physical MAC, never a virtual adapter’s', () => {
    expect(matchCollection(collection(), [asset({ id: 'a1', hardware: { macs: ['8C-C6-81-2A-4F-B3'] } })])).toMatchObject({ assetId: 'a1', rule: 'mac', confidence: 0.75 });
    expect(matchCollection(collection(), [asset({ id: 'a1', hardware: { macs: ['00:15:5d:6a:21:04'] } })])).toMatchObject({ assetId: null, rule: 'none' });
  });

  it('rule 4: the hostname, without case, at low confidence', () => {
    expect(matchCollection(collection(), [asset({ id: 'a1', hostname: 'ANKA-PC001' })])).toMatchObject({ assetId: 'a1', rule: 'hostname', confidence: 0.5 });
  });

  it('no rule finds anything: no asset, confidence 0', () => {
    expect(matchCollection(collection(), [asset({ id: 'a1', serial: 'X', hostname: 'other' })])).toEqual({
      assetId: null,
      rule: 'none',
      confidence: 0,
      alternatives: [],
      notes: [],
    });
    expect(matchCollection(collection(), [])).toMatchObject({ assetId: null, rule: 'none' });
  });

  it.each(['Default string', 'To be filled by O.E.M.', '0000000000', '00000000-0000', '  ', 'System Serial Number'])(
    'junk serial %j identifies nothing, on either side',
    (junk) => {
      const stored = [asset({ id: 'a1', serial: junk }), asset({ id: 'a2', serial: junk })];
      const result = matchCollection(collection({ system: { serial: junk, uuid: null }, network: [], hostname: '' }), stored);
      expect(result).toMatchObject({ assetId: null, rule: 'none', notes: [{ code: 'no_serial' }] });
      // A real serial on the machine never matches an asset whose stored serial is junk.
      expect(matchCollection(collection({ system: { serial: 'PF3XK2L9' } }), [asset({ id: 'a1', serial: junk })]).assetId).toBeNull();
    },
  );

  it('junk UUIDs and MACs identify nothing', () => {
    const machine = collection({
      system: { serial: null, uuid: '00000000-0000-0000-0000-000000000000' },
      network: [{ iface: 'eth0', mac: '00:00:00:00:00:00', ipv4: null, virtual: false }],
      hostname: '',
    });
    const stored = [asset({ id: 'a1', hardware: { uuid: '00000000-0000-0000-0000-000000000000', macs: ['00:00:00:00:00:00'] } })];
    expect(matchCollection(machine, stored)).toMatchObject({ assetId: null, rule: 'none' });
  });

  it('empty fields everywhere: nothing matches and nothing throws', () => {
    const machine = collection({ system: { serial: null, uuid: null, manufacturer: null, model: null }, network: [], hostname: '   ' });
    expect(matchCollection(machine, [asset({ id: 'a1' })])).toMatchObject({ assetId: null, rule: 'none' });
  });

  it('a serial shared by two records: proposes the one other ids agree with, lower confidence, says so', () => {
    const stored = [asset({ id: 'a1', serial: 'PF3XK2L9', hostname: 'old-name' }), asset({ id: 'a2', serial: 'PF3XK2L9', hardware: { uuid: UUID } })];
    const result = matchCollection(collection(), stored);
    expect(result.assetId).toBe('a2');
    expect(result.rule).toBe('serial');
    expect(result.confidence).toBeCloseTo(0.475);
    expect(result.alternatives).toEqual(['a1']);
    expect(result.notes).toContainEqual({ code: 'duplicate', rule: 'serial', count: 2 });
  });

  it('a serial shared by two records nothing else tells apart: no proposal, both as alternatives', () => {
    const stored = [asset({ id: 'a1', serial: 'PF3XK2L9' }), asset({ id: 'a2', serial: 'PF3XK2L9' })];
    expect(matchCollection(collection(), stored)).toEqual({
      assetId: null,
      rule: 'serial',
      confidence: 0,
      alternatives: ['a1', 'a2'],
      notes: [{ code: 'duplicate', rule: 'serial', count: 2 }],
    });
  });

  it('a renamed host is still the same machine: the serial decides and the rename is noted', () => {
    const stored = [asset({ id: 'a1', serial: 'PF3XK2L9', hostname: 'ANKA-PC099' }), asset({ id: 'a2', hostname: 'anka-pc001' })];
    const result = matchCollection(collection(), stored);
    expect(result).toMatchObject({ assetId: 'a1', rule: 'serial', confidence: 0.95 });
    expect(result.notes).toEqual([{ code: 'hostname_changed', from: 'ANKA-PC099', to: 'anka-pc001' }]);
  });

  it('a virtual machine is identified by its UUID; its serial (shared by clones) is ignored', () => {
    const vm = collection({ system: { serial: 'VMware-56 4d 1a 2b', uuid: '564d1a2b-aaaa-bbbb-cccc-123456789abc', virtual: true } });
    const stored = [
      asset({ id: 'clone', serial: 'VMware-56 4d 1a 2b' }),
      asset({ id: 'vm', serial: 'VMware-56 4d 1a 2b', hardware: { uuid: '564d1a2b-aaaa-bbbb-cccc-123456789abc' } }),
    ];
    const result = matchCollection(vm, stored);
    expect(result).toMatchObject({ assetId: 'vm', rule: 'uuid', confidence: 0.9, alternatives: [] });
    expect(result.notes).toContainEqual({ code: 'virtual_serial_ignored' });
  });
});
