import { describe, expect, it } from 'vitest';
import {
  isJunkMac,
  isJunkSerial,
  isJunkUuid,
  normaliseMac,
  normalisePositive,
  normaliseReported,
  normaliseSerial,
  normaliseUuid,
} from './junk.js';

describe('junk hardware values', () => {
  it.each(['', '  ', '-', 'Default string', 'To be filled by O.E.M.', 'System Serial Number', 'Not Specified', 'None', '0000000000', 'FFFFFFFF', '00-00-00'])(
    'treats serial %j as junk',
    (value) => {
      expect(isJunkSerial(value)).toBe(true);
      expect(normaliseSerial(value)).toBeNull();
    },
  );

  it('keeps real serials, trimmed', () => {
    expect(isJunkSerial('PF3ABC12')).toBe(false);
    expect(normaliseSerial('  PF3ABC12 ')).toBe('PF3ABC12');
    expect(isJunkSerial(null)).toBe(true);
  });

  it('drops all-zero, all-F and shared-default UUIDs and lower-cases real ones', () => {
    expect(isJunkUuid('00000000-0000-0000-0000-000000000000')).toBe(true);
    expect(isJunkUuid('FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF')).toBe(true);
    expect(isJunkUuid('03000200-0400-0500-0006-000700080009')).toBe(true);
    expect(isJunkUuid('')).toBe(true);
    expect(normaliseUuid('4C4C4544-0042-3510-8052-B4C04F4D4E32')).toBe('4c4c4544-0042-3510-8052-b4c04f4d4e32');
  });

  it('drops empty and zero MACs and normalises separators', () => {
    expect(isJunkMac('00:00:00:00:00:00')).toBe(true);
    expect(isJunkMac('ff:ff:ff:ff:ff:ff')).toBe(true);
    expect(isJunkMac('')).toBe(true);
    expect(normaliseMac('8C-16-45-AA-BB-CC')).toBe('8c:16:45:aa:bb:cc');
  });

  it('normalises free text and numbers', () => {
    expect(normaliseReported(' LENOVO ')).toBe('LENOVO');
    expect(normaliseReported('Default string')).toBeNull();
    expect(normaliseReported(42)).toBeNull();
    expect(normalisePositive(0)).toBeNull();
    expect(normalisePositive(Number.NaN)).toBeNull();
    expect(normalisePositive(2.4)).toBe(2.4);
  });
});
