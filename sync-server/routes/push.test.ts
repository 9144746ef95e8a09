import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BODY_LIMIT_BYTES } from '../../common/sync/protocol.js';
import type { DemoUsername } from '../demo/accounts.js';
import type { RunningServer } from '../start.js';
import { noteEvent, ticketDoc } from '../testing/fixtures.js';
import { call, pull, push, type Doc } from '../testing/http-client.js';
import { signInAll, storedSeq, storedWire } from '../testing/session.js';
import { startServerOn, storeKinds } from '../testing/store-matrix.js';

describe.each(storeKinds())('%s store', (kind) => {
  let server: RunningServer;
  let token: Record<DemoUsername, string>;
  beforeAll(async () => {
    server = await startServerOn(kind);
    token = await signInAll(server, ['tech', 'tech2', 'depo', 'sup']);
  });
  afterAll(async () => server.close());

  type Refusal = { code: string; message: string; docId?: string; path?: string };
  const current = async (id: string) => {
    const doc = await storedWire(server, 'tickets', id);
    if (!doc) throw new Error(`no ticket ${id}`);
    return doc;
  };

  describe('push and pull round trip', () => {
    it('stores exactly what was sent (minus RxDB internals) and another user pulls it', async () => {
      const before = await pull(server.url, token.tech2, 'tickets', { limit: 1000 });
      const doc = { ...ticketDoc('t-rt-1', 'c-anka', { title: 'Yazıcı çevrimdışı' }), _rev: '1-abc', _meta: { lwt: 1 } };
      const answer = await push(server.url, token.tech, 'tickets', [{ assumedMasterState: null, newDocumentState: doc }]);
      expect(answer.status).toBe(200);
      expect(answer.body).toEqual([]);

      const after = await pull(server.url, token.tech2, 'tickets', { checkpoint: before.body.checkpoint });
      expect(after.body.documents).toEqual([ticketDoc('t-rt-1', 'c-anka', { title: 'Yazıcı çevrimdışı' })]);
      const [stored] = await server.store.getDocs('tickets', ['t-rt-1']);
      expect(stored?.updatedBy).toBe('u-tech');
      expect(stored?.deviceId).toBe('dev-tech');
      expect(Object.keys(stored?.body ?? {})).not.toContain('_rev');
      expect(after.body.checkpoint.seq).toBe(stored?.seq);
    });

    it('replicates a tombstone as _deleted: true', async () => {
      const base = await current('t-rt-1');
      const answer = await push(server.url, token.tech, 'tickets', [{ assumedMasterState: base, newDocumentState: { ...base, _deleted: true } }]);
      expect(answer.body).toEqual([]);
      const pulled = await pull(server.url, token.sup, 'tickets', { limit: 1000 });
      expect(pulled.body.documents.find((doc) => doc.id === 't-rt-1')?._deleted).toBe(true);
    });
  });

  describe('conflicts and retries', () => {
    it('answers the server state when assumedMasterState is stale, and writes nothing', async () => {
      const base = await current('t-anka-002');
      const mine = { ...base, title: 'Başlık (tech)' };
      expect((await push(server.url, token.tech, 'tickets', [{ assumedMasterState: base, newDocumentState: mine }])).body).toEqual([]);
      const seq = await storedSeq(server, 'tickets', 't-anka-002');
      const theirs = { ...base, title: 'Başlık (tech2)' };
      const answer = await push(server.url, token.tech2, 'tickets', [{ assumedMasterState: base, newDocumentState: theirs }]);
      expect(answer.body).toEqual([mine]);
      expect(await current('t-anka-002')).toEqual(mine);
      expect(await storedSeq(server, 'tickets', 't-anka-002')).toBe(seq);
    });

    it('treats a push of an existing document without assumedMasterState as a conflict', async () => {
      const base = await current('t-anka-003');
      const answer = await push(server.url, token.tech, 'tickets', [{ newDocumentState: { ...base, title: 'Yeni' } }]);
      expect(answer.body).toEqual([base]);
    });

    it('makes a repeated push harmless: same state, same seq, one revision', async () => {
      const base = await current('t-anka-004');
      const row = { assumedMasterState: base, newDocumentState: { ...base, description: 'Tekrar gönderildi' } };
      expect((await push(server.url, token.tech, 'tickets', [row])).body).toEqual([]);
      const seq = await storedSeq(server, 'tickets', 't-anka-004');
      const revisions = (await server.store.listRevisions('tickets', 't-anka-004')).length;
      const again = await push(server.url, token.tech, 'tickets', [row]);
      expect(again.status).toBe(200);
      expect(again.body).toEqual([]);
      expect(await storedSeq(server, 'tickets', 't-anka-004')).toBe(seq);
      expect(await server.store.listRevisions('tickets', 't-anka-004')).toHaveLength(revisions);
      expect(revisions).toBe(2);
    });

    it('applies two rows for one document in one batch in order: both revisions kept, the second on top of the first', async () => {
      const first = ticketDoc('t-twice-1', 'c-anka');
      const second = { ...first, title: 'İkinci hâli' };
      const answer = await push(server.url, token.tech, 'tickets', [{ newDocumentState: first }, { assumedMasterState: first, newDocumentState: second }]);
      expect(answer.status).toBe(200);
      expect(answer.body).toEqual([]);
      expect(await current('t-twice-1')).toEqual(second);
      const revisions = await server.store.listRevisions('tickets', 't-twice-1');
      expect(revisions.map((revision) => revision.body['title'])).toEqual([first.title, second.title]);
      expect(await storedSeq(server, 'tickets', 't-twice-1')).toBe(revisions[1]?.seq);
    });
  });

  describe('refusals write nothing', () => {
    it('names the document and field of a schema-invalid row; the valid row before it is not written', async () => {
      const seq = await server.store.maxSeq();
      const answer = await push<Refusal>(server.url, token.tech, 'tickets', [
        { newDocumentState: ticketDoc('t-batch-ok', 'c-anka') },
        { newDocumentState: ticketDoc('t-batch-bad', 'c-anka', { urgency: 7 }) },
      ]);
      expect(answer.status).toBe(422);
      expect(answer.body).toMatchObject({ code: 'VALIDATION_FAILED', docId: 't-batch-bad', path: 'urgency' });
      expect(await storedWire(server, 'tickets', 't-batch-ok')).toBeNull();
      expect(await server.store.maxSeq()).toBe(seq);
    });

    it('answers 404 for a push into a contract the user does not serve, and writes nothing', async () => {
      const seq = await server.store.maxSeq();
      const answer = await push<Refusal>(server.url, token.tech, 'tickets', [
        { newDocumentState: ticketDoc('t-ten-ok', 'c-anka') },
        { newDocumentState: ticketDoc('t-ten-foreign', 'c-merkez') },
      ]);
      expect(answer.status).toBe(404);
      expect(answer.body).toMatchObject({ code: 'NOT_FOUND', docId: 't-ten-foreign' });
      expect(await storedWire(server, 'tickets', 't-ten-ok')).toBeNull();
      expect(await server.store.maxSeq()).toBe(seq);
      const audit = await server.store.listAudit(5);
      expect(audit[0]).toMatchObject({ event: 'sync.denied', userId: 'u-tech' });
    });

    it('answers 404 when a foreign document is claimed for an own contract', async () => {
      const foreign = await current('t-merkez-001');
      const answer = await push<Refusal>(server.url, token.tech, 'tickets', [{ newDocumentState: { ...foreign, contractId: 'c-anka' } }]);
      expect(answer.status).toBe(404);
      expect(await current('t-merkez-001')).toEqual(foreign);
    });

    it('refuses moving a document to another contract with 422 on contractId', async () => {
      const base = await current('t-anka-005');
      const answer = await push<Refusal>(server.url, token.tech, 'tickets', [{ assumedMasterState: base, newDocumentState: { ...base, contractId: 'c-bogaz' } }]);
      expect(answer.status).toBe(422);
      expect(answer.body).toMatchObject({ code: 'VALIDATION_FAILED', docId: 't-anka-005', path: 'contractId' });
    });

    it('refuses roles that may not write a collection with 403', async () => {
      const depo = await push<Refusal>(server.url, token.depo, 'tickets', [{ newDocumentState: ticketDoc('t-depo', 'c-anka') }]);
      expect(depo.status).toBe(403);
      expect(depo.body.code).toBe('ROLE_FORBIDDEN');
      const staff = await push<Refusal>(server.url, token.sup, 'staff', []);
      expect(staff.status).toBe(403);
      expect(await storedWire(server, 'tickets', 't-depo')).toBeNull();
    });

    it('refuses a status change the ticket lifecycle does not allow', async () => {
      const closed = await current('t-anka-006');
      expect(closed['status']).toBe('closed');
      const answer = await push<Refusal>(server.url, token.sup, 'tickets', [{ assumedMasterState: closed, newDocumentState: { ...closed, status: 'in_progress' } }]);
      expect(answer.status).toBe(422);
      expect(answer.body).toMatchObject({ code: 'TRANSITION_NOT_ALLOWED', docId: 't-anka-006', path: 'status' });
      const fresh = await current('t-anka-001');
      expect(fresh['status']).toBe('new');
      const ok = await push(server.url, token.sup, 'tickets', [{ assumedMasterState: fresh, newDocumentState: { ...fresh, status: 'assigned', assigneeId: 'u-tech' } }]);
      expect(ok.body).toEqual([]);
    });

    it('refuses a body over the limit with 413', async () => {
      const huge = 'x'.repeat(BODY_LIMIT_BYTES + 1024);
      const answer = await call<Refusal>(server.url, '/api/v1/sync/tickets/push?schema=0', {
        method: 'POST',
        token: token.tech,
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify([{ newDocumentState: { id: 'big', blob: huge } }]),
      });
      expect(answer.status).toBe(413);
      expect(answer.body.code).toBe('BODY_TOO_LARGE');
    });
  });

  describe('events are immutable', () => {
    it('accepts a new event, ignores an identical resend, refuses changed content with 409', async () => {
      const event = noteEvent('e-imm-1', 'c-anka', 'u-tech');
      expect((await push(server.url, token.tech, 'events', [{ newDocumentState: event }])).body).toEqual([]);
      const seq = await storedSeq(server, 'events', 'e-imm-1');
      expect((await push(server.url, token.tech, 'events', [{ newDocumentState: event }])).body).toEqual([]);
      expect(await storedSeq(server, 'events', 'e-imm-1')).toBe(seq);

      const changed: Doc = { ...event, data: { text: 'Başka metin', visibility: 'internal' } };
      const answer = await push<Refusal>(server.url, token.tech, 'events', [{ assumedMasterState: event, newDocumentState: changed }]);
      expect(answer.status).toBe(409);
      expect(answer.body).toMatchObject({ code: 'EVENT_IMMUTABLE', docId: 'e-imm-1' });
      expect((await storedWire(server, 'events', 'e-imm-1'))?.['data']).toEqual(event['data']);
    });

    it('refuses an event written in another user\'s name', async () => {
      const answer = await push<Refusal>(server.url, token.tech, 'events', [{ newDocumentState: noteEvent('e-forged', 'c-anka', 'u-sup') }]);
      expect(answer.status).toBe(422);
      expect(answer.body).toMatchObject({ code: 'SERVER_FIELD_FORGED', docId: 'e-forged', path: 'authorId' });
    });
  });
});
