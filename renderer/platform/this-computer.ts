import type { IpcError } from '../../common/ipc/contract.js';
import type { AppInfo, SecretsStatus, SystemSummary } from '../../common/ipc/types.js';
import { getDesktop } from './desktop.js';

export type Loaded<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: IpcError | { code: 'INTERNAL'; message: string } };

export type ThisComputer =
  | { readonly available: false }
  | { readonly available: true; readonly summary: Loaded<SystemSummary>; readonly app: Loaded<AppInfo>; readonly secrets: Loaded<SecretsStatus> };

async function settle<T>(call: () => Promise<Loaded<T>>): Promise<Loaded<T>> {
  try {
    return await call();
  } catch (error) {
    return { ok: false, error: { code: 'INTERNAL', message: error instanceof Error ? error.message : String(error) } };
  }
}

/** Hardware, app and keyring facts from the desktop bridge; `available: false` in a plain browser. */
export async function loadThisComputer(): Promise<ThisComputer> {
  const desktop = getDesktop();
  if (!desktop) return { available: false };
  const [summary, app, secrets] = await Promise.all([
    settle(() => desktop.system.summary()),
    settle(() => desktop.app.info()),
    settle(() => desktop.secrets.status()),
  ]);
  return { available: true, summary, app, secrets };
}
