import { WAITING_REASONS, type Level, type TicketCategory, type TicketStatus } from '../../common/domain/vocabulary.js';
import type { DomainEvent } from '../../common/schemas/events.js';
import type { Person } from '../../common/schemas/people.js';
import type { Ticket } from '../../common/schemas/tickets.js';
import { priorityOf } from '../../common/tickets/priority.js';
import type { DemoCustomer } from './contracts.js';
import type { Random } from './random.js';

const TITLES: Readonly<Record<TicketCategory, readonly string[]>> = {
  hardware: ['Dizüstü bilgisayar açılmıyor', 'Klavyede bazı tuşlar çalışmıyor', 'Bataryası çok çabuk bitiyor'],
  os: ['Windows güncellemesi takılı kaldı', 'Oturum açılırken profil hatası', 'Bilgisayar çok yavaş açılıyor'],
  application: ['Outlook sürekli şifre soruyor', 'ERP istemcisi açılışta çöküyor', 'Excel makroları çalışmıyor'],
  peripheral: ['Yazıcı kâğıt sıkıştırıyor', 'Barkod okuyucu okumuyor', 'İkinci monitör görüntü vermiyor'],
  request: ['Yeni personel için bilgisayar kurulumu', 'Yazılım yükleme talebi: Adobe Reader', 'Masa taşıma: bilgisayar ve yazıcı'],
  question: ['VPN bağlantısı nasıl kurulur?', 'Paylaşılan klasöre erişim nasıl istenir?', 'Şifre sıfırlama adımları'],
};

/** Each status is reached from `new` along allowed transitions, so the events tell a legal story. */
const PATHS: Readonly<Record<TicketStatus, readonly TicketStatus[]>> = {
  new: [],
  assigned: ['assigned'],
  in_progress: ['assigned', 'in_progress'],
  waiting: ['assigned', 'in_progress', 'waiting'],
  resolved: ['assigned', 'in_progress', 'resolved'],
  closed: ['assigned', 'in_progress', 'resolved', 'closed'],
  cancelled: ['cancelled'],
};
const STATUS_CYCLE: readonly TicketStatus[] = ['new', 'in_progress', 'assigned', 'waiting', 'resolved', 'closed', 'in_progress', 'cancelled', 'new', 'closed'];
const OPEN: ReadonlySet<TicketStatus> = new Set(['new', 'assigned', 'in_progress', 'waiting']);
const MINUTE = 60_000;
const REF_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';

export interface DemoTicketOptions {
  readonly count: number;
  /** Technicians (or else supervisors) who work this contract: assignees and authors. */
  readonly workers: readonly string[];
  readonly dispatcher: string;
  readonly now: number;
}

const iso = (ms: number) => new Date(Math.floor(ms / 1000) * 1000).toISOString();

function ref(code: string, at: number, random: Random): string {
  const day = new Date(at).toISOString().slice(2, 10).replace(/-/g, '');
  const suffix = Array.from({ length: 4 }, () => random.pick([...REF_ALPHABET])).join('');
  return `${code}-${day}-${suffix}`;
}

export function demoTickets(customer: DemoCustomer, people: readonly Person[], random: Random, options: DemoTicketOptions) {
  const tickets: Ticket[] = [];
  const events: DomainEvent[] = [];
  for (let index = 0; index < options.count; index++) {
    const id = `t-${customer.slug}-${String(index + 1).padStart(3, '0')}`;
    const status = STATUS_CYCLE[index % STATUS_CYCLE.length] ?? 'new';
    const category = random.pick(Object.keys(TITLES) as TicketCategory[]);
    const urgency = random.int(1, 3) as Level;
    const impact = random.int(1, 3) as Level;
    const priority = priorityOf(urgency, impact);
    const requester = random.pick(people);
    const assignee = status === 'new' ? null : random.pick(options.workers);
    // Open tickets are recent so their SLA clocks are meaningful; finished ones are older.
    const ageMinutes = OPEN.has(status) ? random.int(30, 3 * 24 * 60) : random.int(4 * 24 * 60, 25 * 24 * 60);
    const created = options.now - ageMinutes * MINUTE;
    const steps = PATHS[status];
    const stepAt = (step: number) => created + Math.floor(((ageMinutes * MINUTE) / (steps.length + 2)) * step);
    const waitingReason = status === 'waiting' ? random.pick(WAITING_REASONS) : null;
    const own: DomainEvent[] = [];
    const add = (at: number, authorId: string, type: string, data: Record<string, unknown>) =>
      own.push({
        id: `e-${id}-${String(own.length + 1).padStart(2, '0')}`,
        contractId: customer.contractId,
        subjectType: 'ticket',
        subjectId: id,
        type,
        at: iso(at),
        authorId,
        deviceId: 'demo-seed',
        data,
      });

    add(created, options.dispatcher, 'ticket.created', { status: 'new', priority });
    const worker = assignee ?? options.dispatcher;
    let from: TicketStatus = 'new';
    let last = created;
    steps.forEach((to, step) => {
      last = stepAt(step + 1);
      add(last, worker, 'ticket.status', { from, to, waitingReason: to === 'waiting' ? waitingReason : null });
      if (to === 'in_progress') {
        last += 5 * MINUTE;
        const text = random.pick(['Kullanıcı ile görüşüldü, uzaktan bağlanıldı.', 'Cihaz yerinde incelendi.', 'Günlük kayıtları toplandı, tedarikçiye soruldu.']);
        add(last, worker, 'ticket.note', { text, visibility: 'internal' });
      }
      from = to;
    });
    events.push(...own);

    tickets.push({
      id,
      contractId: customer.contractId,
      ref: ref(customer.code, created, random),
      title: random.pick(TITLES[category]),
      description: `${requester.name} (${requester.department}) bildirdi.`,
      requesterId: requester.id,
      siteId: requester.siteId,
      assetIds: [],
      category,
      type: category === 'request' ? 'request' : 'incident',
      channel: random.pick(['phone', 'email', 'portal', 'walk_in'] as const),
      urgency,
      impact,
      priority,
      deliveryMode: random.chance(0.6) ? 'remote' : 'onsite',
      status,
      waitingReason,
      assigneeId: assignee,
      outOfScopeReason: status === 'cancelled' && category === 'request' ? 'procurement' : null,
      createdAt: iso(created),
      createdBy: options.dispatcher,
      updatedAt: iso(last),
    });
  }
  return { tickets, events };
}
