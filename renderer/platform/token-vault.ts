import { getDesktop } from './desktop.js';

/**
 * Where the refresh token lives. `keyring`: encrypted by the OS through the desktop bridge
 * (survives restarts). `tab`: sessionStorage, because a browser (or a desktop without a keyring)
 * has nowhere safe to keep it — the sign-in lasts only as long as this tab/window.
 */
export type TokenStorageKind = 'keyring' | 'tab';

export interface TokenStorageInfo {
  readonly kind: TokenStorageKind;
  /** Why the keyring isn't used, in the bridge's words; null when it is used or there's no bridge. */
  readonly reason: string | null;
  readonly backend: string | null;
}

interface StoredToken {
  readonly userId: string;
  readonly serverUrl: string;
  readonly token: string;
}

const SECRET = 'sync.refreshToken' as const;
const TAB_KEY = 'deskops.refreshToken';

export async function tokenStorageInfo(): Promise<TokenStorageInfo> {
  const desktop = getDesktop();
  if (!desktop) return { kind: 'tab', reason: null, backend: null };
  try {
    const status = await desktop.secrets.status();
    if (status.ok && status.value.protected) return { kind: 'keyring', reason: null, backend: status.value.backend };
    return { kind: 'tab', reason: status.ok ? status.value.reason : status.error.message, backend: status.ok ? status.value.backend : null };
  } catch (error) {
    return { kind: 'tab', reason: error instanceof Error ? error.message : 'secrets unavailable', backend: null };
  }
}

function parse(text: string | null): StoredToken | null {
  if (!text) return null;
  try {
    const value = JSON.parse(text) as Partial<StoredToken>;
    if (typeof value.userId === 'string' && typeof value.serverUrl === 'string' && typeof value.token === 'string') {
      return { userId: value.userId, serverUrl: value.serverUrl, token: value.token };
    }
  } catch {
    // Unreadable leftovers count as "no token": the person signs in again.
  }
  return null;
}

function tabStorage(): Storage | null {
  return typeof sessionStorage === 'undefined' ? null : sessionStorage;
}

export async function loadRefreshToken(userId: string, serverUrl: string): Promise<string | null> {
  const info = await tokenStorageInfo();
  let stored: StoredToken | null = null;
  if (info.kind === 'keyring') {
    const result = await getDesktop()?.secrets.get(SECRET);
    stored = result?.ok ? parse(result.value) : null;
  } else {
    stored = parse(tabStorage()?.getItem(TAB_KEY) ?? null);
  }
  // A token of another user or server must never be sent (it would look like token theft).
  return stored && stored.userId === userId && stored.serverUrl === serverUrl ? stored.token : null;
}

export async function saveRefreshToken(userId: string, serverUrl: string, token: string): Promise<void> {
  const text = JSON.stringify({ userId, serverUrl, token } satisfies StoredToken);
  const info = await tokenStorageInfo();
  if (info.kind === 'keyring') {
    const result = await getDesktop()?.secrets.set(SECRET, text);
    if (result?.ok) return;
  }
  tabStorage()?.setItem(TAB_KEY, text);
}

export async function clearRefreshToken(): Promise<void> {
  tabStorage()?.removeItem(TAB_KEY);
  const desktop = getDesktop();
  if (desktop) await desktop.secrets.delete(SECRET).catch(() => undefined);
}
