import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fail, ok, type Result } from '../../../common/errors.js';
import type { IpcError } from '../../../common/ipc/contract.js';
import type { PdfDocumentSpec, PdfSaveResult } from '../../../common/ipc/pdf-document.js';
import { renderPdf, type PdfFonts } from '../pdf/render-pdf.js';

/** Electron's `dialog.showSaveDialog` as far as saving needs it; tests and the browser harness pass a fake. */
export type SaveDialog = (options: { title: string; defaultPath: string; filters: { name: string; extensions: string[] }[] }) => Promise<{ canceled: boolean; filePath?: string | undefined }>;

export interface PdfSaveDeps {
  readonly saveDialog: SaveDialog;
  /** Folder the dialog opens in (Documents in the app). */
  readonly defaultDir: string;
  /** Folder holding DejaVuSans.ttf and DejaVuSans-Bold.ttf (`assets/fonts`). */
  readonly fontDir: string;
  readonly writeFile?: (path: string, bytes: Uint8Array) => Promise<void>;
}

let fontCache: { dir: string; fonts: Promise<PdfFonts> } | null = null;

function loadFonts(dir: string): Promise<PdfFonts> {
  if (fontCache?.dir !== dir) {
    const fonts = Promise.all([readFile(join(dir, 'DejaVuSans.ttf')), readFile(join(dir, 'DejaVuSans-Bold.ttf'))]).then(([regular, bold]) => ({ regular, bold }));
    // A failed read is not cached: the next call tries again.
    fonts.catch(() => (fontCache = null));
    fontCache = { dir, fonts };
  }
  return fontCache.fonts;
}

/**
 * `pdf.save`: lays the document out first (so a broken document never opens a dialog), then asks
 * where to save it and writes it there. Cancelling the dialog is an answer, not an error.
 */
export async function savePdf(deps: PdfSaveDeps, document: PdfDocumentSpec, fileName: string): Promise<Result<PdfSaveResult, IpcError>> {
  let rendered: { bytes: Uint8Array; pages: number };
  try {
    rendered = await renderPdf(document, await loadFonts(deps.fontDir));
  } catch (error) {
    return fail({ code: 'INTERNAL', message: `The PDF could not be laid out: ${error instanceof Error ? error.message : String(error)}` });
  }
  const choice = await deps.saveDialog({
    title: document.title,
    defaultPath: join(deps.defaultDir, fileName),
    filters: [{ name: 'PDF', extensions: ['pdf'] }],
  });
  if (choice.canceled || !choice.filePath) return ok({ saved: false, path: null, pages: rendered.pages, bytes: rendered.bytes.length });
  const path = choice.filePath.toLowerCase().endsWith('.pdf') ? choice.filePath : `${choice.filePath}.pdf`;
  await (deps.writeFile ?? writeFile)(path, rendered.bytes);
  return ok({ saved: true, path, pages: rendered.pages, bytes: rendered.bytes.length });
}
