import { registerMessages } from '../../i18n/index.js';
import { TICKETS_EN } from './messages-en.js';
import { TICKETS_TR } from './messages-tr.js';

/** Imported by the feature's entry (index.ts), so the texts exist before any screen renders. */
registerMessages('tickets', { en: TICKETS_EN, tr: TICKETS_TR });

export type { TicketsMessageKey } from './messages-en.js';
