import type { Asset } from '../schemas/assets.js';
import type { SoftwareEntry } from './software.js';

/**
 * Inventory reports, pure: one pass over the assets in view gives every grouping at once
 * (contract, site, type, state, model, OS), so the reports page reads the replica once per
 * filter and charts six tables from it. Software versions come from the assets' snapshots.
 */
export const ASSET_DIMENSIONS = ['contract', 'site', 'type', 'state', 'model', 'os'] as const;
export type AssetDimension = (typeof ASSET_DIMENSIONS)[number];

export interface CountRow {
  /** The grouped value ('' = none recorded). */
  readonly key: string;
  readonly count: number;
}

export type AssetCounts = { readonly total: number } & { readonly [D in AssetDimension]: readonly CountRow[] };

type ReportAsset = Pick<Asset, 'contractId' | 'siteId' | 'type' | 'state' | 'manufacturer' | 'model' | 'os'>;

function keyOf(asset: ReportAsset, dimension: AssetDimension): string {
  switch (dimension) {
    case 'contract':
      return asset.contractId;
    case 'site':
      return asset.siteId ?? '';
    case 'type':
      return asset.type;
    case 'state':
      return asset.state;
    case 'model':
      return `${asset.manufacturer} ${asset.model}`.trim();
    case 'os':
      return asset.os.trim();
  }
}

/** Largest first, then by key, so equal counts keep a stable order. */
function sorted(map: ReadonlyMap<string, number>): CountRow[] {
  return [...map].map(([key, count]) => ({ key, count })).sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

export function countAssets(assets: Iterable<ReportAsset>): AssetCounts {
  const maps = Object.fromEntries(ASSET_DIMENSIONS.map((dimension) => [dimension, new Map<string, number>()])) as Record<AssetDimension, Map<string, number>>;
  let total = 0;
  for (const asset of assets) {
    total += 1;
    for (const dimension of ASSET_DIMENSIONS) {
      const map = maps[dimension];
      const key = keyOf(asset, dimension);
      map.set(key, (map.get(key) ?? 0) + 1);
    }
  }
  return { total, ...(Object.fromEntries(ASSET_DIMENSIONS.map((dimension) => [dimension, sorted(maps[dimension])])) as Record<AssetDimension, CountRow[]>) };
}

/** The first `limit` rows and everything after them as one "other" row (charts stay readable). */
export function topWithOther(rows: readonly CountRow[], limit: number, otherKey: string): CountRow[] {
  if (rows.length <= limit) return [...rows];
  const rest = rows.slice(limit).reduce((sum, row) => sum + row.count, 0);
  return [...rows.slice(0, limit), { key: otherKey, count: rest }];
}

export interface SoftwareVersionRow {
  readonly product: string;
  readonly version: string;
  /** Assets with this version installed. */
  readonly count: number;
}

export interface SoftwareProductRow {
  readonly product: string;
  readonly publisher: string | null;
  /** Assets with any version installed. */
  readonly count: number;
  readonly versions: readonly { readonly version: string; readonly count: number }[];
}

/**
 * Assets per product and per version, from each asset's current snapshot. A product is its name
 * without case (`Google Chrome` and `google chrome` are one); the first spelling seen is shown.
 */
export function countSoftware(snapshots: Iterable<readonly SoftwareEntry[]>): SoftwareProductRow[] {
  type Version = { count: number; lastAsset: number };
  type Product = { product: string; publisher: string | null; count: number; lastAsset: number; versions: Map<string, Version> };
  const products = new Map<string, Product>();
  let assetIndex = 0;
  // Stamps instead of per-asset sets: a product or version counts once per asset, with no
  // allocation per installed package (50k assets × 150 programs is 7.5M entries).
  for (const entries of snapshots) {
    assetIndex += 1;
    for (const entry of entries) {
      const key = entry.name.toLowerCase();
      let product = products.get(key);
      if (!product) {
        product = { product: entry.name, publisher: entry.publisher, count: 0, lastAsset: 0, versions: new Map() };
        products.set(key, product);
      }
      if (product.lastAsset !== assetIndex) {
        product.lastAsset = assetIndex;
        product.count += 1;
      }
      let version = product.versions.get(entry.version);
      if (!version) {
        version = { count: 0, lastAsset: 0 };
        product.versions.set(entry.version, version);
      }
      if (version.lastAsset !== assetIndex) {
        version.lastAsset = assetIndex;
        version.count += 1;
      }
    }
  }
  return [...products.values()]
    .map((product) => ({
      product: product.product,
      publisher: product.publisher,
      count: product.count,
      versions: [...product.versions].map(([version, entry]) => ({ version, count: entry.count })).sort((a, b) => b.count - a.count || compareVersions(b.version, a.version)),
    }))
    .sort((a, b) => b.count - a.count || a.product.localeCompare(b.product));
}

/** Numeric-aware version order (`10.2` after `9.14`). */
export function compareVersions(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true });
}

/** Top `limit` products whose name or publisher contains `search` (any case), with their versions. */
export function topSoftware(rows: readonly SoftwareProductRow[], search: string, limit: number): SoftwareProductRow[] {
  const needle = search.trim().toLocaleLowerCase('tr');
  const matching = needle ? rows.filter((row) => `${row.product} ${row.publisher ?? ''}`.toLocaleLowerCase('tr').includes(needle)) : rows;
  return matching.slice(0, limit);
}

/** Flat product/version rows (the CSV and the version table). */
export function softwareVersionRows(rows: readonly SoftwareProductRow[]): SoftwareVersionRow[] {
  return rows.flatMap((row) => row.versions.map((version) => ({ product: row.product, version: version.version, count: version.count })));
}
