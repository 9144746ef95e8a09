import { ok, type Result } from '../../../common/errors.js';
import type { IpcError } from '../../../common/ipc/contract.js';
import type { CollectedInventory } from '../../../common/ipc/types.js';
import { summariseSystem } from '../hardware/summarise-system.js';
import type { SystemInformationLike } from '../hardware/system-information.js';
import { listInstalledSoftware, type RunCommand } from './list-software.js';

/** Bumped when the shape or meaning of a collection changes; stored with every collection. */
export const COLLECTOR_VERSION = '1.0.0';

export interface CollectDeps {
  readonly systemInformation: SystemInformationLike;
  readonly run: RunCommand;
  /** `process.platform` of the machine: decides which package list is read. */
  readonly platform: string;
  readonly now?: () => Date;
}

/**
 * One inventory collection: hardware summary and installed software, read in parallel. Used by
 * the `inventory.collect` IPC handler and by `npm run collect`, so both produce the same thing.
 */
export async function collectInventory(deps: CollectDeps, options: { includeSoftware: boolean }): Promise<Result<CollectedInventory, IpcError>> {
  const now = (deps.now ?? (() => new Date()))();
  const [summary, software] = await Promise.all([
    summariseSystem(deps.systemInformation, now),
    options.includeSoftware ? listInstalledSoftware(deps.platform, deps.run) : Promise.resolve({ software: [], gap: 'installed software: not requested' }),
  ]);
  if (!summary.ok) return summary;
  return ok({
    summary: summary.value,
    software: software.software,
    softwareGap: software.gap,
    collectedAt: now.toISOString(),
    collectorVersion: COLLECTOR_VERSION,
  });
}
