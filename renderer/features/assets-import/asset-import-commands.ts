import type { AssetImportPlan } from '../../../common/inventory/csv-assets.js';
import type { Asset } from '../../../common/schemas/assets.js';
import type { DeskDatabase } from '../../db/database.js';

export type ImportOutcome =
  | { readonly ok: true; readonly written: number }
  | { readonly ok: false; readonly reason: 'has_issues' | 'nothing_to_import' | 'write_failed'; readonly message: string };

/**
 * Writes a planned import. A plan with issues writes NOTHING unless the user chose "only the
 * valid rows". Every row was checked before this runs, so a write failure is unexpected (e.g. an
 * id clash); then the rows that did go in are removed again, so a failed import leaves no half.
 */
export async function importPlannedAssets(db: DeskDatabase, plan: AssetImportPlan, validRowsOnly: boolean): Promise<ImportOutcome> {
  if (plan.issues.length > 0 && !validRowsOnly) {
    return { ok: false, reason: 'has_issues', message: `${plan.issues.length} problems: nothing imported` };
  }
  if (plan.valid.length === 0) return { ok: false, reason: 'nothing_to_import', message: 'no valid rows' };
  const docs: Asset[] = plan.valid.map((asset) => ({ ...asset, hardware: { ...asset.hardware }, lockedFields: [...asset.lockedFields] }));
  const { success, error } = await db.assets.bulkInsert(docs);
  if (error.length > 0) {
    await db.assets.bulkRemove(success.map((doc) => doc.primary));
    return { ok: false, reason: 'write_failed', message: error.map((entry) => `${entry.documentId}: ${entry.status}`).join(', ') };
  }
  return { ok: true, written: success.length };
}
