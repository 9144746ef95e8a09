import type { AppInfo } from '../../../common/ipc/types.js';

/** What the app knows about itself: Electron's `app` in the desktop build, package.json elsewhere. */
export interface AppIdentity {
  readonly name: string;
  readonly version: string;
  readonly packaged: boolean;
}

/** The parts of `process` the answer needs; `versions.electron` is absent outside Electron. */
export interface RuntimeInfo {
  readonly versions: Readonly<Record<string, string | undefined>>;
  readonly platform: string;
  readonly arch: string;
}

export function describeApp(identity: AppIdentity, runtime: RuntimeInfo): AppInfo {
  return {
    name: identity.name,
    version: identity.version,
    electron: runtime.versions['electron'] ?? null,
    chrome: runtime.versions['chrome'] ?? null,
    node: runtime.versions['node'] ?? 'unknown',
    platform: runtime.platform,
    arch: runtime.arch,
    packaged: identity.packaged,
  };
}
