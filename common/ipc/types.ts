/** What the desktop bridge reports about the app and the machine it runs on. */
export interface AppInfo {
  readonly name: string;
  readonly version: string;
  readonly electron: string | null;
  readonly chrome: string | null;
  readonly node: string;
  readonly platform: string;
  readonly arch: string;
  readonly packaged: boolean;
}

/** A value the hardware reported, or `null` when it reported nothing usable (empty, "-", junk). */
export type Reported<T> = T | null;

export interface SystemSummary {
  readonly collectedAt: string;
  readonly hostname: string;
  readonly os: {
    readonly platform: string;
    readonly distro: string;
    readonly release: string;
    readonly kernel: string;
    readonly arch: string;
    /** The OS installation id (`/etc/machine-id`, Windows MachineGuid, macOS IOPlatformUUID). */
    readonly machineId: Reported<string>;
  };
  readonly system: {
    readonly manufacturer: Reported<string>;
    readonly model: Reported<string>;
    readonly serial: Reported<string>;
    readonly uuid: Reported<string>;
    readonly virtual: boolean;
  };
  readonly bios: { readonly vendor: Reported<string>; readonly version: Reported<string>; readonly releaseDate: Reported<string> };
  readonly cpu: {
    readonly manufacturer: Reported<string>;
    readonly brand: Reported<string>;
    readonly cores: number;
    readonly physicalCores: number;
    readonly speedGHz: Reported<number>;
  };
  readonly memory: { readonly totalBytes: number };
  readonly disks: readonly {
    readonly name: Reported<string>;
    readonly type: Reported<string>;
    readonly sizeBytes: number;
    readonly serial: Reported<string>;
  }[];
  readonly network: readonly {
    readonly iface: string;
    readonly mac: Reported<string>;
    readonly ipv4: Reported<string>;
    readonly virtual: boolean;
  }[];
  /** Things the collector could not read, in words (e.g. "disk layout: none reported"). */
  readonly gaps: readonly string[];
}

/** Where an installed-software entry was read from. */
export const SOFTWARE_SOURCES = ['dpkg', 'rpm', 'windows-registry', 'macos-applications'] as const;
export type SoftwareSource = (typeof SOFTWARE_SOURCES)[number];

export interface InstalledSoftware {
  readonly name: string;
  readonly version: string;
  readonly publisher: string | null;
  readonly source: SoftwareSource;
  /** `YYYY-MM-DD` when the OS records it (Windows InstallDate, rpm INSTALLTIME, macOS last change). */
  readonly installedOn?: string | null;
}

/**
 * One inventory collection of the machine the collector runs on: the hardware summary plus the
 * installed software. Produced by the `inventory.collect` channel and by `npm run collect`, so a
 * file written on a machine without the app imports through the same diff and apply path.
 */
export interface CollectedInventory {
  readonly summary: SystemSummary;
  readonly software: readonly InstalledSoftware[];
  /** Why the software list is empty or partial, in words; null when it was read. */
  readonly softwareGap: string | null;
  readonly collectedAt: string;
  readonly collectorVersion: string;
}

export const SECRET_NAMES = ['sync.refreshToken', 'db.key'] as const;
export type SecretName = (typeof SECRET_NAMES)[number];

export interface SecretsStatus {
  /** True when values are encrypted by an OS keychain (Keychain, DPAPI, libsecret, kwallet). */
  readonly protected: boolean;
  /** The backend Electron chose, e.g. `gnome_libsecret`, `basic_text`, `keychain`, `dpapi`. */
  readonly backend: string;
  /** Why secrets are not protected, in words, when they are not. */
  readonly reason: string | null;
}

/** An OS notification the renderer asks for (SLA warnings on the technician's own tickets). */
export interface NotifyRequest {
  readonly title: string;
  readonly body: string;
  /** What it is about, e.g. `sla:t-1:resolution:warning`: the same tag is shown once per app run. */
  readonly tag: string;
}

export interface NotifyResult {
  readonly shown: boolean;
  /** Why not: the OS has no notifications here, or this tag was already shown. */
  readonly reason: 'unsupported' | 'duplicate' | null;
}
