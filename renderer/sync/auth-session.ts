import type { ErrorCode } from '../../common/errors.js';
import { syncPaths, type LoginRequest, type LoginResponse, type SessionUser, type TokenPair } from '../../common/sync/protocol.js';
import { fetchOrNetworkError, isRefreshRefusal, NetworkError, SignInRequiredError, toServerError } from './http-errors.js';

/** Refresh this long before the access token expires, so requests never race its expiry. */
const REFRESH_MARGIN_MS = 30_000;

export interface AuthSessionOptions {
  readonly serverUrl: string;
  readonly refreshToken: string | null;
  readonly accessToken?: string | null;
  readonly accessExpiresAt?: number | null;
  /** Persists each new refresh token (they rotate on every refresh). */
  readonly saveRefreshToken: (token: string) => Promise<void>;
  readonly onSignInRequired: (reason: ErrorCode) => void;
  readonly onUser?: (user: SessionUser) => void;
}

/** Server clock minus ours, from the `Date` header when readable; expiry maths survives a skewed laptop clock. */
function clockSkew(response: Response): number {
  const date = Date.parse(response.headers.get('date') ?? '');
  return Number.isFinite(date) ? date - Date.now() : 0;
}

async function postJson(url: string, body: unknown): Promise<Response> {
  return fetchOrNetworkError(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
}

export async function login(serverUrl: string, request: LoginRequest): Promise<LoginResponse & { skewMs: number }> {
  const response = await postJson(`${serverUrl}${syncPaths.login}`, request);
  if (!response.ok) throw await toServerError(response);
  return { ...((await response.json()) as LoginResponse), skewMs: clockSkew(response) };
}

/**
 * Holds the tokens of one signed-in user. The access token lives only in memory. Refreshes are
 * single-flight and each refresh token is sent at most once once the server has answered: tokens
 * rotate, and replaying a used one makes the server revoke the whole family.
 */
export class AuthSession {
  readonly serverUrl: string;
  private refreshToken: string | null;
  private accessToken: string | null;
  private accessExpiresAt: number;
  private refreshing: Promise<void> | null = null;
  private stopped = false;
  private readonly options: AuthSessionOptions;

  constructor(options: AuthSessionOptions) {
    this.options = options;
    this.serverUrl = options.serverUrl.replace(/\/+$/, '');
    this.refreshToken = options.refreshToken;
    this.accessToken = options.accessToken ?? null;
    this.accessExpiresAt = options.accessExpiresAt ?? 0;
  }

  get hasRefreshToken(): boolean {
    return this.refreshToken !== null;
  }

  /** Adopts a token pair from login/refresh; `skewMs` converts the server's expiry to our clock. */
  adopt(pair: TokenPair, skewMs = 0): void {
    this.accessToken = pair.accessToken;
    this.accessExpiresAt = pair.accessExpiresAt - skewMs;
    this.refreshToken = pair.refreshToken;
  }

  /** A valid access token, refreshed first when it is missing or about to expire. */
  async getAccessToken(): Promise<string> {
    if (this.accessToken && Date.now() < this.accessExpiresAt - REFRESH_MARGIN_MS) return this.accessToken;
    await this.refresh();
    if (!this.accessToken) throw new SignInRequiredError('SIGN_IN_REQUIRED');
    return this.accessToken;
  }

  refresh(): Promise<void> {
    this.refreshing ??= this.doRefresh().finally(() => {
      this.refreshing = null;
    });
    return this.refreshing;
  }

  private async doRefresh(): Promise<void> {
    const token = this.refreshToken;
    if (!token || this.stopped) throw this.signInRequired('SIGN_IN_REQUIRED');
    // From here the token counts as spent once any answer arrives; only "no answer" gives it back.
    this.refreshToken = null;
    let response: Response;
    try {
      response = await postJson(`${this.serverUrl}${syncPaths.refresh}`, { refreshToken: token });
    } catch (error) {
      this.refreshToken = token;
      throw error;
    }
    if (!response.ok) {
      const error = await toServerError(response);
      if (isRefreshRefusal(error) || error.status === 401) throw this.signInRequired(error.code);
      // A 5xx or 429 most likely rolled back; keep the token for the next attempt.
      if (error.status >= 500 || error.status === 429) this.refreshToken = token;
      throw error;
    }
    const body = (await response.json()) as TokenPair & { user?: SessionUser };
    // Signed out meanwhile: the new token must not be stored again.
    if (this.stopped) throw new SignInRequiredError('SIGN_IN_REQUIRED');
    this.adopt(body, clockSkew(response));
    await this.options.saveRefreshToken(body.refreshToken);
    if (body.user) this.options.onUser?.(body.user);
  }

  private signInRequired(reason: ErrorCode): SignInRequiredError {
    this.accessToken = null;
    this.refreshToken = null;
    if (!this.stopped) this.options.onSignInRequired(reason);
    return new SignInRequiredError(reason);
  }

  /**
   * `fetch` to the sync server with `Authorization: Bearer`. On a 401 it refreshes once (unless
   * another request already did) and retries once. Non-2xx answers are returned, not thrown.
   */
  async fetch(path: string, init: RequestInit = {}): Promise<Response> {
    const send = async (token: string) =>
      fetchOrNetworkError(`${this.serverUrl}${path}`, { ...init, headers: { ...init.headers, Authorization: `Bearer ${token}` } });
    const token = await this.getAccessToken();
    const response = await send(token);
    if (response.status !== 401) return response;
    const refused = await toServerError(response);
    if (this.accessToken === token) {
      this.accessToken = null;
      await this.refresh();
    }
    const retried = await send(await this.getAccessToken());
    if (retried.status === 401) throw this.signInRequired(refused.code);
    return retried;
  }

  /** Best effort: revokes the refresh token on the server. Local data is never touched here. */
  async logout(): Promise<void> {
    const token = this.refreshToken;
    this.stop();
    if (!token) return;
    try {
      await postJson(`${this.serverUrl}${syncPaths.logout}`, { refreshToken: token });
    } catch (error) {
      if (!(error instanceof NetworkError)) throw error;
    }
  }

  /** After stop, nothing is refreshed or reported any more (signed out, or replaced by a new session). */
  stop(): void {
    this.stopped = true;
    this.accessToken = null;
    this.refreshToken = null;
  }
}

