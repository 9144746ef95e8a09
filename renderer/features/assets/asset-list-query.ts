import type { MangoQuery, MangoQuerySelector } from 'rxdb';
import { ASSET_STATES, ASSET_TYPES, type AssetState, type AssetType } from '../../../common/domain/vocabulary.js';
import type { Asset } from '../../../common/schemas/assets.js';

export interface AssetListFilters {
  readonly contractId: string | null;
  readonly siteId: string | null;
  readonly type: AssetType | null;
  readonly state: AssetState | null;
  /** Contains, any case. */
  readonly model: string;
  readonly os: string;
  /** Tag or serial (contains, any case) or the assigned person's name (ids found first). */
  readonly search: string;
}

export const EMPTY_FILTERS: AssetListFilters = { contractId: null, siteId: null, type: null, state: null, model: '', os: '', search: '' };
export const ASSET_PAGE_SIZE = 50;

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function contains(text: string) {
  return { $regex: escapeRegex(text.trim()), $options: 'i' };
}

/**
 * The RxDB selector. Site, contract, state and type are equalities an asset index leads with
 * (see `listIndex`); the rest narrows what that index range returns. Free text becomes an `$or`
 * over tag, serial and the people whose names matched.
 */
export function assetSelector(filters: AssetListFilters, personIds: readonly string[] = []): MangoQuerySelector<Asset> {
  const selector: MangoQuerySelector<Asset> = {};
  if (filters.contractId) selector.contractId = filters.contractId;
  if (filters.type) selector.type = filters.type;
  if (filters.state) selector.state = filters.state;
  if (filters.siteId) selector.siteId = filters.siteId;
  if (filters.model.trim()) selector.model = contains(filters.model);
  if (filters.os.trim()) selector.os = contains(filters.os);
  const term = filters.search.trim();
  if (term) {
    const or: MangoQuerySelector<Asset>[] = [{ tag: contains(term) }, { serial: contains(term) }];
    if (personIds.length > 0) or.push({ assignedPersonId: { $in: [...personIds] } });
    selector.$or = or;
  }
  return selector;
}

type ListIndex = readonly ['siteId' | 'contractId' | 'state' | 'type', 'tag'] | readonly ['tag'];

/**
 * The index a page is read from: the most selective equality filter that has a `[field, tag]`
 * index (a site holds fewer assets than its contract, a contract fewer than a state across all),
 * so the page is one range of that index in tag order and nothing is sorted in memory.
 */
export function listIndex(filters: AssetListFilters): ListIndex {
  if (filters.siteId) return ['siteId', 'tag'];
  if (filters.contractId) return ['contractId', 'tag'];
  if (filters.state) return ['state', 'tag'];
  if (filters.type) return ['type', 'tag'];
  return ['tag'];
}

/** One page sorted by tag, on the index `listIndex` picks (named, so the planner cannot choose another). */
export function assetQuery(filters: AssetListFilters, page: number, personIds: readonly string[] = []): MangoQuery<Asset> {
  const index = listIndex(filters);
  const sort = index.map((field) => ({ [field]: 'asc' as const })) as MangoQuery<Asset>['sort'];
  return { selector: assetSelector(filters, personIds), sort, index: [...index], skip: page * ASSET_PAGE_SIZE, limit: ASSET_PAGE_SIZE };
}

/** The count of the same filters, on the same index (RxDB counts an index range without sorting). */
export function assetCountQuery(filters: AssetListFilters, personIds: readonly string[] = []): MangoQuery<Asset> {
  return { selector: assetSelector(filters, personIds), index: [...listIndex(filters)] };
}

export function filtersFromParams(params: URLSearchParams): AssetListFilters {
  const type = params.get('type');
  const state = params.get('state');
  return {
    contractId: params.get('contract') || null,
    siteId: params.get('site') || null,
    type: (ASSET_TYPES as readonly string[]).includes(type ?? '') ? (type as AssetType) : null,
    state: (ASSET_STATES as readonly string[]).includes(state ?? '') ? (state as AssetState) : null,
    model: params.get('model') ?? '',
    os: params.get('os') ?? '',
    search: params.get('q') ?? '',
  };
}

export function filtersToParams(filters: AssetListFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.contractId) params.set('contract', filters.contractId);
  if (filters.siteId) params.set('site', filters.siteId);
  if (filters.type) params.set('type', filters.type);
  if (filters.state) params.set('state', filters.state);
  if (filters.model) params.set('model', filters.model);
  if (filters.os) params.set('os', filters.os);
  if (filters.search) params.set('q', filters.search);
  return params;
}
