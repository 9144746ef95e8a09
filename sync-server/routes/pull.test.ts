import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scopeFingerprint } from '../../common/auth/permissions.js';
import type { DemoUsername } from '../demo/accounts.js';
import type { RunningServer } from '../start.js';
import { ticketDoc } from '../testing/fixtures.js';
import { pull, pullAll, push } from '../testing/http-client.js';
import { signInAll } from '../testing/session.js';
import { startServerOn, storeKinds } from '../testing/store-matrix.js';

describe.each(storeKinds())('%s store', (kind) => {
  let server: RunningServer;
  let token: Record<DemoUsername, string>;
  beforeAll(async () => {
    server = await startServerOn(kind);
    token = await signInAll(server, ['tech', 'tech2', 'sup']);
  });
  afterAll(async () => server.close());

  type Refusal = { code: string; message: string; path?: string };

  describe('tenancy', () => {
    it('shows a user only the documents of the contracts they serve', async () => {
      const tech2 = await pullAll(server.url, token.tech2, 'tickets');
      expect(tech2.documents).toHaveLength(14);
      expect(new Set(tech2.documents.map((doc) => doc.contractId))).toEqual(new Set(['c-anka']));
      const tech = await pullAll(server.url, token.tech, 'tickets');
      expect(tech.documents).toHaveLength(27);
      expect(tech.documents.some((doc) => doc.contractId === 'c-merkez')).toBe(false);
      const sup = await pullAll(server.url, token.sup, 'tickets');
      expect(sup.documents).toHaveLength(40);
    });

    it('keeps the staff directory within the contracts too', async () => {
      const staff = await pullAll(server.url, token.tech2, 'staff');
      expect(staff.documents.map((doc) => doc.id).sort()).toEqual(
        ['u-admin:c-anka', 'u-depo:c-anka', 'u-sup:c-anka', 'u-tech2:c-anka', 'u-tech:c-anka'].sort(),
      );
    });
  });

  describe('paging', () => {
    it('skips nothing across pages even when foreign changes sit between visible ones', async () => {
      // Interleave: foreign (MERKEZ) changes first, then visible (ANKA) ones, so a filter applied
      // after LIMIT would return a short page and end the pull before the last ones.
      for (let i = 0; i < 6; i++) {
        expect((await push(server.url, token.sup, 'tickets', [{ newDocumentState: ticketDoc(`t-page-m${i}`, 'c-merkez') }])).status).toBe(200);
      }
      for (let i = 0; i < 3; i++) {
        expect((await push(server.url, token.sup, 'tickets', [{ newDocumentState: ticketDoc(`t-page-a${i}`, 'c-anka') }])).status).toBe(200);
      }
      const paged = await pullAll(server.url, token.tech2, 'tickets', 5);
      expect(paged.documents).toHaveLength(17);
      expect(paged.documents.slice(-3).map((doc) => doc.id)).toEqual(['t-page-a0', 't-page-a1', 't-page-a2']);
      expect(paged.pages).toBe(4);

      const whole = await pull(server.url, token.tech2, 'tickets', { limit: 1000 });
      expect(paged.documents.map((doc) => doc.id)).toEqual(whole.body.documents.map((doc) => doc.id));
      const seqs = await server.store.getDocs('tickets', paged.documents.map((doc) => doc.id));
      const ordered = seqs.map((doc) => doc.seq);
      expect(ordered).toEqual([...ordered].sort((a, b) => a - b));
      expect(new Set(ordered).size).toBe(ordered.length);

      // A short page meant "caught up": pulling again from its checkpoint brings nothing.
      const next = await pull(server.url, token.tech2, 'tickets', { checkpoint: paged.checkpoint, limit: 5 });
      expect(next.body.documents).toEqual([]);
      expect(next.body.checkpoint).toEqual(paged.checkpoint);
    });

    it('caps the page size at the protocol maximum and refuses nonsense limits', async () => {
      const big = await pull(server.url, token.sup, 'events', { limit: 5000 });
      expect(big.status).toBe(200);
      expect(big.body.documents.length).toBeLessThanOrEqual(1000);
      expect((await pull(server.url, token.sup, 'events', { limit: 0 })).status).toBe(400);
    });
  });

  describe('checkpoints', () => {
    it('refuses a checkpoint the server did not issue', async () => {
      const answer = await pull(server.url, token.tech, 'tickets', { checkpoint: '%%%not-base64' });
      expect(answer.status).toBe(400);
      expect((answer.body as unknown as Refusal).code).toBe('CHECKPOINT_INVALID');
    });

    it('restarts from zero when the checkpoint was issued for another contract scope', async () => {
      const first = await pull(server.url, token.tech2, 'tickets', { limit: 1000 });
      const stale = { seq: first.body.checkpoint.seq, scope: scopeFingerprint(['c-anka', 'c-old']) };
      const again = await pull(server.url, token.tech2, 'tickets', { checkpoint: stale, limit: 1000 });
      expect(again.body.documents.map((doc) => doc.id)).toEqual(first.body.documents.map((doc) => doc.id));
      expect(again.body.checkpoint.scope).toBe(scopeFingerprint(['c-anka']));
    });
  });

  describe('versions and routes', () => {
    it('tells an outdated client to update (426) and refuses a newer or missing schema (400)', async () => {
      const old = await pull(server.url, token.tech, 'tickets', { schema: -1 });
      expect(old.status).toBe(426);
      expect((old.body as unknown as Refusal).code).toBe('CLIENT_OUTDATED');
      expect((old.body as unknown as Refusal).message).toMatch(/Update the app/);
      expect((await pull(server.url, token.tech, 'tickets', { schema: 1 })).status).toBe(400);
      const seq = await server.store.maxSeq();
      const pushOld = await push(server.url, token.tech, 'tickets', [{ newDocumentState: ticketDoc('t-old-client', 'c-anka') }], -1);
      expect(pushOld.status).toBe(426);
      expect(await server.store.maxSeq()).toBe(seq);
    });

    it('answers 404 for an unknown collection and 401 without a token', async () => {
      const unknown = await fetch(`${server.url}/api/v1/sync/invoices/pull?schema=0`, { headers: { Authorization: `Bearer ${token.sup}` } });
      expect(unknown.status).toBe(404);
      expect(((await unknown.json()) as Refusal).code).toBe('NOT_FOUND');
      const anonymous = await fetch(`${server.url}/api/v1/sync/tickets/pull?schema=0`);
      expect(anonymous.status).toBe(401);
    });
  });

  // Last: it adds a ticket to c-anka, which the counts above do not expect.
  describe('shared pages', () => {
    it('answers a repeated pull from the same checkpoint with every commit made since, not a remembered page', async () => {
      const start = await pullAll(server.url, token.tech2, 'tickets');
      const again = await pull(server.url, token.tech2, 'tickets', { checkpoint: start.checkpoint, limit: 50 });
      expect(again.body.documents).toEqual([]);
      expect((await push(server.url, token.sup, 'tickets', [{ newDocumentState: ticketDoc('t-shared-1', 'c-anka') }])).status).toBe(200);
      const after = await pull(server.url, token.tech2, 'tickets', { checkpoint: start.checkpoint, limit: 50 });
      expect(after.body.documents).toEqual([ticketDoc('t-shared-1', 'c-anka')]);
      // Another user with other contracts asking from the same sequence gets their own answer.
      const tech = await pull(server.url, token.tech, 'tickets', { checkpoint: { ...start.checkpoint, scope: scopeFingerprint(['c-anka', 'c-bogaz']) }, limit: 50 });
      expect(tech.body.checkpoint.scope).toBe(scopeFingerprint(['c-anka', 'c-bogaz']));
    });
  });
});
