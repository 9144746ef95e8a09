import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import type { PdfDocumentSpec, PdfSection } from '../../../common/ipc/pdf-document.js';

/**
 * Lays out a `PdfDocumentSpec` as an A4 PDF with pdf-lib (plain Node, no browser): title,
 * metadata block, sections with wrapped-cell tables whose header repeats on every page, signature
 * lines, and a footer with page numbers. The font is embedded (subset), so Turkish text is text
 * in the PDF, searchable and copyable, on any viewer.
 */
export interface PdfFonts {
  readonly regular: Uint8Array;
  readonly bold: Uint8Array;
}

const A4: [number, number] = [595.28, 841.89];
const MARGIN = 42;
const FOOTER = 28;
const SIZE = { title: 17, subtitle: 10, heading: 12, body: 9, small: 8 } as const;
const LINE = 1.3;
const CELL_PAD = 3;
const INK = rgb(0.13, 0.15, 0.18);
const MUTED = rgb(0.4, 0.43, 0.48);
const RULE = rgb(0.8, 0.82, 0.85);
const ZEBRA = rgb(0.955, 0.96, 0.97);
const HEAD_FILL = rgb(0.9, 0.92, 0.95);

/** Words that fit `width`; a word longer than a line is broken by characters. */
export function wrapText(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split(/\r?\n/)) {
    let line = '';
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      const candidate = line ? `${line} ${word}` : word;
      if (font.widthOfTextAtSize(candidate, size) <= width) {
        line = candidate;
        continue;
      }
      if (line) lines.push(line);
      line = '';
      let rest = word;
      while (font.widthOfTextAtSize(rest, size) > width && rest.length > 1) {
        let cut = rest.length - 1;
        while (cut > 1 && font.widthOfTextAtSize(rest.slice(0, cut), size) > width) cut -= 1;
        lines.push(rest.slice(0, cut));
        rest = rest.slice(cut);
      }
      line = rest;
    }
    lines.push(line);
  }
  return lines.length > 0 ? lines : [''];
}

class Layout {
  readonly pages: PDFPage[] = [];
  private page!: PDFPage;
  y = 0;

  constructor(
    private readonly doc: PDFDocument,
    readonly regular: PDFFont,
    readonly bold: PDFFont,
  ) {
    this.newPage();
  }

  get width(): number {
    return A4[0] - 2 * MARGIN;
  }

  newPage(): void {
    this.page = this.doc.addPage(A4);
    this.pages.push(this.page);
    this.y = A4[1] - MARGIN;
  }

  /** Starts a new page unless `height` more points fit above the footer. */
  ensure(height: number): boolean {
    if (this.y - height >= MARGIN + FOOTER) return false;
    this.newPage();
    return true;
  }

  text(value: string, x: number, size: number, font: PDFFont = this.regular, color = INK): void {
    this.page.drawText(value, { x, y: this.y - size, size, font, color });
  }

  rect(x: number, top: number, width: number, height: number, color = ZEBRA): void {
    this.page.drawRectangle({ x, y: top - height, width, height, color });
  }

  rule(x1: number, x2: number, y: number, thickness = 0.5): void {
    this.page.drawLine({ start: { x: x1, y }, end: { x: x2, y }, thickness, color: RULE });
  }
}

function drawParagraph(layout: Layout, text: string, size: number, font: PDFFont, color = INK): void {
  for (const line of wrapText(text, font, size, layout.width)) {
    layout.ensure(size * LINE);
    layout.text(line, MARGIN, size, font, color);
    layout.y -= size * LINE;
  }
}

function drawMeta(layout: Layout, meta: PdfDocumentSpec['meta']): void {
  const labelWidth = Math.min(150, Math.max(...meta.map((entry) => layout.bold.widthOfTextAtSize(entry.label, SIZE.body)), 40) + 10);
  for (const entry of meta) {
    const lines = wrapText(entry.value, layout.regular, SIZE.body, layout.width - labelWidth);
    layout.ensure(lines.length * SIZE.body * LINE);
    layout.text(entry.label, MARGIN, SIZE.body, layout.bold, MUTED);
    for (const line of lines) {
      layout.text(line, MARGIN + labelWidth, SIZE.body);
      layout.y -= SIZE.body * LINE;
    }
  }
}

function drawTable(layout: Layout, table: NonNullable<PdfSection['table']>): void {
  const total = table.columns.reduce((sum, column) => sum + column.width, 0);
  const widths = table.columns.map((column) => (column.width / total) * layout.width);
  const xs = widths.map((_, index) => MARGIN + widths.slice(0, index).reduce((sum, width) => sum + width, 0));
  const rowHeight = (cells: readonly string[][], size: number) => Math.max(...cells.map((lines) => lines.length)) * size * LINE + 2 * CELL_PAD;

  const drawRow = (cells: readonly string[][], font: PDFFont, size: number, fill: ReturnType<typeof rgb> | null) => {
    const height = rowHeight(cells, size);
    if (fill) layout.rect(MARGIN, layout.y, layout.width, height, fill);
    cells.forEach((lines, column) => {
      const align = table.columns[column]?.align ?? 'left';
      lines.forEach((line, index) => {
        const lineWidth = font.widthOfTextAtSize(line, size);
        const x = align === 'right' ? (xs[column] ?? 0) + (widths[column] ?? 0) - CELL_PAD - lineWidth : (xs[column] ?? 0) + CELL_PAD;
        const saved = layout.y;
        layout.y -= CELL_PAD + index * size * LINE;
        layout.text(line, x, size, font);
        layout.y = saved;
      });
    });
    layout.y -= height;
    layout.rule(MARGIN, MARGIN + layout.width, layout.y);
  };

  const header = table.columns.map((column, index) => wrapText(column.label, layout.bold, SIZE.small, (widths[index] ?? 0) - 2 * CELL_PAD));
  const drawHeader = () => drawRow(header, layout.bold, SIZE.small, HEAD_FILL);
  layout.ensure(rowHeight(header, SIZE.small) + SIZE.body * LINE * 2);
  drawHeader();
  table.rows.forEach((row, rowIndex) => {
    const cells = table.columns.map((_, column) => wrapText(row[column] ?? '', layout.regular, SIZE.body, (widths[column] ?? 0) - 2 * CELL_PAD));
    // The header repeats on every page a table continues on.
    if (layout.ensure(rowHeight(cells, SIZE.body))) drawHeader();
    drawRow(cells, layout.regular, SIZE.body, rowIndex % 2 === 1 ? ZEBRA : null);
  });
}

function drawSignatures(layout: Layout, labels: readonly string[]): void {
  const gap = 24;
  const width = (layout.width - gap * (labels.length - 1)) / labels.length;
  layout.ensure(60);
  layout.y -= 36;
  labels.forEach((label, index) => {
    const x = MARGIN + index * (width + gap);
    layout.rule(x, x + width, layout.y, 0.8);
    const saved = layout.y;
    layout.y -= 4;
    layout.text(label, x, SIZE.small, layout.regular, MUTED);
    layout.y = saved;
  });
  layout.y -= 20;
}

function drawFooters(layout: Layout, spec: PdfDocumentSpec): void {
  const pages = layout.pages.length;
  layout.pages.forEach((page, index) => {
    const y = MARGIN - 4;
    page.drawLine({ start: { x: MARGIN, y: y + 12 }, end: { x: A4[0] - MARGIN, y: y + 12 }, thickness: 0.5, color: RULE });
    page.drawText(spec.footer, { x: MARGIN, y, size: SIZE.small, font: layout.regular, color: MUTED });
    const label = spec.pageLabel.replace('{page}', String(index + 1)).replace('{pages}', String(pages));
    const width = layout.regular.widthOfTextAtSize(label, SIZE.small);
    page.drawText(label, { x: A4[0] - MARGIN - width, y, size: SIZE.small, font: layout.regular, color: MUTED });
  });
}

export async function renderPdf(spec: PdfDocumentSpec, fonts: PdfFonts): Promise<{ bytes: Uint8Array; pages: number }> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  const regular = await doc.embedFont(fonts.regular, { subset: true });
  const bold = await doc.embedFont(fonts.bold, { subset: true });
  const created = new Date(spec.createdAt);
  doc.setTitle(spec.title, { showInWindowTitleBar: true });
  doc.setAuthor(spec.author);
  doc.setSubject(spec.subtitle ?? spec.title);
  doc.setCreator('DeskOps');
  doc.setProducer('DeskOps (pdf-lib)');
  doc.setLanguage(spec.language === 'tr' ? 'tr-TR' : 'en-GB');
  doc.setCreationDate(created);
  doc.setModificationDate(created);

  const layout = new Layout(doc, regular, bold);
  drawParagraph(layout, spec.title, SIZE.title, bold);
  if (spec.subtitle) drawParagraph(layout, spec.subtitle, SIZE.subtitle, regular, MUTED);
  layout.y -= 8;
  if (spec.meta.length > 0) drawMeta(layout, spec.meta);
  for (const section of spec.sections) {
    layout.y -= 12;
    layout.ensure(SIZE.heading * LINE * 3);
    drawParagraph(layout, section.heading, SIZE.heading, bold);
    layout.y -= 2;
    if (section.text) drawParagraph(layout, section.text, SIZE.body, regular);
    if (section.table && section.table.rows.length > 0) drawTable(layout, section.table);
    else if (section.empty) drawParagraph(layout, section.empty, SIZE.body, regular, MUTED);
    if (section.signatures && section.signatures.length > 0) drawSignatures(layout, section.signatures);
  }
  drawFooters(layout, spec);
  const bytes = await doc.save();
  return { bytes, pages: layout.pages.length };
}
