/** The conflict review feature's public surface (texts register on import). */
import './messages.js';

export { ConflictsPage } from './ConflictsPage.js';
