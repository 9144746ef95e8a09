import { normalizeTag } from '../../../common/inventory/audit-tag.js';

/** The parts of a `KeyboardEvent` the buffer reads. `code`/`keyCode` are never read: they name key positions, not characters. */
export interface ScanKey {
  readonly key: string;
  readonly ctrlKey?: boolean;
  readonly altKey?: boolean;
  readonly metaKey?: boolean;
  readonly isComposing?: boolean;
  /** Milliseconds (DOMHighResTimeStamp of the event); used only to tell a scanner burst from typing. */
  readonly timeStamp: number;
}

export interface ScanCommit {
  /** The normalised tag (see `normalizeTag`). */
  readonly tag: string;
  /** What the keys produced, before normalisation (kept for the scanner self-test). */
  readonly raw: string;
  /** True when the characters came as a keyboard-wedge burst (mean gap under `burstGapMs`). */
  readonly burst: boolean;
  readonly durationMs: number;
}

/** What the caller should do with the event: `consumed`/`commit` → preventDefault; `ignored` → let it through. */
export type ScanKeyOutcome = 'consumed' | 'commit' | 'ignored';

export interface ScanBuffer {
  handleKey(event: ScanKey): ScanKeyOutcome;
  /** Text pasted or dropped: every non-empty line is a scan. */
  handleText(text: string, timeStamp: number): number;
  /** The characters typed since the last commit (for display). */
  text(): string;
  clear(): void;
}

export interface ScanBufferOptions {
  readonly onCommit: (commit: ScanCommit) => void;
  /** Scanners send a character every 1–15 ms; people rarely type faster than ~50 ms per key. */
  readonly burstGapMs?: number;
  readonly maxLength?: number;
}

/**
 * The keyboard-wedge core of the scan input, free of React and the DOM so it keeps up with any
 * burst: characters go into a plain array (never a state update per keystroke), and Enter or Tab
 * commits synchronously — no debounce, so two tags 5 ms apart stay two tags.
 *
 * A key counts as a character when `KeyboardEvent.key` is one code point: that is what the active
 * layout produced, so the buffer works on any layout. Ctrl or Meta shortcuts are ignored, but
 * Ctrl+Alt is AltGr on Windows (`@` on Turkish Q) and is a character.
 */
export function createScanBuffer(options: ScanBufferOptions): ScanBuffer {
  const burstGapMs = options.burstGapMs ?? 35;
  const maxLength = options.maxLength ?? 128;
  let chars: string[] = [];
  let firstAt = 0;
  let lastAt = 0;

  const reset = () => {
    chars = [];
    firstAt = 0;
    lastAt = 0;
  };

  const commit = (): boolean => {
    const raw = chars.join('');
    const tag = normalizeTag(raw);
    const count = chars.length;
    const durationMs = Math.max(0, lastAt - firstAt);
    reset();
    if (!tag) return false;
    const burst = count >= 4 && durationMs / (count - 1) < burstGapMs;
    options.onCommit({ tag, raw, burst, durationMs });
    return true;
  };

  return {
    handleKey(event) {
      if (event.isComposing) return 'ignored';
      if (event.key === 'Enter' || event.key === 'Tab') {
        // Tab on an empty buffer moves focus as usual; after characters it ends a scan.
        if (chars.length === 0) return event.key === 'Enter' ? 'consumed' : 'ignored';
        commit();
        return 'commit';
      }
      if (event.key === 'Backspace') {
        chars.pop();
        return 'consumed';
      }
      if (event.key === 'Escape') {
        reset();
        return 'consumed';
      }
      const altGr = event.ctrlKey === true && event.altKey === true;
      if ((event.ctrlKey === true && !altGr) || event.metaKey === true) return 'ignored';
      // 'Shift', 'Dead', 'ArrowLeft'… are names, not characters: more than one code point.
      if ([...event.key].length !== 1) return 'ignored';
      if (chars.length >= maxLength) return 'consumed';
      if (chars.length === 0) firstAt = event.timeStamp;
      lastAt = event.timeStamp;
      chars.push(event.key);
      return 'consumed';
    },
    handleText(text, timeStamp) {
      let committed = 0;
      for (const line of text.split(/[\r\n\t]+/)) {
        reset();
        for (const char of line) if (chars.length < maxLength) chars.push(char);
        firstAt = timeStamp;
        lastAt = timeStamp;
        if (commit()) committed += 1;
      }
      return committed;
    },
    text: () => chars.join(''),
    clear: reset,
  };
}
