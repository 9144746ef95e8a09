import { useMemo } from 'react';
import { useDatabase } from '../../app/database-context.js';
import { useSession } from '../../app/session-store.js';
import { closeAudit, recordScan, startAudit, type AuditContext } from './audit-commands.js';

/** Audit commands bound to this replica, the signed-in user and the device time of each call. */
export function useAuditCommands() {
  const db = useDatabase();
  const userId = useSession((state) => state.user?.id ?? null);
  const deviceId = useSession((state) => state.deviceId);
  return useMemo(() => {
    const ctx = (): AuditContext => {
      if (!userId) throw new Error('sign in first');
      return { db, userId, deviceId, now: new Date() };
    };
    return {
      start: (contractId: string, siteId: string, room: string | null) => startAudit(ctx(), contractId, siteId, room),
      scan: (...args: Parameters<typeof recordScan> extends [AuditContext, ...infer R] ? R : never) => recordScan(ctx(), ...args),
      close: (...args: Parameters<typeof closeAudit> extends [AuditContext, ...infer R] ? R : never) => closeAudit(ctx(), ...args),
    };
  }, [db, userId, deviceId]);
}
