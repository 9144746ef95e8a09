import type { AuditReport } from '../../../common/inventory/audit.js';
import { writeCsv } from '../../../common/inventory/csv.js';
import type { TFunction } from '../../i18n/index.js';

export interface ReportNames {
  readonly site: (siteId: string | null) => string;
  readonly asset: (assetId: string | null) => string;
}

/** The audit report as CSV: every scan with its result, then every missing asset. */
export function auditReportCsv(report: AuditReport, names: ReportNames, t: TFunction): string {
  const header = [t('audit.csv.section'), t('audit.column.tag'), t('audit.column.result'), t('audit.column.asset'), t('audit.column.location'), t('audit.column.time')];
  const scans = report.scans.map((scan) => [
    t('audit.csv.scan'),
    scan.tag,
    t(`audit.result.${scan.result}`),
    names.asset(scan.assetId),
    scan.assetId ? [names.site(scan.assetSiteId), scan.assetRoom].filter(Boolean).join(' / ') : '',
    scan.at,
  ]);
  const missing = report.missing.map((asset) => [t('audit.csv.missing'), asset.tag, t('audit.count.missing'), names.asset(asset.assetId), asset.room, '']);
  return writeCsv([header, ...scans, ...missing]);
}

/** Saves text through a temporary Blob link (works in the browser and in the sandboxed renderer). */
export function downloadText(fileName: string, text: string, type = 'text/csv;charset=utf-8'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked later: revoking synchronously can cancel the download in Chromium.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
