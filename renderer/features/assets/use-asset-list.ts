import type { Asset } from '../../../common/schemas/assets.js';
import type { Person } from '../../../common/schemas/people.js';
import { useDatabase } from '../../app/database-context.js';
import { useRxQuery } from '../../db/use-rx.js';
import { assetCountQuery, assetQuery, type AssetListFilters } from './asset-list-query.js';

/**
 * One page of assets and the total, both as RxDB queries (skip/limit on the sorted index range),
 * so a page costs the same over 50 or 50,000 records. People are searched only while a term is set.
 */
export function useAssetList(filters: AssetListFilters, page: number): { items: Asset[]; total: number; loading: boolean } {
  const db = useDatabase();
  const term = filters.search.trim();
  const { docs: people } = useRxQuery<Person>(
    () => (term.length >= 2 ? db.people.find({ selector: { name: { $regex: term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), $options: 'i' } }, limit: 200 }) : null),
    [db, term],
  );
  const personIds = people.map((person) => person.id);
  const key = JSON.stringify([filters, page, personIds]);
  const { docs: items, loading } = useRxQuery<Asset>(() => db.assets.find(assetQuery(filters, page, personIds)), [db, key]);
  const { docs: counts } = useRxQuery<number>(() => db.assets.count(assetCountQuery(filters, personIds)), [db, key]);
  return { items, total: counts[0] ?? 0, loading };
}
