/**
 * Contract documents written with an older schema version, brought to the current one. The client
 * runs these as RxDB migration strategies on its replica; the server runs the same change in SQL
 * on its stored bodies (migration 4 in `sync-server/store/*migrations.ts`), and a test checks the
 * two give the same document, because RxDB assumes the server's and the client's copies agree.
 */

type Body = Record<string, unknown>;

function isObject(value: unknown): value is Body {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Schema 0 → 1: holidays were bare dates; they become `{ date, name: '' }` (names are typed later). */
export function migrateContractToV1(doc: Body): Body {
  const calendar = doc['calendar'];
  if (!isObject(calendar) || !Array.isArray(calendar['holidays'])) return doc;
  const holidays = (calendar['holidays'] as unknown[]).map((entry) => (typeof entry === 'string' ? { date: entry, name: '' } : entry));
  return { ...doc, calendar: { ...calendar, holidays } };
}

/** RxDB's `migrationStrategies` shape: target version → strategy. */
export const CONTRACT_MIGRATIONS: Readonly<Record<number, (doc: Body) => Body>> = {
  1: migrateContractToV1,
};
