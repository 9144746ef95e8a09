import { useMemo } from 'react';
import type { ConflictRecord } from '../../../common/sync/merge/conflict-record.js';
import type { Ticket } from '../../../common/schemas/tickets.js';
import { useDatabase } from '../../app/database-context.js';
import { useRxQuery } from '../../db/use-rx.js';

/** Every conflict record on this device; few enough to filter and sort in memory. */
export function useConflictRecords(): { records: ConflictRecord[]; loading: boolean } {
  const db = useDatabase();
  const { docs, loading } = useRxQuery<ConflictRecord>(() => db.conflicts.find(), [db]);
  return { records: docs, loading };
}

/** The tickets the shown records are about, by id (for their ref and title). */
export function useTicketsByIds(ids: readonly string[]): ReadonlyMap<string, Ticket> {
  const db = useDatabase();
  const key = [...new Set(ids)].sort().join('|');
  const { docs } = useRxQuery<Ticket>(() => (key ? db.tickets.findByIds(key.split('|')) : null), [db, key]);
  return useMemo(() => new Map(docs.map((ticket) => [ticket.id, ticket])), [docs]);
}
