import { registerMessages } from '../../i18n/index.js';

const EN = {
  'myDay.nav': 'My day',
  'myDay.title': 'My day',
  'myDay.subtitle': 'My open tickets, most urgent first. Everything here works offline.',
  'myDay.empty': 'Nothing assigned to you is open. Take a ticket from the list to start.',
  'myDay.count.open': 'Open',
  'myDay.count.atRisk': 'At risk',
  'myDay.count.breached': 'Overdue',
  'myDay.column.ticket': 'Ticket',
  'myDay.column.status': 'Status',
  'myDay.column.priority': 'Priority',
  'myDay.column.remaining': 'Time left (business)',
  'myDay.column.due': 'Due',
  'myDay.column.contract': 'Contract',
  'myDay.due.paused': 'Paused',
  'myDay.due.none': '—',
} as const;

export type MyDayMessageKey = keyof typeof EN;

const TR: Readonly<Record<MyDayMessageKey, string>> = {
  'myDay.nav': 'Günüm',
  'myDay.title': 'Günüm',
  'myDay.subtitle': 'Açık taleplerim, en acil olan önce. Buradaki her şey çevrimdışı da çalışır.',
  'myDay.empty': 'Size atanmış açık talep yok. Başlamak için listeden bir talep alın.',
  'myDay.count.open': 'Açık',
  'myDay.count.atRisk': 'Risk altında',
  'myDay.count.breached': 'Gecikmiş',
  'myDay.column.ticket': 'Talep',
  'myDay.column.status': 'Durum',
  'myDay.column.priority': 'Öncelik',
  'myDay.column.remaining': 'Kalan süre (iş saati)',
  'myDay.column.due': 'Son tarih',
  'myDay.column.contract': 'Sözleşme',
  'myDay.due.paused': 'Duraklatıldı',
  'myDay.due.none': '—',
};

registerMessages('my-day', { en: EN, tr: TR });
