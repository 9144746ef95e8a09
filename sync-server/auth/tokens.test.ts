import { describe, expect, it } from 'vitest';
import { createTokenService } from './tokens.js';

describe('access token verification', () => {
  const secret = 'x'.repeat(40);

  it('checks the expiry on every use of a token it verified before', async () => {
    let now = Date.parse('2026-11-25T10:00:00.000Z');
    const tokens = createTokenService(secret, 60, () => now);
    const { token } = await tokens.signAccess({ userId: 'u-tech', deviceId: 'dev-1' });
    const claims = { userId: 'u-tech', deviceId: 'dev-1', issuedAt: now / 1000 };
    await expect(tokens.verifyAccess(token)).resolves.toEqual(claims);
    now += 59_000;
    await expect(tokens.verifyAccess(token)).resolves.toEqual(claims);
    now += 1_000;
    await expect(tokens.verifyAccess(token)).rejects.toMatchObject({ code: 'AUTH_TOKEN_EXPIRED' });
    await expect(tokens.verifyAccess(token)).rejects.toMatchObject({ code: 'AUTH_TOKEN_EXPIRED' });
  });

  it('still refuses a forged signature or another server\'s token after verifying the genuine one', async () => {
    const tokens = createTokenService(secret, 60);
    const { token } = await tokens.signAccess({ userId: 'u-tech', deviceId: 'dev-1' });
    await tokens.verifyAccess(token);
    const [header, payload, signature] = token.split('.');
    const forged = `${header}.${payload}.${(signature ?? '').slice(0, -2)}AA`;
    await expect(tokens.verifyAccess(forged)).rejects.toMatchObject({ code: 'AUTH_TOKEN_INVALID' });
    const other = await createTokenService('y'.repeat(40), 60).signAccess({ userId: 'u-tech', deviceId: 'dev-1' });
    await expect(tokens.verifyAccess(other.token)).rejects.toMatchObject({ code: 'AUTH_TOKEN_INVALID' });
  });
});
