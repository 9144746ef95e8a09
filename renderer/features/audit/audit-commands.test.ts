import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { asset } from '../../../common/inventory/collection.test-helpers.js';
import { buildAuditReport, indexAssetsByTag, type AuditStart } from '../../../common/inventory/audit.js';
import type { DeskDatabase } from '../../db/database.js';
import { openTestDatabase } from '../tickets/ticket-test-db.js';
import { closeAudit, recordScan, startAudit, type AuditContext } from './audit-commands.js';

let db: DeskDatabase;
beforeEach(async () => {
  db = await openTestDatabase();
});
afterEach(async () => {
  await db.close();
});

describe('audit commands', () => {
  it('keeps the scan order of a burst in one millisecond, and closes with the derived counts', async () => {
    const now = new Date('2026-11-25T10:00:00.000Z');
    const ctx: AuditContext = { db, userId: 'u-tech', deviceId: 'd1', now };
    const auditId = await startAudit(ctx, 'c-acme', 's-ist', null);
    const audit = { id: auditId, contractId: 'c-acme' };
    const tags = Array.from({ length: 30 }, (_, i) => `T-${String(i).padStart(3, '0')}`);
    // Same device time for every scan: the burst arrived within one millisecond.
    for (const tag of tags) await recordScan(ctx, audit, tag, 'scanner', indexAssetsByTag([]));
    const events = (await db.events.find({ selector: { subjectId: auditId } }).exec()).map((doc) => doc.toMutableJSON());
    const scans = events.filter((event) => event.type === 'audit.scan');
    const start = events.find((event) => event.type === 'audit.started');
    if (!start) throw new Error('no start event');
    const report = buildAuditReport(start.data as never, scans);
    expect(report.scans.map((scan) => scan.tag)).toEqual(tags);
    expect(report.counts.unknown).toBe(30);

    await closeAudit(ctx, { ...audit, start: start.data as never }, scans);
    const closed = await db.events.findOne({ selector: { subjectId: auditId, type: 'audit.closed' } }).exec();
    expect(closed?.data).toMatchObject({ counts: { unknown: 30, expected: 0, missing: 0 }, missingAssetIds: [] });
  });

  it('closing makes unscanned assets missing with an event naming the audit, moves only accepted found-elsewhere assets, and a later scan brings one back', async () => {
    const now = new Date('2026-11-25T10:00:00.000Z');
    const ctx: AuditContext = { db, userId: 'u-tech', deviceId: 'd1', now };
    await db.assets.bulkInsert([
      asset({ id: 'a1', contractId: 'c-acme', tag: 'ACME-1', siteId: 's-ist', room: 'Kat 1', state: 'in_use' }),
      asset({ id: 'a2', contractId: 'c-acme', tag: 'ACME-2', siteId: 's-ist', room: 'Kat 1', state: 'in_repair' }),
      asset({ id: 'a3', contractId: 'c-acme', tag: 'ACME-3', siteId: 's-ist', room: 'Kat 2', state: 'missing' }),
      asset({ id: 'a4', contractId: 'c-acme', tag: 'ACME-4', siteId: 's-ank', room: 'Depo', state: 'in_use' }),
      asset({ id: 'a5', contractId: 'c-acme', tag: 'ACME-5', siteId: 's-ank', room: 'Depo', state: 'in_use' }),
    ]);
    const all = (await db.assets.find().exec()).map((doc) => doc.toMutableJSON());
    const byTag = indexAssetsByTag(all);
    const auditId = await startAudit(ctx, 'c-acme', 's-ist', null);
    const audit = { id: auditId, contractId: 'c-acme' };
    for (const tag of ['ACME-1', 'ACME-4', 'ACME-5']) await recordScan(ctx, audit, tag, 'scanner', byTag);
    const events = (await db.events.find({ selector: { subjectId: auditId } }).exec()).map((doc) => doc.toMutableJSON());
    const start = events.find((event) => event.type === 'audit.started')?.data as unknown as AuditStart;
    const result = await closeAudit(ctx, { ...audit, start }, events.filter((event) => event.type === 'audit.scan'), { label: 'ACME · İstanbul', moveAssetIds: ['a4', 'a1'] });
    expect(result).toEqual({ missing: 1, moved: 1 });

    const state = async (id: string) => (await db.assets.findOne(id).exec())?.toMutableJSON();
    // a2 was expected and never scanned: missing, and its history says which audit did it.
    expect((await state('a2'))?.state).toBe('missing');
    const a2Events = (await db.events.find({ selector: { subjectId: 'a2' } }).exec()).map((doc) => doc.toMutableJSON());
    expect(a2Events).toEqual([
      expect.objectContaining({ type: 'asset.state', authorId: 'u-tech', data: { from: 'in_repair', to: 'missing', cause: { kind: 'audit', refId: auditId, label: 'ACME · İstanbul' } } }),
    ]);
    // a3 was already missing: no second event. a1 was found: untouched.
    expect(await db.events.count({ selector: { subjectId: 'a3' } }).exec()).toBe(0);
    expect((await state('a1'))?.state).toBe('in_use');
    // Found elsewhere: a4 accepted → moved to the audited site (room unknown), a5 not accepted → stays.
    expect(await state('a4')).toMatchObject({ siteId: 's-ist', room: '' });
    expect(await state('a5')).toMatchObject({ siteId: 's-ank', room: 'Depo' });
    const moved = (await db.events.findOne({ selector: { subjectId: 'a4', type: 'asset.moved' } }).exec())?.toMutableJSON();
    expect(moved?.data).toEqual({ from: { siteId: 's-ank', room: 'Depo' }, to: { siteId: 's-ist', room: '' }, cause: { kind: 'audit', refId: auditId, label: 'ACME · İstanbul' } });
    const closed = await db.events.findOne({ selector: { subjectId: auditId, type: 'audit.closed' } }).exec();
    expect(closed?.data).toMatchObject({ missingAssetIds: ['a2', 'a3'], movedAssetIds: ['a4'] });

    // A later audit scans a2: it comes back to in_repair, with the second audit named.
    const later = await startAudit({ ...ctx, now: new Date('2026-12-01T10:00:00.000Z') }, 'c-acme', 's-ist', null);
    await recordScan({ ...ctx, now: new Date('2026-12-01T10:01:00.000Z') }, { id: later, contractId: 'c-acme', label: 'ACME · Aralık' }, 'acme-2', 'keyboard', byTag);
    expect((await state('a2'))?.state).toBe('in_repair');
    const back = (await db.events.find({ selector: { subjectId: 'a2' }, sort: [{ subjectId: 'asc' }, { at: 'asc' }] }).exec()).map((doc) => doc.toMutableJSON());
    expect(back.at(-1)?.data).toEqual({ from: 'missing', to: 'in_repair', cause: { kind: 'audit_scan', refId: later, label: 'ACME · Aralık' } });
  });
});
