/** The audit feature's public surface: the two routed screens (texts register on import). */
import './messages.js';

export { AuditsPage } from './AuditsPage.js';
export { AuditPage } from './AuditPage.js';
