/**
 * Test support only (imported by *.test.ts, never by screens): an in-memory replica with one
 * contract, two people and two staff members, opened through the app's own openDatabase. Dev-mode
 * demands a schema-validating storage; Ajv is fine here because tests have no CSP.
 */
import { addRxPlugin } from 'rxdb';
import { RxDBDevModePlugin, disableWarnings } from 'rxdb/plugins/dev-mode';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { wrappedValidateAjvStorage } from 'rxdb/plugins/validate-ajv';
import type { Contract } from '../../../common/schemas/contracts.js';
import type { Ticket } from '../../../common/schemas/tickets.js';
import { openDatabase, type DeskDatabase } from '../../db/database.js';
import type { CommandContext } from './command-support.js';
import type { TicketDraft } from './ticket-commands.js';

let devModeAdded = false;
let counter = 0;

export const T0 = new Date('2026-11-25T09:00:00.000Z');

const day = [{ start: '09:00', end: '18:00' }];
export const CONTRACT: Contract = {
  id: 'c-acme',
  contractId: 'c-acme',
  code: 'ACME',
  name: 'ACME desktop services',
  customerName: 'ACME A.Ş.',
  startsOn: '2026-01-01',
  endsOn: null,
  sites: [
    { id: 's-ist', name: 'İstanbul HQ', address: 'Levent', timeZone: 'Europe/Istanbul' },
    { id: 's-ank', name: 'Ankara', address: 'Çankaya', timeZone: 'Europe/Istanbul' },
  ],
  slaPolicy: {
    warnAtPercent: 75,
    targets: {
      p1: { responseMinutes: 30, resolutionMinutes: 240 },
      p2: { responseMinutes: 60, resolutionMinutes: 480 },
      p3: { responseMinutes: 120, resolutionMinutes: 960 },
      p4: { responseMinutes: 240, resolutionMinutes: 1920 },
      p5: { responseMinutes: 480, resolutionMinutes: 2880 },
    },
  },
  calendar: { hours: { mon: day, tue: day, wed: day, thu: day, fri: day, sat: [], sun: [] }, holidays: [] },
  coveredCategories: ['hardware', 'os', 'application', 'peripheral', 'request', 'question'],
  deliveryModes: ['remote', 'onsite'],
  updatedAt: T0.toISOString(),
};

export async function openTestDatabase(): Promise<DeskDatabase> {
  if (!devModeAdded) {
    disableWarnings();
    addRxPlugin(RxDBDevModePlugin);
    devModeAdded = true;
  }
  counter += 1;
  const db = await openDatabase({ name: `tickets-test-${counter}-${Date.now()}`, storage: wrappedValidateAjvStorage({ storage: getRxStorageMemory() }) });
  const updatedAt = T0.toISOString();
  await db.contracts.insert(CONTRACT);
  await db.people.bulkInsert([
    { id: 'p-ayse', contractId: 'c-acme', name: 'Ayşe Yılmaz', email: 'ayse@acme.test', phone: '', department: 'Finance', siteId: 's-ist', updatedAt },
    { id: 'p-other', contractId: 'c-other', name: 'Other Person', email: '', phone: '', department: '', siteId: null, updatedAt },
  ]);
  await db.staff.bulkInsert([
    { id: 'u-tech:c-acme', contractId: 'c-acme', userId: 'u-tech', name: 'Mehmet Teknisyen', role: 'technician', updatedAt },
    { id: 'u-sup:c-acme', contractId: 'c-acme', userId: 'u-sup', name: 'Selin Süpervizör', role: 'supervisor', updatedAt },
  ]);
  return db;
}

export function contextFor(db: DeskDatabase, now: Date = T0, userId = 'u-tech'): CommandContext {
  return { db, user: { id: userId }, deviceId: 'device-test', now };
}

export function draft(overrides: Partial<TicketDraft> = {}): TicketDraft {
  return {
    contractId: 'c-acme',
    siteId: 's-ist',
    requesterId: 'p-ayse',
    title: 'Printer on 3rd floor jams',
    description: 'Paper jam every morning.',
    category: 'peripheral',
    type: 'incident',
    channel: 'phone',
    urgency: 2,
    impact: 2,
    deliveryMode: 'onsite',
    assigneeId: null,
    outOfScopeReason: null,
    ...overrides,
  };
}

export function minutesAfter(start: Date, minutes: number): Date {
  return new Date(start.getTime() + minutes * 60_000);
}

/** A deterministic pseudo-random stream (mulberry32), so generated lists are the same every run. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const STATUSES = ['new', 'assigned', 'in_progress', 'waiting', 'resolved', 'closed', 'cancelled'] as const;

/** `count` valid tickets spread over two contracts, statuses, priorities, assignees and times. */
export function generateTickets(count: number, seed = 7): Ticket[] {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  return Array.from({ length: count }, (_, i) => {
    const urgency = pick([1, 2, 3] as const);
    const impact = pick([1, 2, 3] as const);
    const status = pick(STATUSES);
    const created = minutesAfter(T0, -Math.floor(random() * 60 * 24 * 90));
    const updated = minutesAfter(created, Math.floor(random() * 60 * 24 * 10));
    return {
      id: `t-${String(i).padStart(5, '0')}`,
      contractId: pick(['c-acme', 'c-acme', 'c-other']),
      ref: `ACME-261125-${String(i).padStart(4, '0')}`,
      title: pick(['Printer jams', 'VPN drops', 'New laptop', 'Outlook crashes', 'Şifre sıfırlama']) + ` #${i}`,
      description: '',
      requesterId: pick(['p-ayse', null]),
      siteId: null,
      assetIds: [],
      category: pick(['hardware', 'os', 'application'] as const),
      type: 'incident',
      channel: 'phone',
      urgency,
      impact,
      priority: urgency + impact - 1,
      deliveryMode: 'remote',
      status,
      waitingReason: status === 'waiting' ? 'user' : null,
      assigneeId: status === 'new' ? null : pick(['u-tech', 'u-sup', null]),
      outOfScopeReason: null,
      createdAt: created.toISOString(),
      createdBy: 'u-tech',
      updatedAt: updated.toISOString(),
    };
  });
}
