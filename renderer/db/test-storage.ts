import { addRxPlugin, wrappedValidateStorageFactory, type RxStorage } from 'rxdb';
import { RxDBDevModePlugin, disableWarnings } from 'rxdb/plugins/dev-mode';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import type { JsonSchema } from '../../common/schemas/json-schema.js';
import { validateAgainst } from '../../common/validation/validate.js';

/**
 * Tests only: memory storage checked by dev-mode and by the same JSON-schema validator the server
 * uses (dev-mode refuses storages without a validator). Never imported by app code.
 */
const withValidation = wrappedValidateStorageFactory((schema) => {
  // Dev-mode deep-freezes schemas; the validator annotates its schema, so it gets its own copy.
  const copy = structuredClone(schema) as unknown as JsonSchema;
  return (doc) => {
    const result = validateAgainst(copy, doc);
    return result.ok ? [] : [{ field: result.issue.path, message: result.issue.message }];
  };
}, 'cfworker');

let devMode = false;

// Unknown storage internals on purpose: callers only hand it to openDatabase.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function testStorage(): RxStorage<any, any> {
  if (!devMode) {
    disableWarnings();
    addRxPlugin(RxDBDevModePlugin);
    devMode = true;
  }
  return withValidation({ storage: getRxStorageMemory() });
}
