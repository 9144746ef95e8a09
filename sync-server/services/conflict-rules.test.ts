import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildConflictRecords } from '../../common/sync/merge/conflict-record.js';
import type { DemoUsername } from '../demo/accounts.js';
import type { RunningServer } from '../start.js';
import { pull, push, type Doc } from '../testing/http-client.js';
import { signInAll, storedWire } from '../testing/session.js';
import { startServerOn, storeKinds } from '../testing/store-matrix.js';

describe.each(storeKinds())('%s store', (kind) => {
  let server: RunningServer;
  let token: Record<DemoUsername, string>;
  beforeAll(async () => {
    server = await startServerOn(kind);
    token = await signInAll(server, ['tech', 'tech2', 'sup']);
  });
  afterAll(async () => server.close());

  type Refusal = { code: string; message: string; docId?: string; path?: string };

  /** A record as tech2's device writes it after its title lost to tech's. */
  function conflictDoc(documentId: string, author = 'u-tech2'): Doc {
    const [record] = buildConflictRecords(
      { collection: 'tickets', documentId, contractId: 'c-anka', localAuthorId: author, deviceId: 'dev-tech2', mergedAt: '2026-11-25T10:00:00.000Z' },
      [{ field: 'title', fields: ['title'], rule: 'server', overruledSide: 'local', baseValue: 'Eski', localValue: 'Benim', serverValue: 'Onların', keptValue: 'Onların' }],
    );
    if (!record) throw new Error('no record built');
    return { ...record, _deleted: false };
  }

  const stored = async (id: string) => {
    const doc = await storedWire(server, 'conflicts', id);
    if (!doc) throw new Error(`no conflict ${id}`);
    return doc;
  };

  describe('conflict records', () => {
    it('lets a technician insert a record, and another user of the contract pulls it', async () => {
      const record = conflictDoc('t-anka-010');
      const answer = await push(server.url, token.tech2, 'conflicts', [{ newDocumentState: record }]);
      expect(answer.status).toBe(200);
      expect(answer.body).toEqual([]);
      const pulled = await pull(server.url, token.sup, 'conflicts', { limit: 1000 });
      expect(pulled.body.documents.map((doc) => doc.id)).toContain(record.id);
      // A retry of the same insert is a no-op, not a conflict.
      expect((await push(server.url, token.tech2, 'conflicts', [{ newDocumentState: record }])).body).toEqual([]);
    });

    it('refuses a record in someone else\'s name', async () => {
      const answer = await push<Refusal>(server.url, token.tech, 'conflicts', [{ newDocumentState: conflictDoc('t-anka-011', 'u-tech2') }]);
      expect(answer.status).toBe(422);
      expect(answer.body).toMatchObject({ code: 'SERVER_FIELD_FORGED', path: 'localAuthorId' });
    });

    it('refuses a technician setting the resolution, on insert and afterwards', async () => {
      const resolution = { action: 'dismissed', by: 'u-tech2', at: '2026-11-25T11:00:00.000Z' };
      const fresh = { ...conflictDoc('t-anka-012'), resolution };
      const onInsert = await push<Refusal>(server.url, token.tech2, 'conflicts', [{ newDocumentState: fresh }]);
      expect(onInsert.status).toBe(422);
      expect(onInsert.body).toMatchObject({ code: 'VALIDATION_FAILED', path: 'resolution' });
      expect(await storedWire(server, 'conflicts', fresh.id)).toBeNull();

      const base = await stored(conflictDoc('t-anka-010').id);
      const later = await push<Refusal>(server.url, token.tech2, 'conflicts', [{ assumedMasterState: base, newDocumentState: { ...base, resolution } }]);
      expect(later.status).toBe(422);
      expect(later.body).toMatchObject({ code: 'VALIDATION_FAILED', docId: base.id, path: 'resolution' });
      expect(await stored(base.id)).toEqual(base);
    });

    it('refuses changing a recorded value, even for a supervisor', async () => {
      const base = await stored(conflictDoc('t-anka-010').id);
      const forged = { ...base, localValue: { json: '"Başka"' } };
      const answer = await push<Refusal>(server.url, token.sup, 'conflicts', [{ assumedMasterState: base, newDocumentState: forged }]);
      expect(answer.status).toBe(422);
      expect(answer.body).toMatchObject({ code: 'VALIDATION_FAILED', docId: base.id, path: 'localValue' });
      const deleted = await push<Refusal>(server.url, token.sup, 'conflicts', [{ assumedMasterState: base, newDocumentState: { ...base, _deleted: true } }]);
      expect(deleted.status).toBe(422);
      expect(deleted.body).toMatchObject({ path: '_deleted' });
      expect(await stored(base.id)).toEqual(base);
    });

    it('lets a supervisor resolve a record', async () => {
      const base = await stored(conflictDoc('t-anka-010').id);
      const resolved = { ...base, resolution: { action: 'restored', by: 'u-sup', at: '2026-11-25T12:00:00.000Z' } };
      const answer = await push(server.url, token.sup, 'conflicts', [{ assumedMasterState: base, newDocumentState: resolved }]);
      expect(answer.status).toBe(200);
      expect(answer.body).toEqual([]);
      expect(await stored(base.id)).toEqual(resolved);
    });
  });
});
