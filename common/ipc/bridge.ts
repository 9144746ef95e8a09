import type { Invoke } from './contract.js';
import type { PdfDocumentSpec } from './pdf-document.js';
import type { NotifyRequest, SecretName } from './types.js';

/**
 * Builds `window.desktop` from an `invoke` function. The preload calls it with `ipcRenderer.invoke`;
 * browser end-to-end tests call it with a Playwright binding to the same main-process handlers.
 * The renderer's type for the bridge is derived from this function, so they cannot drift.
 */
export function buildDesktopBridge(invoke: Invoke) {
  return {
    app: {
      info: () => invoke('app.info', null),
    },
    system: {
      summary: () => invoke('system.summary', null),
    },
    inventory: {
      collect: (includeSoftware = true) => invoke('inventory.collect', { includeSoftware }),
    },
    pdf: {
      save: (document: PdfDocumentSpec, fileName: string) => invoke('pdf.save', { document, fileName }),
    },
    secrets: {
      status: () => invoke('secrets.status', null),
      get: (name: SecretName) => invoke('secrets.get', { name }),
      set: (name: SecretName, value: string) => invoke('secrets.set', { name, value }),
      delete: (name: SecretName) => invoke('secrets.delete', { name }),
    },
    notifications: {
      show: (request: NotifyRequest) => invoke('notify.show', { title: request.title, body: request.body, tag: request.tag }),
    },
  } as const;
}

export type DesktopBridge = ReturnType<typeof buildDesktopBridge>;
