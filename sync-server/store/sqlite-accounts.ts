import type { Role } from '../../common/domain/vocabulary.js';
import { applyUserChange, canonicalContracts, missingAccount } from './account-change.js';
import type { SqliteDb } from './sqlite-db.js';
import type { AccountDecider, AuditEntry, AuditRecord, NewUser, RefreshTokenRecord, RotateResult, UpdateUserResult, UserRecord } from './store.js';

interface UserRow {
  id: string;
  username: string;
  name: string;
  role: string;
  password_hash: string;
  disabled: number;
  version: number;
  created_at: string;
  updated_at: string | null;
  sessions_revoked_at: number | null;
}

interface TokenRow {
  id: string;
  family: string;
  user_id: string;
  device_id: string;
  hash: string;
  expires: number;
  used_at: number | null;
  revoked: number;
}

interface AuditRow {
  id: number;
  at: string;
  event: string;
  user_id: string | null;
  username: string | null;
  ip: string | null;
  device_id: string | null;
  detail: string | null;
}

function toToken(row: TokenRow): RefreshTokenRecord {
  return { id: row.id, family: row.family, userId: row.user_id, deviceId: row.device_id, hash: row.hash, expires: row.expires };
}

/** Users, their contracts, sign-in lockouts, refresh tokens and the audit log in SQLite. */
export class SqliteAccounts {
  constructor(private readonly db: SqliteDb) {}

  createUser(user: NewUser): UserRecord | null {
    return this.db
      .transaction((): UserRecord | null => {
        const taken = this.db.prepare('SELECT 1 FROM users WHERE id = ? OR username = ?').get(user.id, user.username);
        if (taken) return null;
        const version = this.nextAccountVersion();
        this.db
          .prepare(
            `INSERT INTO users (id, username, name, role, password_hash, disabled, created_at, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
          )
          .run(user.id, user.username, user.name, user.role, user.passwordHash, user.disabled ? 1 : 0, new Date().toISOString(), version);
        this.linkContracts(user.id, user.contractIds);
        return this.getUser('id', user.id);
      })
      .immediate();
  }

  updateUser(id: string, decide: AccountDecider): UpdateUserResult {
    return this.db
      .transaction((): UpdateUserResult => {
        const current = this.getUser('id', id);
        if (!current) return missingAccount(id);
        const decision = decide(current);
        if ('refusal' in decision) return { ok: false, error: decision.refusal };
        const { change } = decision;
        const { next, changed } = applyUserChange(current, change);
        if (!changed) return { ok: true, before: current, after: current };
        this.db
          .prepare('UPDATE users SET name = ?, role = ?, disabled = ?, password_hash = ?, version = ?, updated_at = ? WHERE id = ?')
          .run(next.name, next.role, next.disabled ? 1 : 0, next.passwordHash, this.nextAccountVersion(), new Date().toISOString(), id);
        if (change.contractIds) {
          this.db.prepare('DELETE FROM user_contracts WHERE user_id = ?').run(id);
          this.linkContracts(id, next.contractIds);
        }
        const after = this.getUser('id', id);
        return after ? { ok: true, before: current, after } : missingAccount(id);
      })
      .immediate();
  }

  revokeUserSessions(userId: string, now: number): number {
    return this.db
      .transaction((): number => {
        this.db.prepare('UPDATE users SET sessions_revoked_at = ? WHERE id = ?').run(now, userId);
        return this.db.prepare('UPDATE refresh_tokens SET revoked = 1 WHERE user_id = ? AND revoked = 0').run(userId).changes;
      })
      .immediate();
  }

  private linkContracts(userId: string, contractIds: readonly string[]): void {
    const link = this.db.prepare('INSERT INTO user_contracts (user_id, contract_id) VALUES (?, ?)');
    for (const contractId of canonicalContracts(contractIds)) link.run(userId, contractId);
  }

  /** Raises the 'accounts' counter (inside the caller's write transaction) and returns the new value. */
  private nextAccountVersion(): number {
    const row = this.db.prepare<[], { value: number }>(`UPDATE meta SET value = value + 1 WHERE key = 'accounts' RETURNING value`).get();
    if (!row) throw new Error('account counter missing from meta');
    return row.value;
  }

  getUser(column: 'id' | 'username', value: string): UserRecord | null {
    const row = this.db.prepare<[string], UserRow>(`SELECT * FROM users WHERE ${column} = ?`).get(value);
    return row ? this.toUser(row) : null;
  }

  listUsers(): UserRecord[] {
    return this.db.prepare<[], UserRow>('SELECT * FROM users ORDER BY id').all().map((row) => this.toUser(row));
  }

  private toUser(row: UserRow): UserRecord {
    const contracts = this.db
      .prepare<[string], { contract_id: string }>('SELECT contract_id FROM user_contracts WHERE user_id = ? ORDER BY contract_id')
      .all(row.id)
      .map((link) => link.contract_id);
    return {
      id: row.id,
      username: row.username,
      name: row.name,
      role: row.role as Role,
      contractIds: contracts,
      passwordHash: row.password_hash,
      disabled: row.disabled === 1,
      version: row.version,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
      sessionsRevokedAt: row.sessions_revoked_at,
    };
  }

  getLoginLock(username: string, now: number): number | null {
    const row = this.db
      .prepare<[string], { locked_until: number | null }>('SELECT locked_until FROM login_failures WHERE username = ?')
      .get(username);
    return row?.locked_until != null && row.locked_until > now ? row.locked_until : null;
  }

  recordLoginFailure(username: string, now: number, policy: { maxFailures: number; lockMs: number }): number | null {
    return this.db
      .transaction((): number | null => {
        const row = this.db
          .prepare<[string], { failures: number; locked_until: number | null }>(
            'SELECT failures, locked_until FROM login_failures WHERE username = ?',
          )
          .get(username);
        // A lock that has run out starts a fresh count.
        const expired = row?.locked_until != null && row.locked_until <= now;
        const failures = (row && !expired ? row.failures : 0) + 1;
        const lockedUntil = failures >= policy.maxFailures ? now + policy.lockMs : null;
        this.db
          .prepare(
            `INSERT INTO login_failures (username, failures, locked_until) VALUES (?, ?, ?)
             ON CONFLICT (username) DO UPDATE SET failures = excluded.failures, locked_until = excluded.locked_until`,
          )
          .run(username, lockedUntil === null ? failures : 0, lockedUntil);
        return lockedUntil;
      })
      .immediate();
  }

  clearLoginFailures(username: string): void {
    this.db.prepare('DELETE FROM login_failures WHERE username = ?').run(username);
  }

  insertRefreshToken(token: RefreshTokenRecord, now: number): void {
    this.db
      .prepare(
        `INSERT INTO refresh_tokens (id, family, user_id, device_id, hash, created_at, expires) VALUES (?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(token.id, token.family, token.userId, token.deviceId, token.hash, now, token.expires);
  }

  rotateRefreshToken(hash: string, next: Omit<RefreshTokenRecord, 'family' | 'userId' | 'deviceId'>, now: number): RotateResult {
    return this.db
      .transaction((): RotateResult => {
        const row = this.db.prepare<[string], TokenRow>('SELECT * FROM refresh_tokens WHERE hash = ?').get(hash);
        if (!row || row.expires <= now) return { status: 'invalid' };
        const previous = toToken(row);
        if (row.used_at !== null) {
          // Presenting a spent token means two parties hold the family: end it for both.
          this.db.prepare('UPDATE refresh_tokens SET revoked = 1 WHERE family = ?').run(row.family);
          return { status: 'reused', previous };
        }
        if (row.revoked === 1) return { status: 'invalid' };
        this.db.prepare('UPDATE refresh_tokens SET used_at = ? WHERE id = ?').run(now, row.id);
        this.insertRefreshToken({ ...next, family: row.family, userId: row.user_id, deviceId: row.device_id }, now);
        return { status: 'rotated', previous };
      })
      .immediate();
  }

  revokeRefreshFamily(hash: string): boolean {
    const row = this.db.prepare<[string], { family: string }>('SELECT family FROM refresh_tokens WHERE hash = ?').get(hash);
    if (!row) return false;
    this.db.prepare('UPDATE refresh_tokens SET revoked = 1 WHERE family = ?').run(row.family);
    return true;
  }

  /** Drops refresh tokens that expired long ago; reuse detection only needs live families. */
  pruneRefreshTokens(now: number): void {
    this.db.prepare('DELETE FROM refresh_tokens WHERE expires < ?').run(now - 7 * 24 * 3600_000);
  }

  audit(entry: AuditEntry): void {
    this.db
      .prepare('INSERT INTO audit_log (at, event, user_id, username, ip, device_id, detail) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(
        new Date().toISOString(),
        entry.event,
        entry.userId ?? null,
        entry.username ?? null,
        entry.ip ?? null,
        entry.deviceId ?? null,
        entry.detail ? JSON.stringify(entry.detail) : null,
      );
  }

  listAudit(limit: number): AuditRecord[] {
    return this.db
      .prepare<[number], AuditRow>('SELECT * FROM audit_log ORDER BY id DESC LIMIT ?')
      .all(limit)
      .map((row) => ({
        id: row.id,
        at: row.at,
        event: row.event,
        userId: row.user_id,
        username: row.username,
        ip: row.ip,
        deviceId: row.device_id,
        ...(row.detail ? { detail: JSON.parse(row.detail) as Record<string, unknown> } : {}),
      }));
  }
}
