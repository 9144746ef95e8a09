/**
 * The app's renderer/db/database.ts as the bench sees it. renderer/ belongs to the web type-check
 * project, which the Node project (test/**) cannot import from (TS6307); the bench bundles the
 * real module through an esbuild alias (package.json `bench`, scenarios/browser.ts), and this
 * declaration states the part of its signature the bench relies on (callers name the collections).
 */
declare module 'deskops-renderer-db' {
  import type { RxCollection, RxDatabase, RxStorage } from 'rxdb';

  export function openDatabase<Collections extends Record<string, RxCollection>>(options: {
    name: string;
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    storage?: RxStorage<any, any>;
  }): Promise<RxDatabase<Collections>>;
}
