import { describe, expect, it } from 'vitest';
import { scopeFingerprint } from '../auth/permissions.js';
import { newTicketRef } from '../domain/ids.js';
import { decodeCheckpoint, encodeCheckpoint } from './protocol.js';

describe('checkpoint codec', () => {
  it('round-trips and stays URL-safe', () => {
    const checkpoint = { seq: 123456789, scope: scopeFingerprint(['c-b', 'c-a']) };
    const text = encodeCheckpoint(checkpoint);
    expect(text).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCheckpoint(text)).toEqual(checkpoint);
  });

  it('rejects what this server never issued', () => {
    expect(decodeCheckpoint('not base64 !')).toBeNull();
    expect(decodeCheckpoint(encodeCheckpoint({ seq: -1, scope: 'x' }))).toBeNull();
    expect(decodeCheckpoint(btoa(JSON.stringify({ seq: 1.5, scope: 'x' })))).toBeNull();
    expect(decodeCheckpoint(btoa(JSON.stringify({ seq: 1 })))).toBeNull();
  });
});

describe('scopeFingerprint', () => {
  it('ignores order and changes with the contract set', () => {
    expect(scopeFingerprint(['a', 'b'])).toBe(scopeFingerprint(['b', 'a']));
    expect(scopeFingerprint(['a', 'b'])).not.toBe(scopeFingerprint(['a']));
    expect(scopeFingerprint(['a', 'b'])).not.toBe(scopeFingerprint(['a', 'c']));
  });
});

describe('newTicketRef', () => {
  it('is made on the device from the contract code and date', () => {
    const ref = newTicketRef('ANKA', new Date('2026-11-25T10:00:00Z'));
    expect(ref).toMatch(/^ANKA-261125-[2-9A-HJ-NP-Z]{4}$/);
  });
});
