/** Inventory reports: charts and CSV per dimension and software version, from the local replica. */
import './messages.js';
import '../assets/messages-inventory.js';

export { ReportsPage } from './ReportsPage.js';
