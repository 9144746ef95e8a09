import type { AuditReport } from '../../../common/inventory/audit.js';
import type { PdfDocumentSpec } from '../../../common/ipc/pdf-document.js';
import type { Language, TFunction } from '../../i18n/index.js';
import type { ReportNames } from './audit-report-csv.js';

export interface AuditPdfInput {
  readonly auditId: string;
  readonly title: string;
  readonly subtitle: string;
  readonly customer: string;
  readonly place: string;
  readonly auditor: string;
  readonly period: string;
  readonly report: AuditReport;
  readonly names: ReportNames;
  readonly language: Language;
  readonly now: Date;
}

/** The closed audit as a generic PDF document (laid out by the main process): missing first, then every scan, then signatures. */
export function auditPdfDocument(input: AuditPdfInput, t: TFunction): PdfDocumentSpec {
  const { report, names } = input;
  const counts = (['expected', 'found', 'foundElsewhere', 'unknown', 'duplicate', 'missing'] as const).map((key) => `${t(`audit.count.${key}`)} ${report.counts[key]}`).join(' · ');
  const location = (siteId: string | null, room: string | null) => [names.site(siteId), room].filter(Boolean).join(' / ');
  return {
    title: input.title,
    subtitle: input.subtitle,
    meta: [
      { label: t('audit.pdf.customer'), value: input.customer },
      { label: t('audit.pdf.place'), value: input.place },
      { label: t('audit.pdf.period'), value: input.period },
      { label: t('audit.pdf.auditor'), value: input.auditor },
      { label: t('audit.pdf.counts'), value: counts },
    ],
    sections: [
      {
        heading: `${t('audit.detail.missing')} (${report.missing.length})`,
        empty: t('audit.detail.noMissing'),
        table: {
          columns: [
            { label: t('audit.column.tag'), width: 1.2 },
            { label: t('audit.column.asset'), width: 2 },
            { label: t('audit.column.location'), width: 2 },
          ],
          rows: report.missing.map((asset) => [asset.tag, names.asset(asset.assetId), asset.room]),
        },
      },
      {
        heading: `${t('audit.detail.scans')} (${report.scans.length})`,
        empty: '—',
        table: {
          columns: [
            { label: t('audit.column.tag'), width: 1.2 },
            { label: t('audit.column.result'), width: 1.2 },
            { label: t('audit.column.asset'), width: 1.8 },
            { label: t('audit.column.location'), width: 1.8 },
          ],
          rows: report.scans.map((scan) => [scan.tag, t(`audit.result.${scan.result}`), names.asset(scan.assetId), scan.assetId ? location(scan.assetSiteId, scan.assetRoom) : '']),
        },
      },
      { heading: t('audit.pdf.signature'), signatures: [input.auditor, input.customer] },
    ],
    footer: t('audit.pdf.footer', { id: input.auditId }),
    pageLabel: t('audit.pdf.page'),
    author: input.auditor,
    language: input.language,
    createdAt: input.now.toISOString(),
  };
}
