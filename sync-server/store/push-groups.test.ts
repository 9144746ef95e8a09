import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ticketDoc } from '../testing/fixtures.js';
import { createTestDatabase, storeKinds } from '../testing/store-matrix.js';
import { migratePg, openPgPool, type PgPool } from './postgres-db.js';
import { PostgresDocuments } from './postgres-documents.js';
import { POSTGRES_MIGRATIONS } from './postgres-migrations.js';
import { PushFailure, PushGroups, type GroupAnswer, type QueuedPush } from './push-groups.js';
import type { DocBody, DocState, PushBatchResult, PushWrite, RowGuard } from './store.js';

const author = { userId: 'u-tech', deviceId: 'dev-test' };
const allow: RowGuard = () => null;
const state = (id: string, overrides: Record<string, unknown> = {}): DocState => {
  const { _deleted: _ignored, ...body } = ticketDoc(id, 'c-anka', overrides);
  return { body: body as DocBody, deleted: false };
};
const insert = (id: string, overrides: Record<string, unknown> = {}): PushWrite => ({ assumed: null, next: state(id, overrides) });

describe('PushGroups', () => {
  it('runs the first push at once and the pushes that arrive meanwhile together, answering each in order', async () => {
    const groups: string[][] = [];
    let release: () => void = () => undefined;
    const queue = new PushGroups(async (group) => {
      groups.push(group.map((push) => push.rows[0]?.next.body.id ?? ''));
      if (groups.length === 1) await new Promise<void>((resolve) => (release = resolve));
      return group.map((push): PushBatchResult => ({ ok: true, conflicts: [], written: [{ id: push.rows[0]?.next.body.id ?? '', contractId: 'c', seq: 0 }] }));
    });
    const push = (id: string) => queue.push({ collection: 'tickets', rows: [insert(id)], author, guard: allow });
    const first = push('a');
    const later = ['b', 'c', 'd'].map(push);
    await new Promise((resolve) => setTimeout(resolve, 5));
    release();
    const answers = await Promise.all([first, ...later]);
    expect(groups).toEqual([['a'], ['b', 'c', 'd']]);
    expect(answers.map((answer) => (answer.ok ? answer.written[0]?.id : null))).toEqual(['a', 'b', 'c', 'd']);
  });

  it('fails every push of a failed transaction, and the next group still runs; groups stay under maxRows', async () => {
    const sizes: number[] = [];
    let calls = 0;
    let release: () => void = () => undefined;
    const queue = new PushGroups(async (group: readonly QueuedPush[]) => {
      calls++;
      sizes.push(group.reduce((sum, push) => sum + push.rows.length, 0));
      if (calls === 1) await new Promise<void>((resolve) => (release = resolve));
      if (calls === 2) throw new Error('connection lost');
      return group.map((): PushBatchResult => ({ ok: true, conflicts: [], written: [] }));
    }, 3);
    const push = (n: number) => queue.push({ collection: 'tickets', rows: Array.from({ length: n }, (_, i) => insert(`t-${n}-${i}`)), author, guard: allow });
    const first = push(1);
    const second = [push(2), push(1)];
    const third = push(2);
    release();
    await first;
    await expect(Promise.all(second)).rejects.toThrow('connection lost');
    await expect(third).resolves.toMatchObject({ ok: true });
    expect(sizes).toEqual([1, 3, 2]);
  });

  it('tries each push of a group again alone when the failure came from the data, and only then', async () => {
    const seen: string[][] = [];
    let release: () => void = () => undefined;
    const dataError = Object.assign(new Error('invalid byte sequence'), { code: '22021' });
    let calls = 0;
    const queue = new PushGroups(
      async (group): Promise<GroupAnswer[]> => {
        const ids = group.map((push) => push.rows[0]?.next.body.id ?? '');
        seen.push(ids);
        if (++calls === 1) await new Promise<void>((resolve) => (release = resolve));
        if (ids.includes('bad')) throw dataError;
        if (ids.includes('lost')) throw new Error('connection lost');
        if (ids.includes('throws')) return group.map((push) => (push.rows[0]?.next.body.id === 'throws' ? new PushFailure(new Error('guard threw')) : { ok: true, conflicts: [], written: [] }));
        return group.map((): PushBatchResult => ({ ok: true, conflicts: [], written: [] }));
      },
      100,
      (error) => error === dataError,
    );
    const push = (id: string) => queue.push({ collection: 'tickets', rows: [insert(id)], author, guard: allow });
    const first = push('a');
    const grouped = ['b', 'bad', 'c'].map(push);
    release();
    await first;
    const outcomes = await Promise.allSettled(grouped);
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(seen).toEqual([['a'], ['b', 'bad', 'c'], ['b'], ['bad'], ['c']]);
    // Not a data error: the outcome may be unknown, nothing is retried, the whole group fails.
    seen.length = 0;
    const lost = await Promise.allSettled(['d', 'lost'].map(push));
    expect(lost.map((outcome) => outcome.status)).toEqual(['rejected', 'rejected']);
    expect(seen).toEqual([['d', 'lost']]);
    // A push the commit marks as failed is rejected on its own; the others of its group are answered.
    const mixed = await Promise.allSettled(['e', 'throws', 'f'].map(push));
    expect(mixed.map((outcome) => outcome.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
  });
});

describe.skipIf(!storeKinds().includes('postgres'))('PostgreSQL group commit', () => {
  let pool: PgPool;
  let drop: () => Promise<void>;
  let transactions = 0;
  beforeAll(async () => {
    const database = await createTestDatabase();
    drop = database.drop;
    pool = openPgPool(database.url);
    await migratePg(pool, POSTGRES_MIGRATIONS);
    // Every write transaction takes its own connection: counting them counts transactions.
    // (pool.query connects too, with a callback: only promise-style connects are transactions.)
    const connect = pool.connect.bind(pool) as (...args: unknown[]) => unknown;
    (pool as unknown as { connect: (...args: unknown[]) => unknown }).connect = (...args: unknown[]) => {
      if (args.length === 0) transactions++;
      return connect(...args);
    };
  });
  afterAll(async () => {
    await pool?.end();
    await drop?.();
  });

  it('concurrent pushes share transactions and answer exactly as one after the other would', async () => {
    const docs = new PostgresDocuments(pool);
    await docs.pushBatch('tickets', [insert('t-g-0')], author, allow);
    transactions = 0;
    const refuseSecond: RowGuard = (row) => (row.next.body.id === 't-g-bad-2' ? { code: 'NOT_FOUND', message: 'no', docId: row.next.body.id } : null);
    const edited = state('t-g-0', { title: 'first edit' });
    const pushes = [
      ...Array.from({ length: 8 }, (_, i) => docs.pushBatch('tickets', [insert(`t-g-${i + 1}`)], author, allow)),
      // Refused halfway: its first row must not be written, nor seen by the pushes after it.
      docs.pushBatch('tickets', [insert('t-g-bad-1'), insert('t-g-bad-2')], author, refuseSecond),
      // Two edits of one document: the second assumes the first's result, the third the original.
      docs.pushBatch('tickets', [{ assumed: state('t-g-0'), next: edited }], author, allow),
      docs.pushBatch('tickets', [{ assumed: edited, next: state('t-g-0', { title: 'second edit' }) }], author, allow),
      docs.pushBatch('tickets', [{ assumed: state('t-g-0'), next: state('t-g-0', { title: 'stale edit' }) }], author, allow),
      docs.pushBatch('tickets', [insert('t-g-bad-1', { title: 'later insert' })], author, allow),
    ];
    const answers = await Promise.all(pushes);
    expect(transactions).toBeLessThan(pushes.length);
    const seqs = answers.flatMap((answer) => (answer.ok ? answer.written.map((write) => write.seq) : []));
    // Sequences follow arrival order with no gap: the same numbering as serial transactions.
    expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, i) => (seqs[0] ?? 0) + i));
    expect(answers[8]).toMatchObject({ ok: false, error: { docId: 't-g-bad-2' } });
    expect(answers[9]).toMatchObject({ ok: true, conflicts: [] });
    expect(answers[10]).toMatchObject({ ok: true, conflicts: [] });
    const stale = answers[11];
    expect(stale?.ok && stale.conflicts.map((doc) => doc.body['title'])).toEqual(['second edit']);
    expect(answers[12]).toMatchObject({ ok: true, written: [{ id: 't-g-bad-1' }] });
    const stored = await docs.getDocs('tickets', ['t-g-0', 't-g-bad-1', 't-g-bad-2']);
    expect(stored.map((doc) => [doc.id, doc.body['title']])).toEqual([
      ['t-g-0', 'second edit'],
      ['t-g-bad-1', 'later insert'],
    ]);
    expect((await docs.listRevisions('tickets', 't-g-0')).map((doc) => doc.body['title'])).toEqual(['Monitör görüntü vermiyor', 'first edit', 'second edit']);
    expect(await docs.maxSeq()).toBe(Math.max(...seqs));
  });

  it('a push the database refuses, or whose guard throws, fails alone: the pushes grouped with it are written', async () => {
    const docs = new PostgresDocuments(pool);
    const before = await docs.maxSeq();
    transactions = 0;
    const throwing: RowGuard = () => {
      throw new Error('guard failed');
    };
    const pushes = [
      docs.pushBatch('tickets', [insert('t-p-1')], author, allow),
      docs.pushBatch('tickets', [insert('t-p-2')], author, allow),
      // PostgreSQL refuses a NUL character in a text parameter (SQLSTATE 22021): the group's read fails.
      docs.pushBatch('tickets', [insert('t-p-\u0000')], author, allow),
      docs.pushBatch('tickets', [insert('t-p-3')], author, throwing),
      docs.pushBatch('tickets', [insert('t-p-4')], author, allow),
    ];
    const outcomes = await Promise.allSettled(pushes);
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'rejected', 'fulfilled']);
    expect(outcomes[2]).toMatchObject({ status: 'rejected', reason: { code: '22021' } });
    // t-p-1 alone, the other four together (refused by the data), then each of the four alone.
    expect(transactions).toBe(6);
    expect(outcomes[3]).toMatchObject({ status: 'rejected', reason: { message: 'guard failed' } });
    const stored = await docs.getDocs('tickets', ['t-p-1', 't-p-2', 't-p-3', 't-p-4']);
    expect(stored.map((doc) => doc.id)).toEqual(['t-p-1', 't-p-2', 't-p-4']);
    // Three documents written, numbered without a gap after what was there before.
    expect(stored.map((doc) => doc.seq).sort((a, b) => a - b)).toEqual([before + 1, before + 2, before + 3]);
    expect(await docs.maxSeq()).toBe(before + 3);

    // A throwing guard alone in a group (no data error to retry): only its own push fails.
    transactions = 0;
    const second = await Promise.allSettled([
      docs.pushBatch('tickets', [insert('t-q-1')], author, allow),
      docs.pushBatch('tickets', [insert('t-q-2')], author, allow),
      docs.pushBatch('tickets', [insert('t-q-3')], author, throwing),
      docs.pushBatch('tickets', [insert('t-q-4')], author, allow),
    ]);
    expect(second.map((outcome) => outcome.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled']);
    expect(transactions).toBe(2);
    expect((await docs.getDocs('tickets', ['t-q-1', 't-q-2', 't-q-3', 't-q-4'])).map((doc) => doc.id)).toEqual(['t-q-1', 't-q-2', 't-q-4']);
    expect(await docs.maxSeq()).toBe(before + 6);
  });
});
