/** Supervisor "Support" page: SLA results per contract and priority, breaches, open work. */
import './messages.js';

export { SupervisionPage } from './SupervisionPage.js';
