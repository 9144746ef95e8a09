import type { CollectedInventory } from '../../../common/ipc/types.js';
import { getDesktop } from '../../platform/desktop.js';

export type CollectOutcome =
  | { readonly ok: true; readonly value: CollectedInventory }
  | { readonly ok: false; readonly error: { readonly code: string; readonly message: string } };

/** Whether this window has the desktop bridge (Electron, or the e2e harness). */
export function canCollectHere(): boolean {
  return getDesktop() !== null;
}

/** Collects this computer through the main process; screens never touch the raw bridge. */
export async function collectThisComputer(): Promise<CollectOutcome> {
  const desktop = getDesktop();
  if (!desktop) return { ok: false, error: { code: 'NO_DESKTOP_BRIDGE', message: 'no desktop bridge' } };
  try {
    return await desktop.inventory.collect(true);
  } catch (error) {
    return { ok: false, error: { code: 'INTERNAL', message: error instanceof Error ? error.message : String(error) } };
  }
}
