import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { PdfDocumentSpec } from '../../../common/ipc/pdf-document.js';
import { pdfDocumentSchema } from '../../../common/ipc/pdf-document.js';
import { validateAgainst } from '../../../common/validation/validate.js';
import { savePdf, type SaveDialog } from './pdf-save.js';

const FONTS = resolve('assets/fonts');
const dirs: string[] = [];
afterAll(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

/** Text of every page, as a PDF reader extracts it (pdf.js, the engine of Firefox's viewer). */
async function pdfText(bytes: Uint8Array): Promise<string[]> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const pdf = await pdfjs.getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, isEvalSupported: false }).promise;
  const pages: string[] = [];
  for (let number = 1; number <= pdf.numPages; number += 1) {
    const content = await (await pdf.getPage(number)).getTextContent();
    pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join(' '));
  }
  await pdf.destroy();
  return pages;
}

const missing = Array.from({ length: 90 }, (_, i) => [`ANKA-${2000 + i}`, i % 2 ? 'Lenovo ThinkPad T14 Gen 4' : 'HP EliteDesk 800 G9 SFF', `Kat ${i % 5} / Muhasebe Şubesi Güney Çıkışı Oda ${i}`]);

const auditPdf: PdfDocumentSpec = {
  title: 'Sayım raporu · ANKA · Tuzla Depo',
  subtitle: 'Anka Lojistik A.Ş. · 25.11.2026 09:00 – 11:30',
  meta: [
    { label: 'Müşteri', value: 'Anka Lojistik A.Ş.' },
    { label: 'Sayımı yapan', value: 'Ayşe Yılmaz, Çağrı Öztürk, İlker Şahin' },
    { label: 'Sayılar', value: 'Beklenen 120 · Bulunan 30 · Kayıp 90' },
  ],
  sections: [
    { heading: 'Kayıp', table: { columns: [{ label: 'Etiket', width: 1 }, { label: 'Varlık', width: 2 }, { label: 'Kayıtlı konum', width: 2 }], rows: missing } },
    { heading: 'Başka yerde bulunan', empty: 'Yok.' },
    { heading: 'Onay', text: 'Yukarıdaki listeyi kontrol ettim.', signatures: ['Teknisyen', 'Müşteri yetkilisi'] },
  ],
  footer: 'DeskOps · sayım a-1',
  pageLabel: 'Sayfa {page} / {pages}',
  author: 'Ayşe Yılmaz',
  language: 'tr',
  createdAt: '2026-11-25T11:30:00.000Z',
};

describe('pdf.save', () => {
  it('lays out a multi-page document with Turkish text, repeats the table header, numbers the pages, and saves where the dialog says', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'deskops-pdf-'));
    dirs.push(dir);
    const asked: Parameters<SaveDialog>[0][] = [];
    const dialog: SaveDialog = (options) => {
      asked.push(options);
      return Promise.resolve({ canceled: false, filePath: join(dir, 'chosen') });
    };
    expect(validateAgainst(pdfDocumentSchema, auditPdf)).toEqual({ ok: true });
    const result = await savePdf({ saveDialog: dialog, defaultDir: '/home/ayse/Belgeler', fontDir: FONTS }, auditPdf, 'sayim-ANKA.pdf');
    if (!result.ok) throw new Error(result.error.message);
    expect(asked[0]).toMatchObject({ title: auditPdf.title, defaultPath: '/home/ayse/Belgeler/sayim-ANKA.pdf' });
    expect(result.value).toMatchObject({ saved: true, path: join(dir, 'chosen.pdf') });
    const bytes = new Uint8Array(await readFile(join(dir, 'chosen.pdf')));
    if (process.env['DESKOPS_KEEP_PDF']) await writeFile(process.env['DESKOPS_KEEP_PDF'], bytes);
    expect(bytes.length).toBe(result.value.bytes);
    // The subset font keeps the file small even with two faces embedded.
    expect(bytes.length).toBeLessThan(150_000);
    const pages = await pdfText(bytes);
    expect(pages.length).toBe(result.value.pages);
    expect(pages.length).toBeGreaterThan(1);
    const all = pages.join('\n');
    for (const phrase of ['Sayım raporu · ANKA · Tuzla Depo', 'Ayşe Yılmaz, Çağrı Öztürk, İlker Şahin', 'Muhasebe Şubesi Güney Çıkışı', 'Müşteri yetkilisi']) expect(all).toContain(phrase);
    for (const [tag] of missing) expect(all).toContain(tag);
    pages.forEach((text, index) => {
      expect(text).toContain(`Sayfa ${index + 1} / ${pages.length}`);
      // Every page the table continues on starts with its header.
      if (text.includes('ANKA-2')) expect(text).toMatch(/Etiket\s+Varlık\s+Kayıtlı konum/);
    });
    expect(pages.filter((text) => text.includes('ANKA-2')).length).toBeGreaterThan(1);
  });

  it('a cancelled dialog writes nothing and says so; a missing font fails before any dialog opens', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'deskops-pdf-'));
    dirs.push(dir);
    const cancelled = await savePdf({ saveDialog: () => Promise.resolve({ canceled: true }), defaultDir: dir, fontDir: FONTS }, auditPdf, 'x.pdf');
    expect(cancelled).toMatchObject({ ok: true, value: { saved: false, path: null } });
    let opened = false;
    const broken = await savePdf({ saveDialog: () => ((opened = true), Promise.resolve({ canceled: true })), defaultDir: dir, fontDir: join(dir, 'no-fonts') }, auditPdf, 'x.pdf');
    expect(broken).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(opened).toBe(false);
    await expect(stat(join(dir, 'x.pdf'))).rejects.toThrow();
  });
});
