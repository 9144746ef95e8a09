/**
 * How stored asset documents of an older schema version become the current one. Pure and
 * deterministic, because the same step runs in two places that must agree byte for byte:
 *
 * - on every device, as RxDB `migrationStrategies` when the app with the new schema opens an old
 *   replica (RxDB also runs them over its replication meta data, so the "assumed master state" of
 *   a change not yet pushed is migrated the same way and the push does not turn into a conflict);
 * - on the server, as store migration 2 (`sync-server/store/migrations.ts` and the PostgreSQL
 *   twin), which rewrites the stored bodies in place. Clients of the old version are refused with
 *   426 (`schemaVersionOf`), so nobody reads a stored body in the old shape after that.
 *
 * Adding a step: bump `assetSchema.version`, add the step here under the new version, the same
 * rewrite as a server store migration, and a case to asset-migrations.test.ts.
 */
type StoredDoc = Record<string, unknown>;

/** v0 → v1: `siteId` null ("no site") becomes '' so the field can be indexed. */
export function assetV0toV1(doc: StoredDoc): StoredDoc {
  return { ...doc, siteId: typeof doc['siteId'] === 'string' ? doc['siteId'] : '' };
}

/** RxDB's `migrationStrategies` of the assets collection: target version → step. */
export const ASSET_MIGRATION_STRATEGIES: Readonly<Record<number, (doc: StoredDoc) => StoredDoc>> = {
  1: assetV0toV1,
};

/** Runs a stored document of `fromVersion` through every later step (the server's test oracle). */
export function migrateAsset(doc: StoredDoc, fromVersion: number, toVersion: number): StoredDoc {
  let current = doc;
  for (let version = fromVersion + 1; version <= toVersion; version += 1) {
    const step = ASSET_MIGRATION_STRATEGIES[version];
    if (!step) throw new Error(`no asset migration to version ${version}`);
    current = step(current);
  }
  return current;
}
