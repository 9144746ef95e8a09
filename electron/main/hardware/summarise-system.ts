import { fail, ok, type Result } from '../../../common/errors.js';
import {
  normaliseMac,
  normalisePositive,
  normaliseReported,
  normaliseSerial,
  normaliseUuid,
} from '../../../common/inventory/junk.js';
import type { IpcError } from '../../../common/ipc/contract.js';
import type { SystemSummary } from '../../../common/ipc/types.js';
import type { SystemInformationLike } from './system-information.js';

type Settled<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly reason: string };

async function settle<T>(promise: Promise<T>): Promise<Settled<T>> {
  try {
    return { ok: true, value: await promise };
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message.split('\n', 1)[0] ?? '' : String(error) };
  }
}

/** Models and vendors that mean "this is not a physical box", even when the virtual flag is false. */
const VIRTUAL_HINT = /docker|container|virtual|vmware|kvm|qemu|hyper-v|virtualbox|xen|parallels|bochs|wsl/i;

/**
 * Reads the machine through `systeminformation` (all parts in parallel) and reports what it found,
 * turning placeholders into `null` and saying in `gaps` what could not be read, so a container
 * with empty SMBIOS tables and a real laptop both give an honest answer.
 */
export async function summariseSystem(si: SystemInformationLike, now: Date = new Date()): Promise<Result<SystemSummary, IpcError>> {
  const [os, system, bios, cpu, mem, ids, disks, nets] = await Promise.all([
    settle(si.osInfo()),
    settle(si.system()),
    settle(si.bios()),
    settle(si.cpu()),
    settle(si.mem()),
    settle(si.uuid()),
    settle(si.diskLayout()),
    settle(si.networkInterfaces()),
  ]);
  if (!os.ok) {
    return fail({ code: 'HARDWARE_UNAVAILABLE', message: `The operating system could not be read: ${os.reason}` });
  }

  const gaps: string[] = [];
  const missing = (what: string, settled: Settled<unknown>) => {
    if (!settled.ok) gaps.push(`${what}: could not be read (${settled.reason})`);
  };
  const report = <T>(what: string, value: T | null): T | null => {
    if (value === null) gaps.push(`${what}: not reported`);
    return value;
  };
  missing('system', system);
  missing('BIOS', bios);
  missing('processor', cpu);
  missing('memory', mem);
  missing('machine ids', ids);
  missing('disks', disks);
  missing('network', nets);

  const sys = system.ok ? system.value : null;
  const manufacturer = sys ? report('manufacturer', normaliseReported(sys.manufacturer)) : null;
  const model = sys ? report('model', normaliseReported(sys.model)) : null;
  const serial = sys ? report('serial number', normaliseSerial(sys.serial)) : null;
  const hardwareUuid = normaliseUuid(sys?.uuid) ?? (ids.ok ? normaliseUuid(ids.value.hardware) : null);
  if (sys || ids.ok) report('hardware UUID', hardwareUuid);
  const machineId = ids.ok ? report('OS machine id', normaliseUuid(ids.value.os)) : null;
  const virtual = (sys?.virtual ?? false) || VIRTUAL_HINT.test(`${sys?.model ?? ''} ${sys?.manufacturer ?? ''}`);

  const biosValue = {
    vendor: bios.ok ? normaliseReported(bios.value.vendor) : null,
    version: bios.ok ? normaliseReported(bios.value.version) : null,
    releaseDate: bios.ok ? normaliseReported(bios.value.releaseDate) : null,
  };
  if (bios.ok && biosValue.vendor === null && biosValue.version === null) gaps.push('BIOS: not reported');

  const speedGHz = cpu.ok ? report('processor speed', normalisePositive(cpu.value.speed)) : null;
  const totalBytes = mem.ok && mem.value.total > 0 ? mem.value.total : 0;
  if (mem.ok && totalBytes === 0) gaps.push('memory: not reported');

  const diskList = disks.ok
    ? disks.value.map((disk) => ({
        name: normaliseReported(disk.name) ?? normaliseReported(disk.vendor),
        type: normaliseReported(disk.type),
        sizeBytes: disk.size > 0 ? disk.size : 0,
        serial: normaliseSerial(disk.serialNum),
      }))
    : [];
  if (disks.ok && diskList.length === 0) gaps.push('disks: none reported (usual inside a container or virtual machine)');

  const network = nets.ok
    ? nets.value.map((net) => ({
        iface: net.iface,
        mac: normaliseMac(net.mac),
        ipv4: normaliseReported(net.ip4),
        virtual: net.virtual || net.internal,
      }))
    : [];
  if (nets.ok && !network.some((net) => !net.virtual && net.mac !== null)) gaps.push('network: no physical adapter with a MAC address');

  return ok({
    collectedAt: now.toISOString(),
    hostname: os.value.hostname,
    os: {
      platform: os.value.platform,
      distro: os.value.distro,
      release: os.value.release,
      kernel: os.value.kernel,
      arch: os.value.arch,
      machineId,
    },
    system: { manufacturer, model, serial, uuid: hardwareUuid, virtual },
    bios: biosValue,
    cpu: {
      manufacturer: cpu.ok ? normaliseReported(cpu.value.manufacturer) : null,
      brand: cpu.ok ? normaliseReported(cpu.value.brand) : null,
      cores: cpu.ok ? cpu.value.cores : 0,
      physicalCores: cpu.ok ? cpu.value.physicalCores : 0,
      speedGHz,
    },
    memory: { totalBytes },
    disks: diskList,
    network,
    gaps,
  });
}
