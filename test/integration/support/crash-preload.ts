import { readFileSync, rmSync } from 'node:fs';
import Database from 'better-sqlite3';
import pg from 'pg';

/**
 * Test-only preload for a sync server child process (`node --import <bundle of this file>`).
 * Nothing of it is in the product: it reaches the server through the database drivers it loads.
 *
 * - `DESKOPS_CRASH_TRIGGER=<file>`: when that file says `before-commit` or `after-commit`, the next
 *   transaction that wrote documents kills the process with SIGKILL right before its COMMIT, or
 *   right after COMMIT returned and before the HTTP reply is written. The file is removed first,
 *   so the restarted server does not crash again. This is the deterministic "kill -9 between
 *   commit and reply" of the fault suites; a hook in production code would be code that can
 *   misfire in production, and a kill from outside cannot aim at that moment.
 * - `DESKOPS_CLOCK_OFFSET_MS=<ms>`: the server's clock runs that far off (clock-skew suite).
 */
const trigger = process.env['DESKOPS_CRASH_TRIGGER'];

function crashIf(moment: 'before-commit' | 'after-commit'): void {
  if (!trigger) return;
  let armed = '';
  try {
    armed = readFileSync(trigger, 'utf8').trim();
  } catch {
    return;
  }
  if (armed !== moment) return;
  rmSync(trigger, { force: true });
  process.kill(process.pid, 'SIGKILL');
}

/** A push transaction's result that wrote rows (see store.ts `PushBatchResult`). */
function wroteDocuments(result: unknown): boolean {
  if (typeof result !== 'object' || result === null) return false;
  const record = result as { ok?: unknown; written?: unknown };
  return record.ok === true && Array.isArray(record.written) && record.written.length > 0;
}

type SqliteTransaction = ((...args: unknown[]) => unknown) & Record<'deferred' | 'immediate' | 'exclusive', (...args: unknown[]) => unknown>;

if (trigger) {
  // SQLite: pushBatch runs `db.transaction(fn).immediate()`; wrap fn (before COMMIT) and the call (after).
  const prototype = Database.prototype as unknown as { transaction: (fn: (...args: unknown[]) => unknown) => SqliteTransaction };
  const transaction = prototype.transaction;
  prototype.transaction = function (this: unknown, fn: (...args: unknown[]) => unknown) {
    const inner = transaction.call(this, function (this: unknown, ...args: unknown[]) {
      const result = fn.apply(this, args);
      if (wroteDocuments(result)) crashIf('before-commit');
      return result;
    });
    const after =
      (run: (...args: unknown[]) => unknown) =>
      (...args: unknown[]) => {
        const result = run(...args);
        if (wroteDocuments(result)) crashIf('after-commit');
        return result;
      };
    const outer = after(inner) as SqliteTransaction;
    outer.deferred = after(inner.deferred);
    outer.immediate = after(inner.immediate);
    outer.exclusive = after(inner.exclusive);
    return outer;
  };

  // PostgreSQL: a write transaction moves the sequence counter (`UPDATE meta SET value`) before COMMIT.
  type Query = (this: PgClientState, config: unknown, ...rest: unknown[]) => unknown;
  interface PgClientState {
    deskopsWrote?: boolean;
  }
  const clientPrototype = pg.Client.prototype as unknown as { query: Query };
  const query = clientPrototype.query;
  clientPrototype.query = function (this: PgClientState, config: unknown, ...rest: unknown[]) {
    const given = typeof config === 'string' ? config : (config as { text?: unknown } | null)?.text;
    const text = typeof given === 'string' ? given : '';
    if (/^\s*BEGIN/i.test(text)) this.deskopsWrote = false;
    else if (/UPDATE meta SET value/i.test(text)) this.deskopsWrote = true;
    else if (/^\s*COMMIT/i.test(text) && this.deskopsWrote) {
      this.deskopsWrote = false;
      crashIf('before-commit');
      const result = query.call(this, config, ...rest);
      if (result instanceof Promise) {
        return result.then((value: unknown) => {
          crashIf('after-commit');
          return value;
        });
      }
      return result;
    }
    return query.call(this, config, ...rest);
  };
}

const offset = Number(process.env['DESKOPS_CLOCK_OFFSET_MS'] ?? 0);
if (Number.isFinite(offset) && offset !== 0) {
  const RealDate = Date;
  class ShiftedDate extends RealDate {
    constructor(...args: unknown[]) {
      if (args.length === 0) super(RealDate.now() + offset);
      else super(...(args as [string | number | Date]));
    }
    static override now(): number {
      return RealDate.now() + offset;
    }
  }
  globalThis.Date = ShiftedDate as DateConstructor;
}
