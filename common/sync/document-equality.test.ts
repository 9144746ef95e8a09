import { describe, expect, it } from 'vitest';
import { deepEqual, sameDocumentState } from './document-equality.js';

describe('sameDocumentState', () => {
  it('ignores key order and RxDB bookkeeping', () => {
    const a = { id: 'x', n: { b: 1, a: [1, 2] }, _deleted: false, _rev: '1-a', _meta: { lwt: 1 } };
    const b = { n: { a: [1, 2], b: 1 }, id: 'x', _rev: '9-z', _attachments: {} };
    expect(sameDocumentState(a, b)).toBe(true);
  });

  it('sees a tombstone, a changed value, an extra field and array order', () => {
    expect(sameDocumentState({ id: 'x', _deleted: true }, { id: 'x', _deleted: false })).toBe(false);
    expect(sameDocumentState({ id: 'x', v: 1 }, { id: 'x', v: 2 })).toBe(false);
    expect(sameDocumentState({ id: 'x' }, { id: 'x', v: null })).toBe(false);
    expect(deepEqual([1, 2], [2, 1])).toBe(false);
  });
});
