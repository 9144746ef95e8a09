import { describe, expect, it } from 'vitest';
import { assetSchema } from '../schemas/assets.js';
import { checkJsonShape, MAX_DOCUMENT_DEPTH } from './json-shape.js';
import { validateDocument } from './validate.js';

function nested(levels: number): unknown {
  let value: unknown = 1;
  for (let i = 0; i < levels; i++) value = { a: value };
  return value;
}

const asset = {
  id: 'a-1',
  contractId: 'c-1',
  tag: 'T-1',
  serial: '',
  type: 'notebook',
  manufacturer: '',
  model: '',
  siteId: '',
  room: '',
  assignedPersonId: null,
  state: 'in_use',
  hostname: '',
  os: '',
  hardware: { cpu: 'x', memoryGb: 16, disks: [{ sizeGb: 512 }] },
  lockedFields: [],
  updatedAt: '2026-11-25T10:00:00.000Z',
};

describe('checkJsonShape', () => {
  it('accepts ordinary documents', () => {
    expect(checkJsonShape(asset)).toBeNull();
    expect(checkJsonShape(nested(MAX_DOCUMENT_DEPTH - 1))).toBeNull();
  });

  it('names a number JSON cannot hold (JSON.parse("1e400") is Infinity)', () => {
    expect(checkJsonShape(JSON.parse('{"hardware":{"memoryGb":1e400}}'))).toEqual({ path: 'hardware.memoryGb', message: 'must be a finite number' });
    expect(checkJsonShape({ list: [1, Number.NaN] })?.path).toBe('list.1');
  });

  it('refuses deep nesting without overflowing its own stack, even a million levels', () => {
    expect(checkJsonShape(nested(MAX_DOCUMENT_DEPTH + 1))?.message).toBe(`is nested more than ${MAX_DOCUMENT_DEPTH} levels deep`);
    const deep = JSON.parse(`${'['.repeat(1_000_000)}1${']'.repeat(1_000_000)}`) as unknown;
    expect(checkJsonShape({ hardware: deep })?.message).toMatch(/nested more than/);
  });

  it('runs inside validateDocument, before the schema (which would accept both in a free-form field)', () => {
    expect(assetSchema.properties.hardware).toEqual({ type: 'object', additionalProperties: true });
    expect(validateDocument('assets', { ...asset, hardware: { memoryGb: Number.POSITIVE_INFINITY } })).toEqual({
      ok: false,
      issue: { path: 'hardware.memoryGb', message: 'must be a finite number' },
    });
    expect(validateDocument('assets', { ...asset, hardware: nested(40) })).toMatchObject({ ok: false, issue: { message: expect.stringMatching(/nested/) as unknown } });
    expect(validateDocument('assets', asset)).toEqual({ ok: true });
  });
});
