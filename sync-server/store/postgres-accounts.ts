import type { Role } from '../../common/domain/vocabulary.js';
import { inTransaction, type PgPool } from './postgres-db.js';
import type { AuditEntry, AuditRecord, RefreshTokenRecord, RotateResult, UserRecord } from './store.js';

interface UserRow {
  id: string;
  username: string;
  name: string;
  role: string;
  password_hash: string;
  disabled: boolean;
  contract_ids: string[] | null;
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
  };
}

const SELECT_USERS = `SELECT u.*, (SELECT array_agg(c.contract_id ORDER BY c.contract_id COLLATE "C")
  FROM user_contracts c WHERE c.user_id = u.id) AS contract_ids FROM users u`;

/** Users, their contracts, sign-in lockouts, refresh tokens and the audit log in PostgreSQL. */
export class PostgresAccounts {
  constructor(private readonly pool: PgPool) {}

  async createUser(user: UserRecord): Promise<void> {
    await inTransaction(this.pool, async (client) => {
      await client.query(
        `INSERT INTO users (id, username, name, role, password_hash, disabled, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [user.id, user.username, user.name, user.role, user.passwordHash, user.disabled, new Date().toISOString()],
      );
      for (const contractId of user.contractIds) {
        await client.query('INSERT INTO user_contracts (user_id, contract_id) VALUES ($1, $2)', [user.id, contractId]);
      }
    });
  }

  async getUser(column: 'id' | 'username', value: string): Promise<UserRecord | null> {
    const result = await this.pool.query<UserRow>(`${SELECT_USERS} WHERE u.${column} = $1`, [value]);
    return result.rows[0] ? toUser(result.rows[0]) : null;
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
