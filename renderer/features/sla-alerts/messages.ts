import { registerMessages } from '../../i18n/index.js';

const EN = {
  'slaAlerts.warning.title': 'SLA at risk: {ref}',
  'slaAlerts.warning.body': '{title} — {clock} {percent} % used, due {due}.',
  'slaAlerts.breach.title': 'SLA breached: {ref}',
  'slaAlerts.breach.body': '{title} — {clock} target passed at {time}.',
  'slaAlerts.summary.title': 'SLA: {count} of your tickets need attention',
  'slaAlerts.summary.body': '{warnings} at risk, {breaches} overdue. See My day.',
  'slaAlerts.open': 'Open',
} as const;

type Key = keyof typeof EN;

const TR: Readonly<Record<Key, string>> = {
  'slaAlerts.warning.title': 'SLA risk altında: {ref}',
  'slaAlerts.warning.body': '{title} — {clock} sürenin %{percent} kadarı kullanıldı, bitiş {due}.',
  'slaAlerts.breach.title': 'SLA aşıldı: {ref}',
  'slaAlerts.breach.body': '{title} — {clock} hedefi {time} itibarıyla aşıldı.',
  'slaAlerts.summary.title': 'SLA: {count} talebiniz ilgi bekliyor',
  'slaAlerts.summary.body': '{warnings} risk altında, {breaches} gecikmiş. Günüm sayfasına bakın.',
  'slaAlerts.open': 'Aç',
};

registerMessages('slaAlerts', { en: EN, tr: TR });
