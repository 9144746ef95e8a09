import { create } from 'zustand';
import type { SessionUser } from '../../../common/sync/protocol.js';
import { useSession } from '../../app/session-store.js';
import { databaseNameFor, openDatabase, type DeskDatabase } from '../../db/database.js';
import { clearRefreshToken, loadRefreshToken, saveRefreshToken, tokenStorageInfo, type TokenStorageInfo } from '../../platform/token-vault.js';
import { AuthSession, login } from '../../sync/auth-session.js';
import { SyncEngine } from '../../sync/sync-engine.js';
import { resetSyncStatus } from '../../sync/sync-status-store.js';

export type RuntimePhase = 'signed-out' | 'opening' | 'ready' | 'failed';

interface RuntimeState {
  readonly phase: RuntimePhase;
  readonly db: DeskDatabase | null;
  readonly error: string | null;
  readonly tokenStorage: TokenStorageInfo | null;
}

/** What the app shell renders from: the open replica of the signed-in user, or why there is none. */
export const useRuntime = create<RuntimeState>()(() => ({ phase: 'signed-out', db: null, error: null, tokenStorage: null }));

let engine: SyncEngine | null = null;
let openFor: string | null = null;

export function getSyncEngine(): SyncEngine | null {
  return engine;
}

function newAuth(serverUrl: string, userId: string, refreshToken: string | null): AuthSession {
  return new AuthSession({
    serverUrl,
    refreshToken,
    saveRefreshToken: (token) => saveRefreshToken(userId, serverUrl, token),
    onSignInRequired: (reason) => engine?.handleSignInRequired(reason),
    // Role and contracts may change on the server; the cached profile follows (not after sign-out).
    onUser: (user) => {
      if (openFor === user.id) useSession.getState().setUser(user);
    },
  });
}

async function open(user: SessionUser, auth: AuthSession): Promise<void> {
  openFor = user.id;
  useRuntime.setState({ phase: 'opening', error: null });
  try {
    const [db, tokenStorage] = await Promise.all([openDatabase({
        name: databaseNameFor(user.id),
        merge: { deviceId: useSession.getState().deviceId, authorId: () => useSession.getState().user?.id ?? user.id },
      }), tokenStorageInfo()]);
    if (openFor !== user.id) {
      await db.close();
      return;
    }
    engine = new SyncEngine({
      db,
      auth,
      userId: user.id,
      contractIds: user.contractIds,
      // The server said the account changed (role, contracts): menus and pickers follow at once.
      onUser: (changed) => {
        if (openFor === changed.id) useSession.getState().setUser(changed);
      },
    });
    engine.start();
    useRuntime.setState({ phase: 'ready', db, tokenStorage });
  } catch (error) {
    openFor = null;
    useRuntime.setState({ phase: 'failed', error: error instanceof Error ? error.message : String(error) });
  }
}

/** App start with a cached profile: the local replica opens without the network; sync follows. */
let resuming: Promise<void> | null = null;

export function resumeSession(): Promise<void> {
  // React StrictMode runs effects twice: one resume at a time.
  resuming ??= (async () => {
    const { user, serverUrl } = useSession.getState();
    if (!user || openFor === user.id || useRuntime.getState().phase === 'opening') return;
    const refreshToken = await loadRefreshToken(user.id, serverUrl).catch(() => null);
    await open(user, newAuth(serverUrl, user.id, refreshToken));
  })().finally(() => {
    resuming = null;
  });
  return resuming;
}

export interface SignInInput {
  readonly serverUrl: string;
  readonly username: string;
  readonly password: string;
}

/** Throws ServerError / NetworkError for the form to put in words. Same user again = resume the queue. */
export async function signIn(input: SignInInput): Promise<void> {
  const serverUrl = input.serverUrl.trim().replace(/\/+$/, '');
  const { deviceId } = useSession.getState();
  const answer = await login(serverUrl, { username: input.username.trim(), password: input.password, deviceId });
  const auth = newAuth(serverUrl, answer.user.id, answer.refreshToken);
  auth.adopt(answer, answer.skewMs);
  await saveRefreshToken(answer.user.id, serverUrl, answer.refreshToken);
  if (engine && openFor === answer.user.id && engine.serverUrl === serverUrl) {
    useSession.getState().setUser(answer.user);
    engine.resume(auth);
    return;
  }
  // Close the previous replica first and mark the new one as opening, so the gate's resume
  // effect never opens a second copy while this one opens.
  await closeCurrent('opening');
  useSession.getState().setServerUrl(serverUrl);
  useSession.getState().setUser(answer.user);
  await open(answer.user, auth);
}

async function closeCurrent(next: RuntimePhase): Promise<void> {
  const { db } = useRuntime.getState();
  const current = engine;
  engine = null;
  openFor = null;
  useRuntime.setState({ phase: next, db: null });
  await current?.stop();
  // Closing keeps every document (and every unsent change) on disk; only remove() would delete.
  await db?.close();
}

/** Drops tokens only. The replica and its unsent changes stay; signing in again as this user resumes. */
export async function signOut(): Promise<void> {
  const { user, serverUrl } = useSession.getState();
  const refreshToken = user ? await loadRefreshToken(user.id, serverUrl).catch(() => null) : null;
  // Forget the user before anything re-renders, or the gate would resume the session we end.
  useSession.getState().setUser(null);
  await closeCurrent('signed-out');
  await clearRefreshToken();
  resetSyncStatus();
  if (refreshToken) {
    // Revoking on the server is a courtesy; offline it simply doesn't happen.
    void newAuth(serverUrl, '', refreshToken)
      .logout()
      .catch(() => undefined);
  }
}
