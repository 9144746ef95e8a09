import { describe, expect, it } from 'vitest';
import { asset, collection } from './collection.test-helpers.js';
import { applyChanges, blankAsset, diffAsset, proposedValues, type CollectedField } from './diff.js';
import { normaliseSoftware, softwareFingerprint } from './software.js';

const NOW = new Date('2026-11-25T12:00:00.000Z');

describe('diff of a stored asset against a collection', () => {
  const stored = asset({
    id: 'a1',
    serial: 'PF3XK2L9',
    manufacturer: 'LENOVO',
    model: 'ThinkPad T14',
    hostname: 'anka-pc099',
    os: 'Windows 10 Pro',
    hardware: { cpu: 'Intel Core i5-1245U', memoryGb: 8, uuid: '4c8b7a21-2f5e-11b2-a85c-d3e1f0a4b6c2' },
    lockedFields: ['model'],
  });

  it('lists changed fields only, locked ones marked', () => {
    expect(diffAsset(stored, collection())).toEqual([
      { field: 'model', from: 'ThinkPad T14', to: '21AH00BUGE', locked: true },
      { field: 'hostname', from: 'anka-pc099', to: 'anka-pc001', locked: false },
      { field: 'os', from: 'Windows 10 Pro', to: 'Microsoft Windows 11 Pro 10.0.22631', locked: false },
      { field: 'hardware.memoryGb', from: 8, to: 16, locked: false },
      { field: 'hardware.diskGb', from: null, to: 512, locked: false },
      { field: 'hardware.bios', from: null, to: 'LENOVO R23ET65W', locked: false },
      { field: 'hardware.macs', from: null, to: ['8c:c6:81:2a:4f:b3'], locked: false },
      { field: 'hardware.virtual', from: null, to: false, locked: false },
      { field: 'software', from: null, to: softwareFingerprint(normaliseSoftware(collection().software)), locked: false },
    ]);
  });

  it('locking "hardware" locks every hardware field', () => {
    const changes = diffAsset({ ...stored, lockedFields: ['hardware'] }, collection());
    expect(changes.filter((change) => change.field.startsWith('hardware.')).every((change) => change.locked)).toBe(true);
    expect(changes.find((change) => change.field === 'hostname')?.locked).toBe(false);
  });

  it('never proposes what the machine did not report (junk, empty) — an empty value never wipes a stored one', () => {
    const machine = collection({ system: { serial: 'To be filled by O.E.M.', manufacturer: null, model: null, uuid: null }, network: [] });
    const fields = diffAsset(stored, machine).map((change) => change.field);
    expect(fields).not.toContain('serial');
    expect(fields).not.toContain('manufacturer');
    expect(fields).not.toContain('model');
    expect(fields).not.toContain('hardware.uuid');
    expect(fields).not.toContain('hardware.macs');
    expect(proposedValues(machine).serial).toBeUndefined();
  });

  it('a VM proposes no serial', () => {
    expect(proposedValues(collection({ system: { virtual: true, serial: 'VMware-56 4d' } })).serial).toBeUndefined();
  });

  it('no software list when it could not be read (an unread list never replaces a stored one)', () => {
    expect(proposedValues({ ...collection(), software: [], softwareGap: 'installed software: not requested' }).software).toBeUndefined();
  });

  it('compares the software list by fingerprint: the same list in another order is no change', () => {
    const machine = collection();
    const fingerprint = softwareFingerprint(normaliseSoftware(machine.software));
    const summary = { count: 3, fingerprint, snapshotId: 'e-1', collectedAt: '2026-11-01T09:00:00.000Z' };
    const same = diffAsset({ ...stored, software: summary }, { ...machine, software: [...machine.software].reverse() });
    expect(same.map((change) => change.field)).not.toContain('software');
  });
});

describe('applying accepted changes', () => {
  const stored = asset({ id: 'a1', serial: 'PF3XK2L9', model: 'ThinkPad T14', hostname: 'old', hardware: { note: 'kept' }, lockedFields: ['model'] });

  it('applies only accepted, unlocked changes and keeps other hardware keys', () => {
    const changes = diffAsset(stored, collection());
    const accepted = new Set<CollectedField>(['model', 'hostname', 'hardware.memoryGb']);
    const { asset: next, applied } = applyChanges(stored, changes, accepted, NOW);
    expect(applied.map((change) => change.field)).toEqual(['hostname', 'hardware.memoryGb']);
    expect(next.model).toBe('ThinkPad T14');
    expect(next.hostname).toBe('anka-pc001');
    expect(next.hardware).toEqual({ note: 'kept', memoryGb: 16 });
    expect(next.updatedAt).toBe(NOW.toISOString());
    expect(stored.hostname).toBe('old');
  });

  it('nothing accepted: the asset is returned unchanged', () => {
    const result = applyChanges(stored, diffAsset(stored, collection()), new Set(), NOW);
    expect(result.asset).toBe(stored);
    expect(result.applied).toEqual([]);
  });

  it('a new asset takes every reported value through the same path', () => {
    const blank = blankAsset({ id: 'new', contractId: 'c-anka', tag: ' ANKA-9001 ', type: 'notebook' }, NOW);
    const changes = diffAsset(blank, collection());
    const { asset: created } = applyChanges(blank, changes, new Set(changes.map((change) => change.field)), NOW);
    expect(created).toMatchObject({ tag: 'ANKA-9001', serial: 'PF3XK2L9', manufacturer: 'LENOVO', hostname: 'anka-pc001', state: 'in_use' });
    expect(created.hardware).toMatchObject({ uuid: '4c8b7a21-2f5e-11b2-a85c-d3e1f0a4b6c2', memoryGb: 16 });
    // The list is the command's job (it needs the snapshot event id); applyChanges leaves it alone.
    expect(created.software).toBeUndefined();
  });
});
