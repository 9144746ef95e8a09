import { describe, expect, it } from 'vitest';
import { HttpError } from '../errors.js';
import { decidePush } from '../store/doc-state.js';
import type { DocState } from '../store/store.js';
import { checkSchemaVersion } from './schema-version.js';

const state = (title: string, deleted = false): DocState => ({ body: { id: 'd', contractId: 'c', title }, deleted });

describe('decidePush', () => {
  it('follows the conflict rule with idempotent retries', () => {
    expect(decidePush(undefined, { assumed: null, next: state('a') })).toBe('insert');
    expect(decidePush(state('a'), { assumed: null, next: state('b') })).toBe('conflict');
    expect(decidePush(state('a'), { assumed: state('a'), next: state('b') })).toBe('write');
    expect(decidePush(state('a'), { assumed: state('x'), next: state('b') })).toBe('conflict');
    expect(decidePush(state('b'), { assumed: state('a'), next: state('b') })).toBe('noop');
    expect(decidePush(state('a'), { assumed: state('a', true), next: state('b') })).toBe('conflict');
  });
});

describe('checkSchemaVersion', () => {
  const codeOf = (run: () => void) => {
    try {
      run();
      return 'ok';
    } catch (error) {
      return error instanceof HttpError ? `${error.statusCode} ${error.code}` : 'other';
    }
  };

  it('accepts the same version, tells older clients to update and refuses newer or missing ones', () => {
    expect(codeOf(() => checkSchemaVersion('tickets', '2', 2))).toBe('ok');
    expect(codeOf(() => checkSchemaVersion('tickets', '1', 2))).toBe('426 CLIENT_OUTDATED');
    expect(codeOf(() => checkSchemaVersion('tickets', '3', 2))).toBe('400 BAD_REQUEST');
    expect(codeOf(() => checkSchemaVersion('tickets', undefined, 2))).toBe('400 BAD_REQUEST');
    expect(codeOf(() => checkSchemaVersion('tickets', '1.5', 2))).toBe('400 BAD_REQUEST');
  });
});
