/**
 * The slice of the `systeminformation` module the summary reads, with only the fields it uses, so
 * the real module fits as is and tests can hand in a recorded machine.
 */
export interface SystemInformationLike {
  system(): Promise<{ manufacturer: string; model: string; serial: string; uuid: string; virtual: boolean }>;
  bios(): Promise<{ vendor: string; version: string; releaseDate: string }>;
  cpu(): Promise<{ manufacturer: string; brand: string; cores: number; physicalCores: number; speed: number }>;
  mem(): Promise<{ total: number }>;
  osInfo(): Promise<{ platform: string; distro: string; release: string; kernel: string; arch: string; hostname: string }>;
  uuid(): Promise<{ os: string; hardware: string }>;
  diskLayout(): Promise<readonly { name: string; type: string; size: number; serialNum: string; vendor?: string }[]>;
  networkInterfaces(): Promise<
    readonly { iface: string; mac: string; ip4: string; internal: boolean; virtual: boolean; type?: string }[]
  >;
}
