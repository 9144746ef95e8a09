import { useMemo } from 'react';
import type { Asset } from '../../../common/schemas/assets.js';
import type { DomainEvent } from '../../../common/schemas/events.js';
import { useDatabase } from '../../app/database-context.js';
import { useRxQuery } from '../../db/use-rx.js';
import { summarizeAudits, type AuditSummary } from './audit-state.js';

/** Every audit this replica knows (events have no `type` index: a scan of the events, fine at audit volumes). */
export function useAuditList(): { audits: AuditSummary[]; loading: boolean } {
  const db = useDatabase();
  const { docs, loading } = useRxQuery<DomainEvent>(
    () => db.events.find({ selector: { type: { $in: ['audit.started', 'audit.closed'] } } }),
    [db],
  );
  const audits = useMemo(() => summarizeAudits(docs), [docs]);
  return { audits, loading };
}

/** One audit and its scans, live (index [subjectId, at]). */
export function useAudit(auditId: string): { audit: AuditSummary | null; scans: DomainEvent[]; loading: boolean } {
  const db = useDatabase();
  const { docs, loading } = useRxQuery<DomainEvent>(
    () => db.events.find({ selector: { subjectId: auditId }, sort: [{ subjectId: 'asc' }, { at: 'asc' }] }),
    [db, auditId],
  );
  return useMemo(() => {
    const audit = summarizeAudits(docs.filter((event) => event.type !== 'audit.scan'))[0] ?? null;
    return { audit, scans: docs.filter((event) => event.type === 'audit.scan'), loading };
  }, [docs, loading]);
}

/** The assets of one contract (the scan-time lookup and the names on the report). */
export function useContractAssets(contractId: string | null): Asset[] {
  const db = useDatabase();
  const { docs } = useRxQuery<Asset>(
    () => (contractId ? db.assets.find({ selector: { contractId }, sort: [{ contractId: 'asc' }, { tag: 'asc' }] }) : null),
    [db, contractId],
  );
  return docs;
}
