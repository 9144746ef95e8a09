import { registerMessages } from '../../i18n/index.js';
import { AUDIT_EN } from './messages-en.js';
import { AUDIT_TR } from './messages-tr.js';

/** Imported by the feature's entry (index.ts), so the texts exist before any screen renders. */
registerMessages('audit', { en: AUDIT_EN, tr: AUDIT_TR });
