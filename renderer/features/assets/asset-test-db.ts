/** Test support only: an in-memory replica opened through the app's own openDatabase. */
import { addRxPlugin } from 'rxdb';
import { RxDBDevModePlugin, disableWarnings } from 'rxdb/plugins/dev-mode';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { wrappedValidateAjvStorage } from 'rxdb/plugins/validate-ajv';
import { openDatabase, type DeskDatabase } from '../../db/database.js';

let devModeAdded = false;
let counter = 0;

export async function openAssetTestDatabase(options: { devMode?: boolean } = {}): Promise<DeskDatabase> {
  const devMode = options.devMode ?? true;
  if (devMode && !devModeAdded) {
    disableWarnings();
    addRxPlugin(RxDBDevModePlugin);
    devModeAdded = true;
  }
  counter += 1;
  const storage = devMode ? wrappedValidateAjvStorage({ storage: getRxStorageMemory() }) : getRxStorageMemory();
  return openDatabase({ name: `assets-test-${counter}-${Date.now()}`, storage });
}
