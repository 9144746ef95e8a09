import { describe, expect, it } from 'vitest';
import { validateDocument } from '../validation/validate.js';
import { buildAuditReport, classifyScan, expectedAssets, indexAssetsByTag, scanData, type AuditStart } from './audit.js';

const assets = [
  { id: 'a1', tag: 'ANKA-1001', siteId: 's-tuzla', room: 'Kat 1 / A1', state: 'in_use' },
  { id: 'a2', tag: 'anka-1002', siteId: 's-tuzla', room: 'Kat 2 / B4', state: 'in_stock_available' },
  { id: 'a3', tag: 'ANKA-1003', siteId: 's-tuzla', room: 'Kat 1 / A1', state: 'in_repair' },
  { id: 'a4', tag: 'ANKA-1004', siteId: 's-ankara', room: 'Kat 0 / C1', state: 'in_use' },
  { id: 'a5', tag: 'ANKA-1005', siteId: 's-tuzla', room: 'Kat 1 / A1', state: 'retired_disposed' },
];
const byTag = indexAssetsByTag(assets);

function scans(tags: string[]) {
  return tags.map((tag, index) => ({
    id: `e${String(index).padStart(3, '0')}`,
    at: `2026-11-25T10:00:${String(index).padStart(2, '0')}.000Z`,
    data: { ...scanData(tag, 'scanner', byTag) },
  }));
}

describe('expectedAssets', () => {
  it('lists the site, or only the room, without retired assets, tags normalised and sorted', () => {
    expect(expectedAssets(assets, 's-tuzla', null).map((a) => a.tag)).toEqual(['ANKA-1001', 'ANKA-1002', 'ANKA-1003']);
    expect(expectedAssets(assets, 's-tuzla', ' kat 1 /  a1 ').map((a) => a.assetId)).toEqual(['a1', 'a3']);
    expect(expectedAssets(assets, 's-nowhere', null)).toEqual([]);
  });
});

describe('classifyScan', () => {
  const start: AuditStart = { siteId: 's-tuzla', room: null, expected: expectedAssets(assets, 's-tuzla', null) };
  it('tells found, found elsewhere, unknown and duplicate apart', () => {
    expect(classifyScan(start, new Set(), scanData('anka-1002', 'keyboard', byTag))).toBe('found');
    expect(classifyScan(start, new Set(), scanData('ANKA-1004', 'scanner', byTag))).toBe('found_elsewhere');
    expect(classifyScan(start, new Set(), scanData('ANKA-9999', 'scanner', byTag))).toBe('unknown');
    expect(classifyScan(start, new Set(['ANKA-1001']), scanData('ANKA-1001', 'scanner', byTag))).toBe('duplicate');
  });

  it('counts a retired asset scanned on site as found elsewhere, not as unknown', () => {
    expect(classifyScan(start, new Set(), scanData('ANKA-1005', 'scanner', byTag))).toBe('found_elsewhere');
  });

  it('treats an asset of the site but another room as found elsewhere in a room audit', () => {
    const room: AuditStart = { siteId: 's-tuzla', room: 'Kat 1 / A1', expected: expectedAssets(assets, 's-tuzla', 'Kat 1 / A1') };
    expect(classifyScan(room, new Set(), scanData('ANKA-1002', 'scanner', byTag))).toBe('found_elsewhere');
  });
});

describe('buildAuditReport', () => {
  const start: AuditStart = { siteId: 's-tuzla', room: null, expected: expectedAssets(assets, 's-tuzla', null) };

  it('derives counts and the missing list from the scans, in device-time order whatever the input order', () => {
    const events = scans(['ANKA-1001', 'ANKA-1004', 'ANKA-1001', 'ANKA-9999', 'ANKA-1003', 'anka-9999']);
    const report = buildAuditReport(start, [...events].reverse());
    expect(report.scans.map((s) => s.result)).toEqual(['found', 'found_elsewhere', 'duplicate', 'unknown', 'found', 'duplicate']);
    expect(report.counts).toEqual({ expected: 3, found: 2, foundElsewhere: 1, unknown: 1, duplicate: 2, missing: 1 });
    expect(report.missing.map((a) => a.assetId)).toEqual(['a2']);
  });

  it('reports everything missing when nothing was scanned', () => {
    const report = buildAuditReport(start, []);
    expect(report.counts.missing).toBe(3);
    expect(report.scans).toEqual([]);
  });
});

describe('audit event data', () => {
  const base = { id: 'ev-1', contractId: 'c-anka', subjectType: 'asset', subjectId: 'audit-1', at: '2026-11-25T10:00:00.000Z', authorId: 'u-tech', deviceId: 'd1' };

  it('accepts the three audit events', () => {
    const start = { siteId: 's-tuzla', room: null, expected: [{ assetId: 'a1', tag: 'ANKA-1001', room: 'Kat 1' }] };
    expect(validateDocument('events', { ...base, type: 'audit.started', data: start })).toEqual({ ok: true });
    expect(validateDocument('events', { ...base, type: 'audit.scan', data: scanData('ANKA-1001', 'scanner', byTag) })).toEqual({ ok: true });
    const counts = { expected: 1, found: 1, foundElsewhere: 0, unknown: 0, duplicate: 0, missing: 0 };
    expect(validateDocument('events', { ...base, type: 'audit.closed', data: { counts, missingAssetIds: [] } })).toEqual({ ok: true });
  });

  it('refuses a scan without a tag, naming the field', () => {
    const result = validateDocument('events', { ...base, type: 'audit.scan', data: { ...scanData('X', 'scanner', byTag), tag: '' } });
    expect(result).toMatchObject({ ok: false, issue: { path: 'data.tag' } });
  });
});
