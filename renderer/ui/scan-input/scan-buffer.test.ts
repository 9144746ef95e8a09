import { describe, expect, it } from 'vitest';
import { createScanBuffer, type ScanCommit, type ScanKey } from './scan-buffer.js';

function collect() {
  const commits: ScanCommit[] = [];
  const buffer = createScanBuffer({ onCommit: (commit) => commits.push(commit) });
  return { commits, buffer };
}

/** The keydown events a keyboard-wedge scanner sends for `text` + Enter, `gap` ms apart. */
function keys(text: string, start: number, gap: number): ScanKey[] {
  const events = [...text].map((key, index) => ({ key, timeStamp: start + index * gap }));
  events.push({ key: 'Enter', timeStamp: start + text.length * gap });
  return events;
}

describe('createScanBuffer', () => {
  it('keeps up with a burst of 40 tags × 12 characters, 2 ms per key, nothing dropped or merged', () => {
    const { commits, buffer } = collect();
    const tags = Array.from({ length: 40 }, (_, i) => `ANKA-NB-${String(i).padStart(4, '0')}`);
    expect(tags.every((tag) => tag.length === 12)).toBe(true);
    let at = 1000;
    const outcomes: string[] = [];
    for (const tag of tags) {
      for (const event of keys(tag, at, 2)) outcomes.push(buffer.handleKey(event));
      at += 13 * 2 + 1; // next tag follows 1 ms after Enter
    }
    expect(commits.map((c) => c.tag)).toEqual(tags);
    expect(commits.every((c) => c.burst)).toBe(true);
    expect(outcomes.filter((o) => o === 'commit')).toHaveLength(40);
    expect(outcomes).not.toContain('ignored');
    expect(buffer.text()).toBe('');
  });

  it('reads characters from `key` only, so a Turkish layout still gives ASCII tags', () => {
    const { commits, buffer } = collect();
    // Turkish Q: the key that is `i` on US gives `ı`; Shift+i gives `İ`. `code` is absent on purpose.
    for (const event of keys('ankı-nb-0042', 0, 3)) buffer.handleKey(event);
    for (const event of keys('ANKİ-NB-0043', 100, 3)) buffer.handleKey(event);
    for (const event of keys('anki-nb-0044', 200, 3)) buffer.handleKey(event);
    expect(commits.map((c) => c.tag)).toEqual(['ANKI-NB-0042', 'ANKI-NB-0043', 'ANKI-NB-0044']);
    expect(commits[0]?.raw).toBe('ankı-nb-0042');
  });

  it('accepts AltGr characters (Ctrl+Alt) and ignores shortcuts and named keys', () => {
    const { commits, buffer } = collect();
    expect(buffer.handleKey({ key: 'Shift', timeStamp: 0 })).toBe('ignored');
    expect(buffer.handleKey({ key: 'A', timeStamp: 1 })).toBe('consumed');
    expect(buffer.handleKey({ key: 'v', ctrlKey: true, timeStamp: 2 })).toBe('ignored');
    expect(buffer.handleKey({ key: '@', ctrlKey: true, altKey: true, timeStamp: 3 })).toBe('consumed');
    expect(buffer.handleKey({ key: 'Dead', timeStamp: 4 })).toBe('ignored');
    expect(buffer.handleKey({ key: 'x', isComposing: true, timeStamp: 5 })).toBe('ignored');
    expect(buffer.handleKey({ key: 'B', timeStamp: 6 })).toBe('consumed');
    expect(buffer.handleKey({ key: 'Enter', timeStamp: 7 })).toBe('commit');
    expect(commits.map((c) => c.tag)).toEqual(['A@B']);
  });

  it('handles slow typing interleaved with scanner bursts, with Backspace and Tab', () => {
    const { commits, buffer } = collect();
    // A person types "ANKA-1O" (typo), corrects with Backspace, finishes with Tab: 180 ms per key.
    let at = 0;
    for (const key of ['a', 'n', 'k', 'a', '-', '1', 'O', 'Backspace', '0', '0', '3']) {
      buffer.handleKey({ key, timeStamp: at });
      at += 180;
    }
    expect(buffer.text()).toBe('anka-1003');
    expect(buffer.handleKey({ key: 'Tab', timeStamp: at })).toBe('commit');
    for (const event of keys('ANKA-1010', at + 500, 4)) buffer.handleKey(event);
    buffer.handleKey({ key: 'B', timeStamp: at + 2000 });
    buffer.handleKey({ key: 'Escape', timeStamp: at + 2200 });
    for (const event of keys('ANKA-1017', at + 3000, 150)) buffer.handleKey(event);
    expect(commits.map((c) => [c.tag, c.burst])).toEqual([
      ['ANKA-1003', false],
      ['ANKA-1010', true],
      ['ANKA-1017', false],
    ]);
  });

  it('lets Tab through on an empty buffer and swallows an empty Enter', () => {
    const { commits, buffer } = collect();
    expect(buffer.handleKey({ key: 'Tab', timeStamp: 0 })).toBe('ignored');
    expect(buffer.handleKey({ key: 'Enter', timeStamp: 1 })).toBe('consumed');
    buffer.handleKey({ key: ' ', timeStamp: 2 });
    buffer.handleKey({ key: 'Enter', timeStamp: 3 });
    expect(commits).toEqual([]);
  });

  it('commits every line of pasted text', () => {
    const { commits, buffer } = collect();
    expect(buffer.handleText('ANKA-1003\r\nankı-1010\n\nANKA-1017', 0)).toBe(3);
    expect(commits.map((c) => c.tag)).toEqual(['ANKA-1003', 'ANKI-1010', 'ANKA-1017']);
  });
});
