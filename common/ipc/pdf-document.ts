import type { JsonSchema } from '../schemas/json-schema.js';

/**
 * A printable document described as data: the renderer builds it in the user's language, the
 * main process lays it out as a PDF (electron/main/pdf). Generic on purpose: audit reports now,
 * logistics manifests, labels and IMACD sign-off sheets later use the same shape.
 */
export interface PdfColumn {
  readonly label: string;
  /** Relative width (the table fills the page width in these proportions). */
  readonly width: number;
  readonly align?: 'left' | 'right';
}

export interface PdfSection {
  readonly heading: string;
  /** A paragraph under the heading (optional). */
  readonly text?: string;
  readonly table?: { readonly columns: readonly PdfColumn[]; readonly rows: readonly (readonly string[])[] };
  /** Shown instead of an empty table. */
  readonly empty?: string;
  /** Lines for hand signatures under the section, one per label ("Technician", "Customer"). */
  readonly signatures?: readonly string[];
}

export interface PdfDocumentSpec {
  readonly title: string;
  readonly subtitle?: string;
  /** Label/value pairs under the title (customer, site, period, …). */
  readonly meta: readonly { readonly label: string; readonly value: string }[];
  readonly sections: readonly PdfSection[];
  /** Left footer text on every page. */
  readonly footer: string;
  /** Right footer, `{page}` and `{pages}` replaced, e.g. "Sayfa {page} / {pages}". */
  readonly pageLabel: string;
  /** PDF metadata. */
  readonly author: string;
  readonly language: 'tr' | 'en';
  /** ISO time written as the creation date (makes output reproducible). */
  readonly createdAt: string;
}

const text = (max: number) => ({ type: 'string', maxLength: max }) as const;

/** Argument schema of `pdf.save` (checked in the main process before anything is drawn). */
export const pdfDocumentSchema = {
  type: 'object',
  properties: {
    title: { type: 'string', minLength: 1, maxLength: 200 },
    subtitle: text(400),
    meta: {
      type: 'array',
      maxItems: 30,
      items: { type: 'object', properties: { label: text(100), value: text(500) }, required: ['label', 'value'], additionalProperties: false },
    },
    sections: {
      type: 'array',
      maxItems: 50,
      items: {
        type: 'object',
        properties: {
          heading: text(200),
          text: text(5000),
          empty: text(200),
          signatures: { type: 'array', maxItems: 6, items: text(100) },
          table: {
            type: 'object',
            properties: {
              columns: {
                type: 'array',
                minItems: 1,
                maxItems: 12,
                items: {
                  type: 'object',
                  properties: { label: text(100), width: { type: 'number', minimum: 0.1, maximum: 100 }, align: { type: 'string', enum: ['left', 'right'] } },
                  required: ['label', 'width'],
                  additionalProperties: false,
                },
              },
              rows: { type: 'array', maxItems: 20000, items: { type: 'array', maxItems: 12, items: text(1000) } },
            },
            required: ['columns', 'rows'],
            additionalProperties: false,
          },
        },
        required: ['heading'],
        additionalProperties: false,
      },
    },
    footer: text(300),
    pageLabel: text(60),
    author: text(200),
    language: { type: 'string', enum: ['tr', 'en'] },
    createdAt: { type: 'string', format: 'date-time', minLength: 20, maxLength: 32 },
  },
  required: ['title', 'meta', 'sections', 'footer', 'pageLabel', 'author', 'language', 'createdAt'],
  additionalProperties: false,
} as const satisfies JsonSchema;

/** What `pdf.save` answers: `saved: false` when the person cancelled the save dialog. */
export interface PdfSaveResult {
  readonly saved: boolean;
  readonly path: string | null;
  readonly pages: number;
  readonly bytes: number;
}
