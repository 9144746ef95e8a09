import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { errors, jwtVerify, SignJWT } from 'jose';
import { HttpError } from '../errors.js';

export const JWT_ISSUER = 'deskops';
export const JWT_AUDIENCE = 'deskops-sync';
const ALGORITHM = 'HS256';

export interface AccessClaims {
  readonly userId: string;
  readonly deviceId: string;
}

export interface VerifiedClaims extends AccessClaims {
  /** `iat`, epoch seconds. */
  readonly issuedAt: number;
}

export interface TokenService {
  signAccess(claims: AccessClaims): Promise<{ token: string; expiresAt: number }>;
  /** Throws HttpError AUTH_TOKEN_EXPIRED / AUTH_TOKEN_INVALID. */
  verifyAccess(token: string): Promise<VerifiedClaims>;
}

/** Verified tokens remembered, at most this many (a client presents the same token for 15 minutes). */
const VERIFIED_MAX = 10_000;

export function createTokenService(secret: string, ttlSeconds: number, nowMs: () => number = () => Date.now()): TokenService {
  const key = new TextEncoder().encode(secret);
  /**
   * A token's signature, issuer and audience never change, so each token string is verified once
   * (HMAC through WebCrypto costs more than the rest of a pull served from the page cache) and
   * remembered with its expiry, which is still checked on every use. Who the user is, and whether
   * they are still enabled, is read from the store on every request as before.
   */
  const verified = new Map<string, { claims: VerifiedClaims; expSeconds: number }>();
  return {
    async signAccess({ userId, deviceId }) {
      const now = Math.floor(nowMs() / 1000);
      const token = await new SignJWT({ did: deviceId })
        .setProtectedHeader({ alg: ALGORITHM, typ: 'JWT' })
        .setSubject(userId)
        .setIssuer(JWT_ISSUER)
        .setAudience(JWT_AUDIENCE)
        .setIssuedAt(now)
        .setExpirationTime(now + ttlSeconds)
        .setJti(randomUUID())
        .sign(key);
      return { token, expiresAt: (now + ttlSeconds) * 1000 };
    },
    async verifyAccess(token) {
      const known = verified.get(token);
      if (known) {
        // jose's rule: expired once the current second reaches `exp`.
        if (Math.floor(nowMs() / 1000) < known.expSeconds) return known.claims;
        verified.delete(token);
        throw new HttpError('AUTH_TOKEN_EXPIRED', 'The access token has expired. Refresh it or sign in again.');
      }
      try {
        // Pinning the algorithm refuses `alg: none` and key-confusion tokens.
        const { payload } = await jwtVerify(token, key, {
          algorithms: [ALGORITHM],
          audience: JWT_AUDIENCE,
          issuer: JWT_ISSUER,
          requiredClaims: ['sub', 'exp', 'iat'],
          currentDate: new Date(nowMs()),
        });
        if (typeof payload.sub !== 'string' || typeof payload['did'] !== 'string' || typeof payload.exp !== 'number' || typeof payload.iat !== 'number') {
          throw new HttpError('AUTH_TOKEN_INVALID', 'The access token is not valid. Sign in again.');
        }
        const claims = { userId: payload.sub, deviceId: payload['did'], issuedAt: payload.iat };
        if (verified.size >= VERIFIED_MAX) verified.delete(verified.keys().next().value as string);
        verified.set(token, { claims, expSeconds: payload.exp });
        return claims;
      } catch (error) {
        if (error instanceof HttpError) throw error;
        if (error instanceof errors.JWTExpired) {
          throw new HttpError('AUTH_TOKEN_EXPIRED', 'The access token has expired. Refresh it or sign in again.');
        }
        throw new HttpError('AUTH_TOKEN_INVALID', 'The access token is not valid. Sign in again.');
      }
    },
  };
}

/** An opaque refresh token (32 random bytes); only its SHA-256 is stored. */
export function newRefreshToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashRefreshToken(token) };
}

export function hashRefreshToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
