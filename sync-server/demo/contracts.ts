import type { Contract, Site } from '../../common/schemas/contracts.js';
import { TICKET_CATEGORIES } from '../../common/domain/vocabulary.js';
import { DEMO_CONTRACT_IDS } from './accounts.js';

/** What the demo generator needs to know about each customer beyond the contract document. */
export interface DemoCustomer {
  readonly contractId: string;
  readonly code: string;
  readonly slug: string;
  readonly emailDomain: string;
  readonly phonePrefix: string;
  readonly sites: readonly Site[];
  readonly contract: Omit<Contract, 'updatedAt'>;
}

const IST = 'Europe/Istanbul';
const workday = [{ start: '08:30', end: '18:00' }];
const CALENDAR = {
  hours: { mon: workday, tue: workday, wed: workday, thu: workday, fri: workday, sat: [], sun: [] },
  // The fixed-date national holidays of 2026 (the religious ones move each year; the editor imports them).
  holidays: [
    { date: '2026-01-01', name: 'Yılbaşı' },
    { date: '2026-04-23', name: 'Ulusal Egemenlik ve Çocuk Bayramı' },
    { date: '2026-05-01', name: 'Emek ve Dayanışma Günü' },
    { date: '2026-05-19', name: 'Atatürk’ü Anma, Gençlik ve Spor Bayramı' },
    { date: '2026-07-15', name: 'Demokrasi ve Millî Birlik Günü' },
    { date: '2026-08-30', name: 'Zafer Bayramı' },
    { date: '2026-10-29', name: 'Cumhuriyet Bayramı' },
  ],
};
const SLA = {
  warnAtPercent: 75,
  targets: {
    p1: { responseMinutes: 30, resolutionMinutes: 240 },
    p2: { responseMinutes: 60, resolutionMinutes: 480 },
    p3: { responseMinutes: 240, resolutionMinutes: 1440 },
    p4: { responseMinutes: 480, resolutionMinutes: 2880 },
    p5: { responseMinutes: 960, resolutionMinutes: 5760 },
  },
};

function customer(
  input: Pick<DemoCustomer, 'contractId' | 'code' | 'slug' | 'emailDomain' | 'phonePrefix' | 'sites'> & {
    name: string;
    customerName: string;
    endsOn: string | null;
  },
): DemoCustomer {
  const contract: Omit<Contract, 'updatedAt'> = {
    id: input.contractId,
    contractId: input.contractId,
    code: input.code,
    name: input.name,
    customerName: input.customerName,
    startsOn: '2026-01-01',
    endsOn: input.endsOn,
    sites: [...input.sites],
    slaPolicy: SLA,
    calendar: CALENDAR,
    coveredCategories: [...TICKET_CATEGORIES],
    deliveryModes: ['remote', 'onsite'],
  };
  return { ...input, contract };
}

export const DEMO_CUSTOMERS: readonly DemoCustomer[] = [
  customer({
    contractId: DEMO_CONTRACT_IDS.anka,
    code: 'ANKA',
    slug: 'anka',
    name: 'Anka Lojistik – Masaüstü Hizmetleri 2026',
    customerName: 'Anka Lojistik A.Ş.',
    emailDomain: 'ankalojistik.com.tr',
    phonePrefix: '+90 216 555',
    endsOn: '2027-12-31',
    sites: [
      { id: 's-anka-tuzla', name: 'Tuzla Depo', address: 'Aydınlı Mah. Lojistik Cad. 12, 34956 Tuzla/İstanbul', timeZone: IST },
      { id: 's-anka-ankara', name: 'Ankara Bölge Ofisi', address: 'Söğütözü Cad. 8, 06510 Çankaya/Ankara', timeZone: IST },
      { id: 's-anka-hamburg', name: 'Hamburg Aktarma', address: 'Am Sandtorkai 40, 20457 Hamburg', timeZone: 'Europe/Berlin' },
    ],
  }),
  customer({
    contractId: DEMO_CONTRACT_IDS.bogaz,
    code: 'BOGAZ',
    slug: 'bogaz',
    name: 'Boğaziçi Sigorta – Son Kullanıcı Desteği',
    customerName: 'Boğaziçi Sigorta A.Ş.',
    emailDomain: 'bogazicisigorta.com.tr',
    phonePrefix: '+90 212 444',
    endsOn: null,
    sites: [
      { id: 's-bogaz-maslak', name: 'Maslak Genel Müdürlük', address: 'Büyükdere Cad. 255, 34398 Sarıyer/İstanbul', timeZone: IST },
      { id: 's-bogaz-kadikoy', name: 'Kadıköy Şube', address: 'Bağdat Cad. 120, 34728 Kadıköy/İstanbul', timeZone: IST },
      { id: 's-bogaz-izmir', name: 'İzmir Bölge', address: 'Cumhuriyet Blv. 45, 35210 Konak/İzmir', timeZone: IST },
    ],
  }),
  customer({
    contractId: DEMO_CONTRACT_IDS.merkez,
    code: 'MERKEZ',
    slug: 'merkez',
    name: 'Merkez Gıda – Fabrika ve Ofis BT',
    customerName: 'Merkez Gıda San. ve Tic. A.Ş.',
    emailDomain: 'merkezgida.com.tr',
    phonePrefix: '+90 262 333',
    endsOn: '2026-12-31',
    sites: [
      { id: 's-merkez-gebze', name: 'Gebze Fabrika', address: 'GOSB 700. Sok. 3, 41480 Gebze/Kocaeli', timeZone: IST },
      { id: 's-merkez-bursa', name: 'Bursa Üretim', address: 'Nilüfer OSB 5. Cad. 9, 16140 Nilüfer/Bursa', timeZone: IST },
    ],
  }),
];
