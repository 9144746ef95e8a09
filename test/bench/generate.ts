import type { Asset } from '../../common/schemas/assets.js';
import type { DomainEvent } from '../../common/schemas/events.js';
import type { Ticket } from '../../common/schemas/tickets.js';
import { priorityOf } from '../../common/tickets/priority.js';
import type { Level } from '../../common/domain/vocabulary.js';

/**
 * The one seeded generator of realistic documents (~1 KB each) for benchmarks and tests: tickets,
 * ticket events and assets with hardware and software lists. Everything (ids, text, times) follows
 * from the seed and the index, never from the clock, so two runs produce the same bytes.
 */
export type GeneratedCollection = 'tickets' | 'events' | 'assets';
export interface Generated<C extends GeneratedCollection = GeneratedCollection> {
  readonly collection: C;
  readonly doc: C extends 'tickets' ? Ticket : C extends 'assets' ? Asset : DomainEvent;
}

export interface GeneratorOptions {
  readonly seed: number;
  /** Tenancy keys to spread documents over (the demo contracts by default). */
  readonly contractIds?: readonly string[];
  /** Author of events (the server insists it is the signed-in user). */
  readonly authorId?: string;
  readonly deviceId?: string;
  /** Start of the generated timeline (ISO). */
  readonly baseTime?: string;
  /** Prefix of ids, so several generators can share one store. */
  readonly idPrefix?: string;
}

/** mulberry32: small, fast, good enough for test data. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TITLES = [
  'Monitör görüntü vermiyor',
  'Outlook açılmıyor',
  'Yazıcı kağıt sıkıştırıyor',
  'VPN bağlantısı kopuyor',
  'Yeni çalışan için notebook kurulumu',
  'SAP GUI güncellemesi',
  'Dock istasyonu USB-C şarj etmiyor',
  'Paylaşılan klasöre erişim yok',
  'Windows güncellemesi takıldı',
  'Barkod okuyucu tanınmıyor',
];
const WORDS = (
  'kullanıcı sabah bilgisayarı açtığında ekran siyah kaldı kablo değiştirildi sürücü yeniden kuruldu ' +
  'sorun devam ediyor uzaktan bağlantı ile kontrol edildi olay günlüğünde hata kaydı var yerinde ' +
  'müdahale gerekiyor parça siparişi verildi garanti kapsamında değişim yapılacak kullanıcı bilgilendirildi'
).split(' ');
const MODELS = [
  { type: 'notebook', manufacturer: 'Lenovo', model: 'ThinkPad T14 Gen 4', os: 'Windows 11 Pro 23H2', cpu: 'Intel Core i5-1345U' },
  { type: 'notebook', manufacturer: 'Dell', model: 'Latitude 5440', os: 'Windows 11 Pro 23H2', cpu: 'Intel Core i7-1365U' },
  { type: 'desktop', manufacturer: 'HP', model: 'EliteDesk 800 G9 SFF', os: 'Windows 11 Pro 22H2', cpu: 'Intel Core i5-12500' },
  { type: 'desktop', manufacturer: 'Dell', model: 'OptiPlex 7010', os: 'Windows 10 Pro 22H2', cpu: 'Intel Core i5-13500' },
] as const;
const SOFTWARE = [
  ['Microsoft 365 Apps', '16.0.17928'],
  ['Google Chrome', '131.0.6778.86'],
  ['Mozilla Firefox', '133.0'],
  ['7-Zip', '24.08'],
  ['Adobe Acrobat Reader', '24.004.20220'],
  ['SAP GUI', '8.00 PL 9'],
  ['FortiClient VPN', '7.2.5'],
  ['Microsoft Teams', '24295.605'],
  ['Notepad++', '8.7.1'],
  ['VLC media player', '3.0.21'],
  ['CrowdStrike Falcon', '7.18.18710'],
  ['Zoom Workplace', '6.2.11'],
] as const;
const STATES = ['in_use', 'in_use', 'in_use', 'in_stock_available', 'in_repair', 'in_stock_defective'] as const;
const CATEGORIES = ['hardware', 'os', 'application', 'peripheral', 'request', 'question'] as const;
const STATUSES = ['new', 'assigned', 'in_progress', 'resolved'] as const;

export interface DocumentGenerator {
  ticket(index: number): Ticket;
  asset(index: number): Asset;
  /** A `ticket.note` event about ticket `ticketIndex`. */
  event(index: number, ticketIndex: number): DomainEvent;
  /** `count` documents: 40% tickets, 40% assets, 20% events, in a fixed interleaving. */
  mix(count: number): Generated[];
  /** `count` assets (list-view and query scenarios). */
  assets(count: number): Asset[];
  /**
   * An offline edit of a ticket or asset as a person would make it: a few fields changed,
   * `updatedAt` moved on. `round` makes repeated edits of the same document differ.
   */
  edit<D extends Ticket | Asset>(doc: D, round: number): D;
}

export function createGenerator(options: GeneratorOptions): DocumentGenerator {
  const contracts = options.contractIds ?? ['c-anka', 'c-bogaz', 'c-merkez'];
  const authorId = options.authorId ?? 'u-sup';
  const deviceId = options.deviceId ?? 'dev-bench';
  const base = Date.parse(options.baseTime ?? '2026-11-02T08:30:00.000Z');
  const prefix = options.idPrefix ?? 'b';
  // One stream per (kind, index): documents do not depend on the order they are asked for.
  const streamFor = (kind: number, index: number) => rng((options.seed * 2654435761) ^ (kind * 40503) ^ (index * 2246822519));
  const pick = <T>(random: () => number, list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const sentence = (random: () => number, words: number) =>
    Array.from({ length: words }, () => pick(random, WORDS)).join(' ').replace(/^./, (c) => c.toLocaleUpperCase('tr')) + '.';
  const time = (minutes: number) => new Date(base + minutes * 60_000).toISOString();
  const pad = (index: number) => String(index).padStart(6, '0');
  const contractOf = (index: number) => contracts[index % contracts.length] as string;

  const ticket = (index: number): Ticket => {
    const random = streamFor(1, index);
    const urgency = (1 + Math.floor(random() * 3)) as Level;
    const impact = (1 + Math.floor(random() * 3)) as Level;
    const status = pick(random, STATUSES);
    const contractId = contractOf(index);
    const created = time(index);
    return {
      id: `${prefix}t-${pad(index)}`,
      contractId,
      ref: `BNCH-${String(261102 + (index % 28)).padStart(6, '0')}-${pad(index).slice(-4)}`,
      title: pick(random, TITLES),
      description: `${sentence(random, 40)} ${sentence(random, 30)}`,
      requesterId: `p-${contractId.slice(2)}-0${1 + (index % 5)}`,
      siteId: null,
      assetIds: [`${prefix}a-${pad(index)}`],
      category: pick(random, CATEGORIES),
      type: random() < 0.7 ? 'incident' : 'request',
      channel: pick(random, ['phone', 'email', 'portal', 'walk_in'] as const),
      urgency,
      impact,
      priority: priorityOf(urgency, impact),
      deliveryMode: random() < 0.6 ? 'remote' : 'onsite',
      status,
      waitingReason: null,
      assigneeId: status === 'new' ? null : authorId,
      outOfScopeReason: null,
      createdAt: created,
      createdBy: authorId,
      updatedAt: created,
    };
  };

  const asset = (index: number): Asset => {
    const random = streamFor(2, index);
    const spec = pick(random, MODELS);
    const installed = SOFTWARE.filter(() => random() < 0.6).map(([name, version]) => ({ name, version, publisher: name.split(' ')[0] }));
    const number = pad(index);
    return {
      id: `${prefix}a-${number}`,
      contractId: contractOf(index),
      tag: `DT-${number}`,
      serial: `SN${Math.floor(random() * 1e10).toString(36).toUpperCase()}`,
      type: spec.type,
      manufacturer: spec.manufacturer,
      model: spec.model,
      siteId: '',
      room: `Kat ${1 + Math.floor(random() * 6)} / ${100 + Math.floor(random() * 40)}`,
      assignedPersonId: null,
      state: pick(random, STATES),
      hostname: `WS-${number}`,
      os: spec.os,
      hardware: {
        cpu: spec.cpu,
        memoryGb: pick(random, [8, 16, 32]),
        disks: [{ model: 'Samsung PM9A1', sizeGb: pick(random, [256, 512, 1024]), type: 'nvme' }],
        nics: [{ mac: `00:1B:44:${number.slice(0, 2)}:${number.slice(2, 4)}:${number.slice(4, 6)}`, speedMbps: 1000 }],
        bios: { vendor: spec.manufacturer, version: `1.${Math.floor(random() * 30)}.0` },
        software: installed,
        collectedAt: time(index),
      },
      lockedFields: [],
      updatedAt: time(index),
    };
  };

  const event = (index: number, ticketIndex: number): DomainEvent => {
    const random = streamFor(3, index);
    const contractId = contractOf(ticketIndex);
    return {
      id: `${prefix}e-${pad(index)}`,
      contractId,
      subjectType: 'ticket',
      subjectId: `${prefix}t-${pad(ticketIndex)}`,
      type: 'ticket.note',
      at: time(ticketIndex + 5),
      authorId,
      deviceId,
      data: { text: `${sentence(random, 60)} ${sentence(random, 60)}`, visibility: random() < 0.8 ? 'internal' : 'customer' },
    };
  };

  return {
    ticket,
    asset,
    event,
    assets: (count) => Array.from({ length: count }, (_, index) => asset(index)),
    mix(count) {
      const out: Generated[] = [];
      let tickets = 0;
      let assets = 0;
      let events = 0;
      for (let i = 0; i < count; i++) {
        const slot = i % 5;
        if (slot === 0 || slot === 1) out.push({ collection: 'tickets', doc: ticket(tickets++) });
        else if (slot === 2 || slot === 3) out.push({ collection: 'assets', doc: asset(assets++) });
        else out.push({ collection: 'events', doc: event(events++, Math.max(0, tickets - 1)) });
      }
      return out;
    },
    edit(doc, round) {
      const random = streamFor(4 + round, Number(doc.id.replace(/\D/g, '')) || 0);
      const updatedAt = new Date(Date.parse(doc.updatedAt) + (round + 1) * 3_600_000).toISOString();
      if ('ref' in doc) {
        return { ...doc, title: `${pick(random, TITLES)} (${round + 1})`, description: `${doc.description} ${sentence(random, 8)}`, updatedAt };
      }
      return { ...doc, room: `Kat ${1 + Math.floor(random() * 6)} / ${200 + round}`, state: pick(random, STATES), updatedAt };
    },
  };
}
