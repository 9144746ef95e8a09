import type { Asset } from '../schemas/assets.js';
import type { Contract } from '../schemas/contracts.js';
import { validateDocument } from '../validation/validate.js';
import { normalizeTag } from './audit-tag.js';
import { parseCsv, writeCsv, type CsvDelimiter } from './csv.js';

/**
 * Assets to and from CSV. The columns are the person-decided fields of an asset; ids, hardware
 * details and installed software come from collections, not from spreadsheets.
 */
export const ASSET_CSV_COLUMNS = ['tag', 'serial', 'type', 'manufacturer', 'model', 'contract', 'site', 'room', 'state', 'hostname', 'os'] as const;
export type AssetCsvColumn = (typeof ASSET_CSV_COLUMNS)[number];

/** Header spellings people use (English and Turkish), lower-cased. */
const HEADER_ALIASES: Readonly<Record<string, AssetCsvColumn>> = {
  etiket: 'tag',
  'seri no': 'serial',
  seri: 'serial',
  tür: 'type',
  tip: 'type',
  üretici: 'manufacturer',
  marka: 'manufacturer',
  sözleşme: 'contract',
  lokasyon: 'site',
  oda: 'room',
  durum: 'state',
  'bilgisayar adı': 'hostname',
  'işletim sistemi': 'os',
};

const REQUIRED_COLUMNS: readonly AssetCsvColumn[] = ['tag', 'type', 'contract'];

/** A problem with one row (1-based line in the file; 1 = the header) and one column. */
export interface CsvRowIssue {
  readonly row: number;
  readonly field: AssetCsvColumn | '';
  readonly message: string;
}

export interface AssetImportPlan {
  /** Assets from rows without any issue, ready to insert. */
  readonly valid: readonly Asset[];
  readonly issues: readonly CsvRowIssue[];
  /** Data rows read (the header not counted). */
  readonly rowCount: number;
  readonly delimiter: CsvDelimiter;
}

export interface AssetImportContext {
  readonly contracts: readonly Pick<Contract, 'id' | 'code' | 'sites'>[];
  /** Assets already in the replica (tag uniqueness is per contract). */
  readonly existing: readonly Pick<Asset, 'contractId' | 'tag'>[];
  readonly now: Date;
  readonly newId: () => string;
}

/** Which schema field of an asset a CSV column fills (for naming the column in a validation issue). */
const FIELD_TO_COLUMN: Readonly<Record<string, AssetCsvColumn>> = { contractId: 'contract', siteId: 'site' };

function columnOf(header: string): AssetCsvColumn | null {
  const key = header.normalize('NFC').trim().toLocaleLowerCase('tr');
  const plain = key.replace(/ı/g, 'i');
  if ((ASSET_CSV_COLUMNS as readonly string[]).includes(plain)) return plain as AssetCsvColumn;
  return HEADER_ALIASES[key] ?? null;
}

/** Checks every row; nothing is written here. The caller inserts `valid` only when the user accepts the issues. */
export function planAssetImport(text: string, ctx: AssetImportContext): AssetImportPlan {
  const parsed = parseCsv(text);
  const [header, ...records] = parsed.records;
  const issues: CsvRowIssue[] = [];
  if (!header) return { valid: [], issues: [{ row: 1, field: '', message: 'the file is empty' }], rowCount: 0, delimiter: parsed.delimiter };

  const columns = header.fields.map(columnOf);
  for (const required of REQUIRED_COLUMNS) {
    if (!columns.includes(required)) issues.push({ row: header.line, field: required, message: `column "${required}" is missing` });
  }
  if (issues.length > 0) return { valid: [], issues, rowCount: records.length, delimiter: parsed.delimiter };

  const byCode = new Map(ctx.contracts.map((contract) => [contract.code.toUpperCase(), contract]));
  const byId = new Map(ctx.contracts.map((contract) => [contract.id, contract]));
  const taken = new Set(ctx.existing.map((asset) => `${asset.contractId}\u0000${normalizeTag(asset.tag)}`));
  const inFile = new Map<string, number>();
  const valid: Asset[] = [];

  for (const record of records) {
    const rowIssues: CsvRowIssue[] = [];
    const fail = (field: AssetCsvColumn | '', message: string) => rowIssues.push({ row: record.line, field, message });
    const cell = (column: AssetCsvColumn) => {
      const index = columns.indexOf(column);
      return index < 0 ? '' : (record.fields[index] ?? '').trim();
    };
    if (record.fields.length !== header.fields.length) fail('', `expected ${header.fields.length} fields, found ${record.fields.length}`);

    const contractCell = cell('contract');
    const contract = byCode.get(contractCell.toUpperCase()) ?? byId.get(contractCell);
    if (!contract) fail('contract', contractCell ? `no contract "${contractCell}" on this device` : 'contract is required');

    const siteCell = cell('site');
    let siteId = '';
    if (siteCell && contract) {
      const site = contract.sites.find((s) => s.id === siteCell || s.name.toLocaleLowerCase('tr') === siteCell.toLocaleLowerCase('tr'));
      if (site) siteId = site.id;
      else fail('site', `contract ${contract.code} has no site "${siteCell}"`);
    }

    const tag = normalizeTag(cell('tag'));
    if (tag && contract) {
      const key = `${contract.id}\u0000${tag}`;
      const first = inFile.get(key);
      if (taken.has(key)) fail('tag', `tag ${tag} already exists in ${contract.code}`);
      else if (first !== undefined) fail('tag', `tag ${tag} is also on row ${first}`);
      else inFile.set(key, record.line);
    }

    const asset: Asset = {
      id: ctx.newId(),
      contractId: contract?.id ?? '',
      tag,
      serial: cell('serial'),
      type: cell('type').toLowerCase() as Asset['type'],
      manufacturer: cell('manufacturer'),
      model: cell('model'),
      siteId,
      room: cell('room'),
      assignedPersonId: null,
      state: (cell('state').toLowerCase() || 'in_stock_available') as Asset['state'],
      hostname: cell('hostname'),
      os: cell('os'),
      hardware: {},
      lockedFields: [],
      updatedAt: ctx.now.toISOString(),
    };
    // The schema has the last word on every field (contract already reported above).
    if (contract) {
      const result = validateDocument('assets', asset);
      if (!result.ok) {
        const field = result.issue.path.split('.')[0] ?? '';
        const column = FIELD_TO_COLUMN[field] ?? ((ASSET_CSV_COLUMNS as readonly string[]).includes(field) ? (field as AssetCsvColumn) : '');
        fail(column, result.issue.message);
      }
    }
    if (rowIssues.length === 0) valid.push(asset);
    else issues.push(...rowIssues);
  }
  return { valid, issues, rowCount: records.length, delimiter: parsed.delimiter };
}

/** The listed assets as CSV (same columns as the import, so an export can be edited and imported elsewhere). */
export function assetsToCsv(
  assets: readonly Asset[],
  contracts: ReadonlyMap<string, Pick<Contract, 'code' | 'sites'>>,
  delimiter: CsvDelimiter = ',',
): string {
  const rows = assets.map((asset) => {
    const contract = contracts.get(asset.contractId);
    const site = contract?.sites.find((s) => s.id === asset.siteId);
    const values: Record<AssetCsvColumn, string> = {
      tag: asset.tag,
      serial: asset.serial,
      type: asset.type,
      manufacturer: asset.manufacturer,
      model: asset.model,
      contract: contract?.code ?? asset.contractId,
      site: site?.name ?? asset.siteId ?? '',
      room: asset.room,
      state: asset.state,
      hostname: asset.hostname,
      os: asset.os,
    };
    return ASSET_CSV_COLUMNS.map((column) => values[column]);
  });
  return writeCsv([[...ASSET_CSV_COLUMNS], ...rows], delimiter);
}
