import { describe, expect, it } from 'vitest';
import { canonicalJson, deepEqual, sameDocumentState } from './deep-equal.js';
import { hash128 } from './stable-hash.js';

describe('deepEqual', () => {
  it('ignores object key order but not array order', () => {
    expect(deepEqual({ a: 1, b: { c: [1, 2], d: null } }, { b: { d: null, c: [1, 2] }, a: 1 })).toBe(true);
    expect(deepEqual([1, 2], [2, 1])).toBe(false);
  });

  it('treats an undefined-valued key as absent, like JSON does', () => {
    expect(deepEqual({ a: 1, b: undefined }, { a: 1 })).toBe(true);
    expect(deepEqual({ a: undefined }, { b: undefined })).toBe(true);
  });

  it('tells apart values that loose comparisons confuse', () => {
    expect(deepEqual(null, {})).toBe(false);
    expect(deepEqual([], {})).toBe(false);
    expect(deepEqual({ 0: 'a' }, ['a'])).toBe(false);
    expect(deepEqual(1, '1')).toBe(false);
    expect(deepEqual({ a: null }, { a: undefined })).toBe(false);
  });
});

describe('sameDocumentState', () => {
  it('ignores RxDB bookkeeping and counts a missing _deleted as false', () => {
    expect(sameDocumentState({ id: 'x', _deleted: false, _rev: '1-a', _meta: { lwt: 1 } }, { id: 'x', _attachments: {} })).toBe(true);
    expect(sameDocumentState({ id: 'x', _deleted: true }, { id: 'x', _deleted: false })).toBe(false);
    expect(sameDocumentState({ id: 'x', extra: 1 }, { id: 'x' })).toBe(false);
  });
});

describe('canonicalJson and hash128', () => {
  it('give equal text and hash for deep-equal values', () => {
    expect(canonicalJson({ b: [1, { y: 2, x: 1 }], a: 'é' })).toBe('{"a":"é","b":[1,{"x":1,"y":2}]}');
    expect(hash128(canonicalJson({ a: 1, b: 2 }))).toBe(hash128(canonicalJson({ b: 2, a: 1 })));
    expect(hash128('a')).toMatch(/^[0-9a-f]{32}$/);
    expect(hash128('a')).not.toBe(hash128('b'));
  });
});
