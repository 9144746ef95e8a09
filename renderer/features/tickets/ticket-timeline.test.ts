import { describe, expect, it } from 'vitest';
import { TICKETS_EN } from './messages-en.js';
import { TICKETS_TR } from './messages-tr.js';
import { formatRelative } from './ticket-format.js';
import { describeEvent, sortTimeline } from './ticket-timeline.js';

function translator(messages: Readonly<Record<string, string>>) {
  return (key: string, params?: Record<string, string | number>) =>
    (messages[key] ?? key).replace(/\{(\w+)\}/g, (_, name: string) => String(params?.[name] ?? `{${name}}`));
}
const en = translator(TICKETS_EN);
const tr = translator(TICKETS_TR);
const names = new Map([['u-tech', 'Mehmet']]);

describe('timeline', () => {
  it('orders by device time, then cause before effect', () => {
    const events = [
      { id: 'b', at: '2026-11-25T10:00:00.000Z', type: 'ticket.status' },
      { id: 'a', at: '2026-11-25T10:00:00.000Z', type: 'ticket.assigned' },
      { id: 'c', at: '2026-11-25T09:00:00.000Z', type: 'ticket.created' },
      { id: 'd', at: '2026-11-25T10:00:00.000+01:00', type: 'ticket.note' },
    ];
    expect(sortTimeline(events).map((event) => event.id)).toEqual(['c', 'd', 'a', 'b']);
  });

  it('describes each event type in English and Turkish with names', () => {
    const status = { type: 'ticket.status', data: { from: 'in_progress', to: 'waiting', waitingReason: 'parts', comment: 'disk ordered' } };
    expect(describeEvent(status, names, en)).toMatchObject({
      title: 'Status In progress → Waiting (waiting for: Parts)',
      body: 'disk ordered',
    });
    expect(describeEvent(status, names, tr).title).toBe('Durum Devam ediyor → Beklemede (beklenen: Parça)');
    expect(describeEvent({ type: 'ticket.assigned', data: { from: null, to: 'u-tech' } }, names, tr).title).toBe('Mehmet kişisine atandı');
    expect(describeEvent({ type: 'ticket.assigned', data: { from: 'u-tech', to: 'u-x' } }, names, en).title).toBe(
      'Reassigned from Mehmet to u-x',
    );
    expect(describeEvent({ type: 'ticket.priority', data: { from: 3, to: 1 } }, names, en).title).toBe('Priority P3 Medium → P1 Critical');
    expect(describeEvent({ type: 'ticket.created', data: { status: 'new', priority: 2 } }, names, tr).title).toBe(
      'Yeni olarak oluşturuldu, P2 Yüksek',
    );
    const note = describeEvent({ type: 'ticket.note', data: { text: 'Hi', visibility: 'customer' } }, names, en);
    expect(note).toMatchObject({ kind: 'note', body: 'Hi', customerVisible: true });
  });
});

describe('messages', () => {
  it('Turkish has every English key with the same placeholders, none empty', () => {
    const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();
    expect(Object.keys(TICKETS_TR).sort()).toEqual(Object.keys(TICKETS_EN).sort());
    for (const [key, english] of Object.entries(TICKETS_EN)) {
      const turkish = TICKETS_TR[key as keyof typeof TICKETS_TR];
      expect(turkish.trim(), key).not.toBe('');
      expect(placeholders(turkish), key).toEqual(placeholders(english));
    }
  });

  it('formats relative times in both languages', () => {
    const now = new Date('2026-11-25T12:00:00.000Z');
    expect(formatRelative('2026-11-25T11:55:00.000Z', now, 'en')).toBe('5 minutes ago');
    expect(formatRelative('2026-11-25T11:55:00.000Z', now, 'tr')).toBe('5 dakika önce');
    expect(formatRelative('2026-11-25T11:59:50.000Z', now, 'en')).toBe('now');
  });
});
