import type { ValidationIssue } from './validate.js';

/** How deep a document may nest (the document itself is level 0; real documents stay below 6). */
export const MAX_DOCUMENT_DEPTH = 32;

/**
 * What a JSON schema cannot say about a document, checked before it: every number is finite
 * (JSON text such as `1e400` parses to Infinity, which JSON cannot hold; it would be stored as
 * `null`, silently other than sent) and nothing nests deeper than `maxDepth` (a value thousands of
 * levels deep overflows the stack of every recursive step after parsing: serialising, comparing).
 * Walks with its own stack, so a hostile million-level value cannot overflow it here.
 */
export function checkJsonShape(value: unknown, maxDepth = MAX_DOCUMENT_DEPTH): ValidationIssue | null {
  const stack: { value: unknown; path: readonly string[] }[] = [{ value, path: [] }];
  for (let item = stack.pop(); item !== undefined; item = stack.pop()) {
    const { value: current, path } = item;
    if (typeof current === 'number' && !Number.isFinite(current)) return { path: path.join('.'), message: 'must be a finite number' };
    if (typeof current !== 'object' || current === null) continue;
    if (path.length >= maxDepth) return { path: path.join('.'), message: `is nested more than ${maxDepth} levels deep` };
    for (const [key, child] of Object.entries(current)) stack.push({ value: child, path: [...path, key] });
  }
  return null;
}
