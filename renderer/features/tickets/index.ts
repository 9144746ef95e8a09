/** The tickets feature's public surface: the two routed screens (texts register on import). */
import './messages.js';

export { TicketsPage } from './TicketsPage.js';
export { TicketDetailPage } from './TicketDetailPage.js';
export { addNote, changeStatus, createTicket, updateTicket } from './ticket-commands.js';
export type { CommandContext, CommandError, CommandResult, NoteVisibility, TicketDraft, TicketPatch } from './ticket-commands.js';
