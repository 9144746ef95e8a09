import type { CollectedInventory } from '../ipc/types.js';
import { normaliseMac, normaliseSerial, normaliseUuid } from './junk.js';

/** What identifies a collected machine, with junk already dropped (see junk.ts). */
export interface MachineIdentity {
  /** Null when junk or when the machine is virtual (a VM's serial is a hypervisor default). */
  readonly serial: string | null;
  readonly uuid: string | null;
  /** Physical adapters only, lower case with colons. */
  readonly macs: readonly string[];
  readonly hostname: string | null;
  readonly virtual: boolean;
}

export function identityOf(collection: Pick<CollectedInventory, 'summary'>): MachineIdentity {
  const { summary } = collection;
  const virtual = summary.system.virtual;
  const macs = summary.network.flatMap((net) => {
    const mac = net.virtual ? null : normaliseMac(net.mac);
    return mac ? [mac] : [];
  });
  const hostname = summary.hostname.trim();
  return {
    serial: virtual ? null : normaliseSerial(summary.system.serial),
    uuid: normaliseUuid(summary.system.uuid),
    macs: [...new Set(macs)],
    hostname: hostname === '' ? null : hostname,
    virtual,
  };
}

/** Serials compare without case and surrounding blanks; a junk serial never equals anything. */
export function sameSerial(a: unknown, b: string | null): boolean {
  const left = normaliseSerial(a);
  return left !== null && b !== null && left.toUpperCase() === b.toUpperCase();
}

export function sameHostname(a: unknown, b: string | null): boolean {
  return typeof a === 'string' && a.trim() !== '' && b !== null && a.trim().toLowerCase() === b.toLowerCase();
}
