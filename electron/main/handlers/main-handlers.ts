import { ok } from '../../../common/errors.js';
import type { IpcHandlers } from '../ipc/registry.js';
import { summariseSystem } from '../hardware/summarise-system.js';
import type { SystemInformationLike } from '../hardware/system-information.js';
import { collectInventory } from '../inventory/collect-inventory.js';
import { runCommand, type RunCommand } from '../inventory/list-software.js';
import type { SecretStore } from '../secrets/secret-store.js';
import { describeApp, type AppIdentity, type RuntimeInfo } from './app-info.js';
import { savePdf, type PdfSaveDeps } from './pdf-save.js';
import { createNotifyHandler, type NotificationApi } from './notify.js';

export interface MainHandlerDeps {
  /** Name, version, packaged flag: from Electron's `app`, or package.json in a browser test. */
  readonly app: AppIdentity;
  /** Defaults to this `process`; outside Electron `versions.electron` is absent and reported as null. */
  readonly runtime?: RuntimeInfo;
  /** The `systeminformation` module, or a recorded machine. */
  readonly systemInformation: SystemInformationLike;
  readonly secrets: SecretStore;
  readonly now?: () => Date;
  /** Runs the OS package-list commands (dpkg-query, rpm, reg, system_profiler); default: execFile. */
  readonly run?: RunCommand;
  /** Save dialog, folders and font for `pdf.save` (Electron's `dialog` in the app, a fake in tests). */
  readonly pdf: PdfSaveDeps;
  /** Electron's `Notification`; absent where there is none (the renderer then notifies in-app). */
  readonly notifications?: NotificationApi | null;
  /** Focuses the app window (a notification was clicked). */
  readonly focusApp?: () => void;
}

/** Every IPC channel's handler as a plain function of its dependencies (no Electron import). */
export function createMainHandlers(deps: MainHandlerDeps): IpcHandlers {
  const runtime = deps.runtime ?? process;
  const now = deps.now ?? (() => new Date());
  const notify = createNotifyHandler({ notifications: deps.notifications ?? null, ...(deps.focusApp ? { onClick: deps.focusApp } : {}) });
  return {
    'app.info': () => Promise.resolve(ok(describeApp(deps.app, runtime))),
    'system.summary': () => summariseSystem(deps.systemInformation, now()),
    'inventory.collect': ({ includeSoftware }) =>
      collectInventory({ systemInformation: deps.systemInformation, run: deps.run ?? runCommand, platform: runtime.platform, now }, { includeSoftware }),
    'pdf.save': ({ document, fileName }) => savePdf(deps.pdf, document, fileName),
    'secrets.status': async () => ok(await deps.secrets.status()),
    'secrets.get': ({ name }) => deps.secrets.get(name),
    'secrets.set': ({ name, value }) => deps.secrets.set(name, value),
    'secrets.delete': ({ name }) => deps.secrets.delete(name),
    'notify.show': (request) => notify(request),
  };
}
