import { registerMessages } from './registry.js';

registerMessages('app', {
  en: {
    'app.name': 'DeskOps',
    'app.nav.home': 'Home',
    'app.nav.tickets': 'Tickets',
    'app.nav.thisComputer': 'This computer',
  },
  tr: {
    'app.name': 'DeskOps',
    'app.nav.home': 'Ana sayfa',
    'app.nav.tickets': 'Talepler',
    'app.nav.thisComputer': 'Bu bilgisayar',
  },
});
