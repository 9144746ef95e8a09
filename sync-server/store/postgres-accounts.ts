import type { Role } from '../../common/domain/vocabulary.js';
import { applyUserChange, canonicalContracts, missingAccount } from './account-change.js';
import { inTransaction, type PgClient, type PgPool } from './postgres-db.js';
import type { AccountDecider, AuditEntry, AuditRecord, NewUser, RefreshTokenRecord, RotateResult, UpdateUserResult, UserRecord } from './store.js';

interface UserRow {
  id: string;
  username: string;
  name: string;
  role: string;
  password_hash: string;
  disabled: boolean;
  contract_ids: string[] | null;
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
  revoked: boolean;
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

function toUser(row: UserRow): UserRecord {
  return {
    id: row.id,
    username: row.username,
    name: row.name,
    role: row.role as Role,
    contractIds: row.contract_ids ?? [],
    passwordHash: row.password_hash,
    disabled: row.disabled,
    version: Number(row.version),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    sessionsRevokedAt: row.sessions_revoked_at === null ? null : Number(row.sessions_revoked_at),
  };
}

const SELECT_USERS = `SELECT u.*, (SELECT array_agg(c.contract_id ORDER BY c.contract_id COLLATE "C")
  FROM user_contracts c WHERE c.user_id = u.id) AS contract_ids FROM users u`;

async function getUserWith(client: Pick<PgPool, 'query'>, column: 'id' | 'username', value: string): Promise<UserRecord | null> {
  const result = await client.query<UserRow>(`${SELECT_USERS} WHERE u.${column} = $1`, [value]);
  return result.rows[0] ? toUser(result.rows[0]) : null;
}

/** Raises the 'accounts' counter, locking its row until COMMIT: account writes take turns across instances. */
async function nextAccountVersion(client: PgClient): Promise<number> {
  const result = await client.query<{ value: number }>(`UPDATE meta SET value = value + 1 WHERE key = 'accounts' RETURNING value`);
  const value = result.rows[0]?.value;
  if (value === undefined) throw new Error('account counter missing from meta');
  return Number(value);
}

async function linkContracts(client: PgClient, userId: string, contractIds: readonly string[]): Promise<void> {
  const ids = canonicalContracts(contractIds);
  if (ids.length === 0) return;
  await client.query('INSERT INTO user_contracts (user_id, contract_id) SELECT $1, unnest($2::text[])', [userId, ids]);
}

/** Users, their contracts, sign-in lockouts, refresh tokens and the audit log in PostgreSQL. */
export class PostgresAccounts {
  constructor(private readonly pool: PgPool) {}

  async createUser(user: NewUser): Promise<UserRecord | null> {
    return inTransaction(this.pool, async (client) => {
      // The counter row first: account writes take turns, so the name check below cannot race.
      await client.query(`SELECT value FROM meta WHERE key = 'accounts' FOR UPDATE`);
      const taken = await client.query('SELECT 1 FROM users WHERE id = $1 OR username = $2', [user.id, user.username]);
      if (taken.rows.length > 0) return null;
      await client.query(
        `INSERT INTO users (id, username, name, role, password_hash, disabled, created_at, version) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [user.id, user.username, user.name, user.role, user.passwordHash, user.disabled, new Date().toISOString(), await nextAccountVersion(client)],
      );
      await linkContracts(client, user.id, user.contractIds);
      return getUserWith(client, 'id', user.id);
    });
  }

  async updateUser(id: string, decide: AccountDecider): Promise<UpdateUserResult> {
    return inTransaction(this.pool, async (client): Promise<UpdateUserResult> => {
      await client.query(`SELECT value FROM meta WHERE key = 'accounts' FOR UPDATE`);
      const current = await getUserWith(client, 'id', id);
      if (!current) return missingAccount(id);
      const decision = decide(current);
      if ('refusal' in decision) return { ok: false, error: decision.refusal };
      const { change } = decision;
      const { next, changed } = applyUserChange(current, change);
      if (!changed) return { ok: true, before: current, after: current };
      const version = await nextAccountVersion(client);
      await client.query('UPDATE users SET name = $1, role = $2, disabled = $3, password_hash = $4, version = $5, updated_at = $6 WHERE id = $7', [
        next.name,
        next.role,
        next.disabled,
        next.passwordHash,
        version,
        new Date().toISOString(),
        id,
      ]);
      if (change.contractIds) {
        await client.query('DELETE FROM user_contracts WHERE user_id = $1', [id]);
        await linkContracts(client, id, next.contractIds);
      }
      const after = await getUserWith(client, 'id', id);
      return after ? { ok: true, before: current, after } : missingAccount(id);
    });
  }

  async revokeUserSessions(userId: string, now: number): Promise<number> {
    return inTransaction(this.pool, async (client) => {
      await client.query('UPDATE users SET sessions_revoked_at = $1 WHERE id = $2', [now, userId]);
      const result = await client.query('UPDATE refresh_tokens SET revoked = TRUE WHERE user_id = $1 AND NOT revoked', [userId]);
      return result.rowCount ?? 0;
    });
  }

  async getUser(column: 'id' | 'username', value: string): Promise<UserRecord | null> {
    return getUserWith(this.pool, column, value);
  }

  async listUsers(): Promise<UserRecord[]> {
    // COLLATE "C": the same byte order SQLite uses, whatever the cluster's locale.
    return (await this.pool.query<UserRow>(`${SELECT_USERS} ORDER BY u.id COLLATE "C"`)).rows.map(toUser);
  }

  async getLoginLock(username: string, now: number): Promise<number | null> {
    const result = await this.pool.query<{ locked_until: number | null }>('SELECT locked_until FROM login_failures WHERE username = $1', [
      username,
    ]);
    const lockedUntil = result.rows[0]?.locked_until;
    return lockedUntil != null && lockedUntil > now ? lockedUntil : null;
  }

  async recordLoginFailure(username: string, now: number, policy: { maxFailures: number; lockMs: number }): Promise<number | null> {
    return inTransaction(this.pool, async (client) => {
      // Make sure the row exists, then lock it: concurrent failures for one name count one by one.
      await client.query('INSERT INTO login_failures (username, failures) VALUES ($1, 0) ON CONFLICT (username) DO NOTHING', [username]);
      const result = await client.query<{ failures: number; locked_until: number | null }>(
        'SELECT failures, locked_until FROM login_failures WHERE username = $1 FOR UPDATE',
        [username],
      );
      const row = result.rows[0];
      // A lock that has run out starts a fresh count.
      const expired = row?.locked_until != null && row.locked_until <= now;
      const failures = (row && !expired ? row.failures : 0) + 1;
      const lockedUntil = failures >= policy.maxFailures ? now + policy.lockMs : null;
      await client.query('UPDATE login_failures SET failures = $2, locked_until = $3 WHERE username = $1', [
        username,
        lockedUntil === null ? failures : 0,
        lockedUntil,
      ]);
      return lockedUntil;
    });
  }

  async clearLoginFailures(username: string): Promise<void> {
    await this.pool.query('DELETE FROM login_failures WHERE username = $1', [username]);
  }

  async insertRefreshToken(token: RefreshTokenRecord, now: number, client: Pick<PgPool, 'query'> = this.pool): Promise<void> {
    await client.query(
      `INSERT INTO refresh_tokens (id, family, user_id, device_id, hash, created_at, expires) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [token.id, token.family, token.userId, token.deviceId, token.hash, now, token.expires],
    );
  }

  async rotateRefreshToken(hash: string, next: Omit<RefreshTokenRecord, 'family' | 'userId' | 'deviceId'>, now: number): Promise<RotateResult> {
    return inTransaction(this.pool, async (client): Promise<RotateResult> => {
      // FOR UPDATE: two refreshes racing with the same token must not both rotate it.
      const result = await client.query<TokenRow>('SELECT * FROM refresh_tokens WHERE hash = $1 FOR UPDATE', [hash]);
      const row = result.rows[0];
      if (!row || row.expires <= now) return { status: 'invalid' };
      const previous = toToken(row);
      if (row.used_at !== null) {
        // Presenting a spent token means two parties hold the family: end it for both.
        await client.query('UPDATE refresh_tokens SET revoked = TRUE WHERE family = $1', [row.family]);
        return { status: 'reused', previous };
      }
      if (row.revoked) return { status: 'invalid' };
      await client.query('UPDATE refresh_tokens SET used_at = $1 WHERE id = $2', [now, row.id]);
      await this.insertRefreshToken({ ...next, family: row.family, userId: row.user_id, deviceId: row.device_id }, now, client);
      return { status: 'rotated', previous };
    });
  }

  async revokeRefreshFamily(hash: string): Promise<boolean> {
    const result = await this.pool.query(
      'UPDATE refresh_tokens SET revoked = TRUE WHERE family = (SELECT family FROM refresh_tokens WHERE hash = $1)',
      [hash],
    );
    return (result.rowCount ?? 0) > 0;
  }

  /** Drops refresh tokens that expired long ago; reuse detection only needs live families. */
  async pruneRefreshTokens(now: number): Promise<void> {
    await this.pool.query('DELETE FROM refresh_tokens WHERE expires < $1', [now - 7 * 24 * 3600_000]);
  }

  async audit(entry: AuditEntry): Promise<void> {
    await this.pool.query('INSERT INTO audit_log (at, event, user_id, username, ip, device_id, detail) VALUES ($1, $2, $3, $4, $5, $6, $7)', [
      new Date().toISOString(),
      entry.event,
      entry.userId ?? null,
      entry.username ?? null,
      entry.ip ?? null,
      entry.deviceId ?? null,
      entry.detail ? JSON.stringify(entry.detail) : null,
    ]);
  }

  async listAudit(limit: number): Promise<AuditRecord[]> {
    const result = await this.pool.query<AuditRow>('SELECT * FROM audit_log ORDER BY id DESC LIMIT $1', [limit]);
    return result.rows.map((row) => ({
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
