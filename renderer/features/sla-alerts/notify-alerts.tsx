import { Anchor, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { showOsNotification } from '../../platform/notifications.js';
import type { TFunction } from '../../i18n/index.js';
import { formatDateTime } from '../tickets/ticket-format.js';
import type { AlertCandidate } from './sla-alerts.js';
import './messages.js';

interface Message {
  /** A summary closes by itself; a ticket's own alert stays until dismissed. */
  readonly sticky: boolean;
  readonly tag: string;
  readonly title: string;
  readonly body: string;
  readonly color: string;
  readonly href: string;
}

function messageOf(alert: AlertCandidate, t: TFunction, language: 'tr' | 'en'): Message {
  const clock = t(`tickets.sla.${alert.clock}`);
  const when = alert.at ? formatDateTime(alert.at, language) : '—';
  const breach = alert.level === 'breach';
  return {
    sticky: true,
    tag: alert.key,
    title: t(breach ? 'slaAlerts.breach.title' : 'slaAlerts.warning.title', { ref: alert.ref }),
    body: breach ? t('slaAlerts.breach.body', { title: alert.title, clock, time: when }) : t('slaAlerts.warning.body', { title: alert.title, clock, percent: Math.floor(alert.percentUsed), due: when }),
    color: breach ? 'red' : 'orange',
    href: `#/tickets/${alert.ticketId}`,
  };
}

function summaryOf(alerts: readonly AlertCandidate[], t: TFunction, now: number): Message {
  const breaches = alerts.filter((alert) => alert.level === 'breach').length;
  const tickets = new Set(alerts.map((alert) => alert.ticketId)).size;
  return {
    sticky: false,
    tag: `sla:summary:${now}`,
    title: t('slaAlerts.summary.title', { count: tickets }),
    body: t('slaAlerts.summary.body', { warnings: alerts.length - breaches, breaches }),
    color: breaches > 0 ? 'red' : 'orange',
    href: '#/my-day',
  };
}

async function deliver(message: Message, t: TFunction): Promise<void> {
  if (await showOsNotification({ title: message.title, body: message.body, tag: message.tag })) return;
  // A plain browser (or an OS without notifications): the app's own, until dismissed.
  notifications.show({
    id: message.tag,
    title: message.title,
    color: message.color,
    autoClose: message.sticky ? false : 30_000,
    withCloseButton: true,
    message: (
      <Text fz="sm">
        {message.body}{' '}
        <Anchor href={message.href} fz="sm">
          {t('slaAlerts.open')}
        </Anchor>
      </Text>
    ),
    'data-testid': 'sla-alert',
    'data-tag': message.tag,
  });
}

/** Tells the person: one message per alert, one for a summary; OS first, in-app otherwise. */
export async function notifyAlerts(individual: readonly AlertCandidate[], summary: readonly AlertCandidate[], t: TFunction, language: 'tr' | 'en'): Promise<void> {
  for (const alert of individual) await deliver(messageOf(alert, t, language), t);
  if (summary.length > 0) await deliver(summaryOf(summary, t, Date.now()), t);
}
