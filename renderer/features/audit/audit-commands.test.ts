import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildAuditReport, indexAssetsByTag } from '../../../common/inventory/audit.js';
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
});
