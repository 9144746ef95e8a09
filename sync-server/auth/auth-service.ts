import { randomUUID } from 'node:crypto';
import type { LoginResponse, SessionUser } from '../../common/sync/protocol.js';
import type { ServerConfig } from '../config.js';
import { HttpError } from '../errors.js';
import { asRecord, requireString, requireText } from '../http/input.js';
import type { Store, UserRecord } from '../store/store.js';
import { checkPassword } from './passwords.js';
import { hashRefreshToken, newRefreshToken, type TokenService } from './tokens.js';

export interface AuthContext {
  readonly user: SessionUser;
  readonly deviceId: string;
}

export function toSessionUser(user: UserRecord): SessionUser {
  return { id: user.id, username: user.username, name: user.name, role: user.role, contractIds: [...user.contractIds] };
}

const INVALID_CREDENTIALS = 'The user name or password is wrong.';

/** Sign-in, token rotation and sign-out; every decision that matters lands in the audit log. */
export class AuthService {
  constructor(
    private readonly store: Store,
    private readonly tokens: TokenService,
    private readonly config: ServerConfig,
  ) {}

  async login(input: unknown, ip: string): Promise<LoginResponse> {
    const body = asRecord(input, 'The sign-in request');
    const username = requireText(body, 'username', 100, true).toLowerCase();
    const password = requireString(body, 'password', 1024);
    const deviceId = requireText(body, 'deviceId', 64);
    const now = Date.now();

    const lockedUntil = await this.store.getLoginLock(username, now);
    if (lockedUntil !== null) {
      await this.store.audit({ event: 'auth.login.locked', username, ip, deviceId });
      throw lockedError(lockedUntil, now);
    }
    const user = await this.store.getUserByUsername(username);
    const valid = await checkPassword(user?.passwordHash ?? null, password);
    if (!user || !valid || user.disabled) {
      const lockStart = await this.store.recordLoginFailure(username, now, this.config.lockout);
      await this.store.audit({
        event: 'auth.login.failed',
        userId: user?.id ?? null,
        username,
        ip,
        deviceId,
        detail: { reason: user ? (user.disabled ? 'disabled' : 'password') : 'unknown_user', locked: lockStart !== null },
      });
      throw new HttpError('AUTH_INVALID_CREDENTIALS', INVALID_CREDENTIALS);
    }
    await this.store.clearLoginFailures(username);
    const pair = await this.issue(user, deviceId, randomUUID(), now);
    await this.store.audit({ event: 'auth.login.ok', userId: user.id, username, ip, deviceId });
    return pair;
  }

  async refresh(input: unknown, ip: string): Promise<LoginResponse> {
    const presented = requireString(asRecord(input, 'The refresh request'), 'refreshToken', 200);
    const now = Date.now();
    const next = newRefreshToken();
    const expires = now + this.config.refreshTokenTtlDays * 24 * 3600_000;
    const result = await this.store.rotateRefreshToken(hashRefreshToken(presented), { id: randomUUID(), hash: next.hash, expires }, now);
    if (result.status === 'invalid') {
      throw new HttpError('AUTH_REFRESH_INVALID', 'The session has ended. Sign in again.');
    }
    const { userId, deviceId, family } = result.previous;
    if (result.status === 'reused') {
      await this.store.audit({ event: 'auth.refresh.reused', userId, ip, deviceId, detail: { family } });
      throw new HttpError('AUTH_REFRESH_REUSED', 'This session was used from somewhere else and has been ended. Sign in again.');
    }
    const user = await this.store.getUserById(userId);
    if (!user || user.disabled) {
      await this.store.revokeRefreshFamily(next.hash);
      throw new HttpError('AUTH_REFRESH_INVALID', 'The session has ended. Sign in again.');
    }
    const access = await this.tokens.signAccess({ userId, deviceId });
    return { accessToken: access.token, accessExpiresAt: access.expiresAt, refreshToken: next.token, user: toSessionUser(user) };
  }

  async logout(input: unknown, ip: string): Promise<void> {
    const presented = requireString(asRecord(input, 'The sign-out request'), 'refreshToken', 200);
    const revoked = await this.store.revokeRefreshFamily(hashRefreshToken(presented));
    if (revoked) await this.store.audit({ event: 'auth.logout', ip });
  }

  /** Resolves the caller from `Authorization: Bearer …`; the user's role and contracts are read fresh. */
  async authenticate(header: string | undefined): Promise<AuthContext> {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
    if (!match?.[1]) throw new HttpError('AUTH_TOKEN_MISSING', 'Sign in first: no access token was sent.');
    const claims = await this.tokens.verifyAccess(match[1]);
    const user = await this.store.getUserById(claims.userId);
    if (!user || user.disabled) throw new HttpError('AUTH_TOKEN_INVALID', 'The access token is not valid. Sign in again.');
    // Every session was ended (password reset) after this token was issued. `iat` has whole
    // seconds: a token from the same second as the reset passes (at most one second's grace).
    if (user.sessionsRevokedAt !== null && claims.issuedAt < Math.floor(user.sessionsRevokedAt / 1000)) {
      throw new HttpError('AUTH_TOKEN_INVALID', 'This session was ended on the server. Sign in again.');
    }
    return { user: toSessionUser(user), deviceId: claims.deviceId };
  }

  /** The account as sign-in sees it now; null when it is gone or disabled. */
  async currentUser(userId: string): Promise<SessionUser | null> {
    const user = await this.store.getUserById(userId);
    return user && !user.disabled ? toSessionUser(user) : null;
  }

  private async issue(user: UserRecord, deviceId: string, family: string, now: number): Promise<LoginResponse> {
    const access = await this.tokens.signAccess({ userId: user.id, deviceId });
    const refresh = newRefreshToken();
    const expires = now + this.config.refreshTokenTtlDays * 24 * 3600_000;
    await this.store.insertRefreshToken({ id: randomUUID(), family, userId: user.id, deviceId, hash: refresh.hash, expires }, now);
    return { accessToken: access.token, accessExpiresAt: access.expiresAt, refreshToken: refresh.token, user: toSessionUser(user) };
  }
}

function lockedError(lockedUntil: number, now: number): HttpError {
  const seconds = Math.max(1, Math.ceil((lockedUntil - now) / 1000));
  const minutes = Math.ceil(seconds / 60);
  return new HttpError(
    'AUTH_ACCOUNT_LOCKED',
    `Too many failed sign-ins. Try again in ${minutes} minute${minutes === 1 ? '' : 's'} (after ${new Date(lockedUntil).toISOString()}).`,
    { headers: { 'Retry-After': String(seconds) } },
  );
}
