import { useCallback, useEffect, useState } from 'react';
import type { AdminUser } from '../../../common/admin/accounts.js';
import { NetworkError, SignInRequiredError } from '../../sync/http-errors.js';
import { isOnline, useSyncStatus } from '../../sync/sync-status-store.js';
import { usersApi } from './users-api.js';

export type AccountsProblem = { readonly kind: 'offline' } | { readonly kind: 'sign-in' } | { readonly kind: 'failed'; readonly message: string };

interface Loaded {
  readonly round: number;
  readonly users: AdminUser[] | null;
  readonly problem: AccountsProblem | null;
}

function problemOf(error: unknown): AccountsProblem {
  if (error instanceof NetworkError) return { kind: 'offline' };
  if (error instanceof SignInRequiredError) return { kind: 'sign-in' };
  return { kind: 'failed', message: error instanceof Error ? error.message : String(error) };
}

/**
 * The account list, straight from the server (accounts are not replicated). Loads again when the
 * connection comes back; while offline it says so instead of showing stale data.
 */
export function useAccounts(): { users: AdminUser[] | null; loading: boolean; problem: AccountsProblem | null; reload: () => void; replace: (user: AdminUser) => void } {
  const online = useSyncStatus(isOnline);
  const [round, setRound] = useState(0);
  const [loaded, setLoaded] = useState<Loaded | null>(null);

  useEffect(() => {
    if (!online) return undefined;
    let live = true;
    usersApi
      .list()
      .then((answer) => live && setLoaded({ round, users: [...answer.users], problem: null }))
      .catch((error: unknown) => live && setLoaded((previous) => ({ round, users: previous?.users ?? null, problem: problemOf(error) })));
    return () => {
      live = false;
    };
  }, [online, round]);

  const reload = useCallback(() => setRound((value) => value + 1), []);
  const replace = useCallback((user: AdminUser) => {
    setLoaded((current) => {
      const list = current?.users ?? [];
      const users = list.some((entry) => entry.id === user.id) ? list.map((entry) => (entry.id === user.id ? user : entry)) : [...list, user];
      return { round: current?.round ?? 0, problem: current?.problem ?? null, users };
    });
  }, []);
  return {
    users: loaded?.users ?? null,
    loading: online && loaded?.round !== round,
    problem: online ? (loaded?.problem ?? null) : { kind: 'offline' },
    reload,
    replace,
  };
}
