import { useEffect, useMemo, useRef } from 'react';
import type { Contract } from '../../../common/schemas/contracts.js';
import type { Ticket } from '../../../common/schemas/tickets.js';
import { useDatabase } from '../../app/database-context.js';
import { useSession } from '../../app/session-store.js';
import { useRxQuery } from '../../db/use-rx.js';
import { useLanguage, useT } from '../../i18n/index.js';
import { useSyncStatus } from '../../sync/sync-status-store.js';
import { OPEN_STATUSES, useNow, useSlaSummaries } from '../tickets/index.js';
import { notifyAlerts } from './notify-alerts.js';
import { currentAlerts, decideAlerts, loadAlertMemory, saveAlertMemory, type AlertMemory } from './sla-alerts.js';

/** How often the clocks are looked at; a warning shows at most this long after it is crossed. */
const LOOK_EVERY_MS = 15_000;

/**
 * Watches the signed-in person's open tickets and tells them when an SLA clock reaches its warning
 * threshold or breaches (see sla-alerts.ts for when, and when not). Mounted once by the app shell.
 */
export function useSlaAlerts(): void {
  const db = useDatabase();
  const t = useT();
  const language = useLanguage((state) => state.language);
  const userId = useSession((state) => state.user?.id ?? null);
  const initialSync = useSyncStatus((state) => state.initial.active);
  const now = useNow(LOOK_EVERY_MS);
  const { docs: tickets, loading: ticketsLoading } = useRxQuery<Ticket>(
    () => (userId ? db.tickets.find({ selector: { status: { $in: [...OPEN_STATUSES] }, assigneeId: userId } }) : null),
    [db, userId],
  );
  const { docs: contractList, loading: contractsLoading } = useRxQuery<Contract>(() => db.contracts.find(), [db]);
  const contracts = useMemo(() => new Map(contractList.map((contract) => [contract.id, contract])), [contractList]);
  const { summaries, loading: eventsLoading } = useSlaSummaries(tickets, contracts, now);
  const session = useRef<{ userId: string | null; memory: AlertMemory | null; baselined: boolean }>({ userId: null, memory: null, baselined: false });

  useEffect(() => {
    if (!userId || ticketsLoading || contractsLoading || eventsLoading) return;
    const state = session.current;
    if (state.userId !== userId) {
      state.userId = userId;
      state.memory = loadAlertMemory(userId);
      state.baselined = false;
    }
    const items = tickets.flatMap((ticket) => {
      const summary = summaries.get(ticket.id);
      return summary ? [{ ticket, summary }] : [];
    });
    // Tickets arriving with the first sync are not news: they are summed up like the app opening.
    const baseline = !state.baselined || initialSync;
    const decision = decideAlerts(state.memory ?? { seen: new Set() }, currentAlerts(items), { baseline, openTicketIds: new Set(tickets.map((ticket) => ticket.id)) });
    state.memory = decision.memory;
    if (!initialSync) state.baselined = true;
    saveAlertMemory(userId, decision.memory);
    if (decision.individual.length > 0 || decision.summary.length > 0) void notifyAlerts(decision.individual, decision.summary, t, language);
  }, [userId, tickets, summaries, ticketsLoading, contractsLoading, eventsLoading, initialSync, t, language]);
}
