/**
 * How a scanned or typed asset tag becomes the canonical tag that is stored and compared.
 *
 * Asset tags use an ASCII alphabet (`ANKA-NB-0042`). The same keys produce other characters on
 * other keyboard layouts, and the classic trap is Turkish: the key that prints `i` on a US layout
 * prints `ı` (dotless) on Turkish Q, Shift+i prints `İ` (dotted capital), and a locale-aware
 * upper-casing (`toLocaleUpperCase('tr')`) turns `i` into `İ`. None of those may break a tag, so:
 *
 * 1. Unicode NFC (a decomposed `I` + U+0307 becomes one `İ` first, so step 2 sees it);
 * 2. `ı`, `i`, `İ` → `I` explicitly (the only letters where Turkish differs from the default mapping);
 * 3. `String.prototype.toUpperCase()`, which uses the locale-independent Unicode default mapping
 *    (never `toLocaleUpperCase`);
 * 4. control characters (scanner prefixes/suffixes like STX/ETX) removed, surrounding blanks trimmed.
 *
 * What no normalisation can fix: a scanner that sends US key positions to a PC set to Turkish Q
 * types `*` where the tag has `-`. Set the scanner to the PC's layout (or its "keyboard
 * independent"/ALT-code mode); the scanner self-test screen is where people see this.
 */
export function normalizeTag(raw: string): string {
  return raw
    .normalize('NFC')
    .replace(/[ıiİ]/g, 'I')
    .toUpperCase()
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f]/g, '')
    .trim();
}
