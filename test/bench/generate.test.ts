import { describe, expect, it } from 'vitest';
import { validateDocument } from '../../common/validation/validate.js';
import { createGenerator } from './generate.js';

describe('bench document generator', () => {
  it('makes documents that the shared validator accepts, ~1 KB each', () => {
    const generator = createGenerator({ seed: 7 });
    const docs = generator.mix(500);
    let bytes = 0;
    for (const { collection, doc } of docs) {
      expect(validateDocument(collection, doc), `${collection} ${doc.id}`).toEqual({ ok: true });
      bytes += JSON.stringify(doc).length;
    }
    const average = bytes / docs.length;
    expect(average).toBeGreaterThan(700);
    expect(average).toBeLessThan(1500);
    for (const doc of docs.slice(0, 50)) {
      if (doc.collection === 'events') continue;
      const edited = generator.edit(doc.doc as never, 0);
      expect(validateDocument(doc.collection, edited)).toEqual({ ok: true });
      expect(edited).not.toEqual(doc.doc);
    }
  });

  it('is deterministic for a seed and differs between seeds', () => {
    const a = JSON.stringify(createGenerator({ seed: 42 }).mix(200));
    const b = JSON.stringify(createGenerator({ seed: 42 }).mix(200));
    const c = JSON.stringify(createGenerator({ seed: 43 }).mix(200));
    expect(a).toBe(b);
    expect(c).not.toBe(a);
    expect(createGenerator({ seed: 42 }).asset(17)).toEqual(createGenerator({ seed: 42 }).assets(18)[17]);
  });
});
