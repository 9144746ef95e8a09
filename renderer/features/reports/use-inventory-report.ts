import { useEffect, useMemo, useState } from 'react';
import { debounceTime } from 'rxjs';
import { countAssets, type AssetCounts } from '../../../common/inventory/reports.js';
import { SoftwareIndex } from '../../../common/inventory/software-index.js';
import type { Asset } from '../../../common/schemas/assets.js';
import { useDatabase } from '../../app/database-context.js';
import type { DeskDatabase } from '../../db/database.js';

export interface ReportFilters {
  readonly contractId: string | null;
  readonly siteId: string | null;
}

type ReportAsset = Pick<Asset, 'id' | 'contractId' | 'siteId' | 'type' | 'state' | 'manufacturer' | 'model' | 'os' | 'software'>;

/** The assets in view, read once per filter on the index that leads with it (site, then contract). */
async function loadAssets(db: DeskDatabase, filters: ReportFilters): Promise<ReportAsset[]> {
  const query = filters.siteId
    ? db.assets.find({ selector: { siteId: filters.siteId, ...(filters.contractId ? { contractId: filters.contractId } : {}) }, index: ['siteId', 'tag'] })
    : filters.contractId
      ? db.assets.find({ selector: { contractId: filters.contractId }, index: ['contractId', 'tag'] })
      : db.assets.find();
  const docs = await query.exec();
  // Only what the report needs (hardware and the rest are dropped right away).
  return docs.map((doc) => ({ id: doc.id, contractId: doc.contractId, siteId: doc.siteId, type: doc.type, state: doc.state, manufacturer: doc.manufacturer, model: doc.model, os: doc.os, software: doc.software }));
}

/**
 * Counts of the assets in view. Not a live query: 50k documents re-emitted on every synced change
 * would re-count all the time. It reloads when the filter changes and 2 s after the assets
 * collection last changed.
 */
export function useAssetReport(filters: ReportFilters): { assets: ReportAsset[]; counts: AssetCounts | null; loading: boolean } {
  const db = useDatabase();
  const [state, setState] = useState<{ key: string; assets: ReportAsset[] } | null>(null);
  const [version, setVersion] = useState(0);
  const key = `${filters.contractId ?? ''}|${filters.siteId ?? ''}|${version}`;
  useEffect(() => {
    const subscription = db.assets.$.pipe(debounceTime(2000)).subscribe(() => setVersion((value) => value + 1));
    return () => subscription.unsubscribe();
  }, [db]);
  useEffect(() => {
    let cancelled = false;
    void loadAssets(db, filters).then((assets) => {
      if (!cancelled) setState({ key, assets });
    });
    return () => {
      cancelled = true;
    };
    // `key` carries the filter values and the reload counter.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [db, key]);
  const counts = useMemo(() => (state ? countAssets(state.assets) : null), [state]);
  return { assets: state?.assets ?? [], counts, loading: state?.key !== key };
}

/** One index for the session: snapshots are immutable, so what was decoded stays valid. */
const softwareIndex = new SoftwareIndex();
const CHUNK = 400;

/**
 * Software-version counts of the assets in view: their current snapshots are read by primary key
 * in chunks (yielding between them, so the page stays responsive), decoded once into the shared
 * index, then counted.
 */
export function useSoftwareReport(assets: readonly ReportAsset[]) {
  const db = useDatabase();
  const ids = useMemo(() => assets.flatMap((asset) => (asset.software ? [asset.software.snapshotId] : [])), [assets]);
  const [progress, setProgress] = useState({ done: 0, total: 0, ready: false, generation: 0 });
  useEffect(() => {
    let cancelled = false;
    const missing = ids.filter((id) => !softwareIndex.has(id));
    void (async () => {
      setProgress((old) => ({ done: 0, total: missing.length, ready: missing.length === 0, generation: old.generation + 1 }));
      for (let start = 0; start < missing.length && !cancelled; start += CHUNK) {
        const chunk = missing.slice(start, start + CHUNK);
        const events = await db.events.findByIds(chunk).exec();
        for (const [id, event] of events) softwareIndex.add(id, event.data);
        if (cancelled) return;
        setProgress((old) => ({ ...old, done: Math.min(missing.length, start + CHUNK) }));
        await new Promise((resolve) => setTimeout(resolve, 0));
      }
      if (!cancelled) setProgress((old) => ({ ...old, ready: true, generation: old.generation + 1 }));
    })();
    return () => {
      cancelled = true;
    };
  }, [db, ids]);
  // `generation` changes when more snapshots were decoded.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const rows = useMemo(() => (progress.ready ? softwareIndex.count(ids) : []), [ids, progress.ready, progress.generation]);
  return { rows, withSoftware: ids.length, progress };
}
