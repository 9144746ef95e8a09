import { registerMessages } from '../../i18n/index.js';
import { CONTRACTS_EN } from './messages-en.js';
import { CONTRACTS_TR } from './messages-tr.js';

registerMessages('contracts', { en: CONTRACTS_EN, tr: CONTRACTS_TR });
