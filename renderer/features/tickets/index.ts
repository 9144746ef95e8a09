/** The tickets feature's public surface: the two routed screens (texts register on import). */
import './messages.js';

export { TicketsPage } from './TicketsPage.js';
export { TicketDetailPage } from './TicketDetailPage.js';
export { addNote, changeStatus, createTicket, updateTicket } from './ticket-commands.js';
export type { CommandContext, CommandError, CommandResult, NoteVisibility, TicketDraft, TicketPatch } from './ticket-commands.js';
// SLA building blocks shared with "My day" and the Support page.
export { PriorityBadge, StatusBadge } from './TicketBadges.js';
export { TicketSlaCell } from './TicketSlaCell.js';
export { OPEN_STATUSES } from './ticket-list-query.js';
export { formatDateTime } from './ticket-format.js';
export { formatBusinessMinutes } from './ticket-sla.js';
export { slaSummaries, useEventsOfTickets, useSlaSummaries } from './use-sla-summaries.js';
export { useNow } from './use-now.js';
export { useContracts, useStaffNames } from './use-ticket-lookups.js';
