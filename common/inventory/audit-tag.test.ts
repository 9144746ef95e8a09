import { describe, expect, it } from 'vitest';
import { normalizeTag } from './audit-tag.js';

describe('normalizeTag', () => {
  it('keeps an ASCII tag as it is', () => {
    expect(normalizeTag('ANKA-NB-0042')).toBe('ANKA-NB-0042');
  });

  it('maps the Turkish i letters to ASCII I, whatever the layout produced', () => {
    expect(normalizeTag('ankı-nb-0042')).toBe('ANKI-NB-0042');
    expect(normalizeTag('ANKİ-NB-0042')).toBe('ANKI-NB-0042');
    expect(normalizeTag('anki-nb-0042')).toBe('ANKI-NB-0042');
    // Decomposed I + combining dot above (U+0307) is composed to İ first, then mapped.
    expect(normalizeTag('ANKI\u0307-NB')).toBe('ANKI-NB');
  });

  it('trims blanks and drops control characters a scanner may add', () => {
    expect(normalizeTag('  \u0002ANKA-1003\u0003\r\n')).toBe('ANKA-1003');
  });

  it('does not depend on the process locale (no toLocaleUpperCase)', () => {
    expect(normalizeTag('i')).toBe('I');
    expect(normalizeTag('i'.toLocaleUpperCase('tr'))).toBe('I');
  });
});
