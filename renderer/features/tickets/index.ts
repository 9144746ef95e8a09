// PLACEHOLDER written by the app-shell engineer so routes compile; the tickets engineer overwrites it.
import { createElement } from 'react';

export function TicketsPage() {
  return createElement('p', null, 'Tickets');
}

export function TicketDetailPage() {
  return createElement('p', null, 'Ticket');
}
