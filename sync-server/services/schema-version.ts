import type { CollectionName } from '../../common/schemas/collections.js';
import { schemaVersionOf } from '../../common/sync/protocol.js';
import { HttpError } from '../errors.js';

/**
 * The client names the schema version it was built with. Older → 426 with what to do (its data
 * stays local and safe); newer → 400, because a server must not accept shapes it cannot check.
 */
export function checkSchemaVersion(collection: CollectionName, given: unknown, serverVersion = schemaVersionOf(collection)): void {
  if (typeof given !== 'string' || !/^-?\d{1,6}$/.test(given)) {
    throw new HttpError('BAD_REQUEST', 'The "schema" query parameter (the collection schema version) is required.', {
      path: 'schema',
    });
  }
  const version = Number(given);
  if (version < serverVersion) {
    throw new HttpError(
      'CLIENT_OUTDATED',
      `This version of DeskOps is too old for the server (${collection} schema ${version}, server ${serverVersion}). ` +
        'Update the app to keep syncing; your local changes are kept until then.',
    );
  }
  if (version > serverVersion) {
    throw new HttpError(
      'BAD_REQUEST',
      `The server does not know ${collection} schema ${version} yet (it has ${serverVersion}); the server needs an update.`,
      { path: 'schema' },
    );
  }
}
