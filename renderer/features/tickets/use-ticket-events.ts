import { useMemo } from 'react';
import type { DomainEvent } from '../../../common/schemas/events.js';
import { useDatabase } from '../../app/database-context.js';
import { useRxQuery } from '../../db/use-rx.js';
import { sortTimeline } from './ticket-timeline.js';

/** A ticket's events, live, in timeline order (index [subjectId, at]). */
export function useTicketEvents(ticketId: string): DomainEvent[] {
  const db = useDatabase();
  const { docs } = useRxQuery<DomainEvent>(
    () => db.events.find({ selector: { subjectId: ticketId }, sort: [{ subjectId: 'asc' }, { at: 'asc' }] }),
    [db, ticketId],
  );
  return useMemo(() => sortTimeline(docs), [docs]);
}
