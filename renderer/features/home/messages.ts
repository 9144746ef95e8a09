import { registerMessages } from '../../i18n/index.js';

export const HOME_MESSAGES = {
  en: {
    'home.greeting': 'Hello, {name}',
    'home.subtitle': 'Everything here works offline; changes go up when the server is reachable.',
    'home.mine': 'Open tickets assigned to me',
    'home.allOpen': 'All open tickets',
    'home.waiting': 'Changes waiting to go up',
    'home.lastSync': 'Last sync',
    'home.openTickets': 'Go to tickets',
    'home.contracts': '{count} contracts',
  },
  tr: {
    'home.greeting': 'Merhaba, {name}',
    'home.subtitle': 'Buradaki her şey çevrimdışı çalışır; değişiklikler sunucuya ulaşılabildiğinde gönderilir.',
    'home.mine': 'Bana atanmış açık talepler',
    'home.allOpen': 'Tüm açık talepler',
    'home.waiting': 'Gönderilmeyi bekleyen değişiklikler',
    'home.lastSync': 'Son eşitleme',
    'home.openTickets': 'Taleplere git',
    'home.contracts': '{count} sözleşme',
  },
} as const;

registerMessages('home', HOME_MESSAGES);
