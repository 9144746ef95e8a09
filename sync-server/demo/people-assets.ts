import type { Asset } from '../../common/schemas/assets.js';
import type { Person } from '../../common/schemas/people.js';
import type { DemoCustomer } from './contracts.js';
import type { Random } from './random.js';

const FIRST = ['Ayşe', 'Mehmet', 'Fatma', 'Ahmet', 'Selin', 'Burak', 'Deniz', 'Gökhan', 'Hülya', 'Kerem', 'Merve', 'Ozan'];
const LAST = ['Kaya', 'Çelik', 'Arslan', 'Doğan', 'Koç', 'Kurt', 'Özdemir', 'Aslan', 'Polat', 'Erdoğan', 'Güneş', 'Yıldız'];
const DEPARTMENTS = ['Muhasebe', 'İnsan Kaynakları', 'Satış', 'Operasyon', 'Hasar', 'Üretim Planlama', 'Bilgi İşlem'];

const ASCII: Readonly<Record<string, string>> = { ç: 'c', ğ: 'g', ı: 'i', ö: 'o', ş: 's', ü: 'u' };
function emailPart(text: string): string {
  return text
    .toLocaleLowerCase('tr')
    .replace(/[çğıöşü]/g, (letter) => ASCII[letter] ?? letter)
    .replace(/[^a-z]/g, '');
}

export const PEOPLE_PER_CONTRACT = 5;
export const ASSETS_PER_CONTRACT = 10;

export function demoPeople(customer: DemoCustomer, random: Random, updatedAt: string): Person[] {
  return Array.from({ length: PEOPLE_PER_CONTRACT }, (_, index) => {
    const first = random.pick(FIRST);
    const last = random.pick(LAST);
    const site = customer.sites[index % customer.sites.length];
    return {
      id: `p-${customer.slug}-${String(index + 1).padStart(2, '0')}`,
      contractId: customer.contractId,
      name: `${first} ${last}`,
      email: `${emailPart(first)}.${emailPart(last)}@${customer.emailDomain}`,
      phone: `${customer.phonePrefix} ${String(random.int(10, 99))} ${String(random.int(10, 99))}`,
      department: random.pick(DEPARTMENTS),
      siteId: site?.id ?? null,
      updatedAt,
    };
  });
}

const MODELS = [
  { type: 'notebook', manufacturer: 'Lenovo', model: 'ThinkPad T14 Gen 4', os: 'Windows 11 Pro 23H2' },
  { type: 'notebook', manufacturer: 'Dell', model: 'Latitude 5440', os: 'Windows 11 Pro 23H2' },
  { type: 'desktop', manufacturer: 'HP', model: 'EliteDesk 800 G9 SFF', os: 'Windows 11 Pro 22H2' },
  { type: 'desktop', manufacturer: 'Dell', model: 'OptiPlex 7010', os: 'Windows 10 Pro 22H2' },
  { type: 'monitor', manufacturer: 'Dell', model: 'P2423D', os: '' },
  { type: 'printer', manufacturer: 'HP', model: 'LaserJet Pro M404dn', os: '' },
  { type: 'dock', manufacturer: 'Lenovo', model: 'ThinkPad Universal USB-C Dock', os: '' },
  { type: 'scanner', manufacturer: 'Zebra', model: 'DS2208', os: '' },
] as const;

const STATES = ['in_use', 'in_use', 'in_use', 'in_use', 'in_stock_available', 'in_repair', 'in_stock_defective'] as const;

export function demoAssets(customer: DemoCustomer, people: readonly Person[], random: Random, updatedAt: string): Asset[] {
  return Array.from({ length: ASSETS_PER_CONTRACT }, (_, index) => {
    const number = String(index + 1).padStart(3, '0');
    const spec = random.pick(MODELS);
    const state = random.pick(STATES);
    const site = customer.sites[index % customer.sites.length];
    const person = state === 'in_use' && spec.type !== 'printer' ? random.pick(people) : null;
    const computer = spec.type === 'notebook' || spec.type === 'desktop';
    return {
      id: `a-${customer.slug}-${number}`,
      contractId: customer.contractId,
      tag: `${customer.code}-${String(1000 + index * 7 + random.int(0, 6))}`,
      serial: `${spec.manufacturer.slice(0, 2).toUpperCase()}${String(random.int(100000, 999999))}`,
      type: spec.type,
      manufacturer: spec.manufacturer,
      model: spec.model,
      siteId: site?.id ?? '',
      room: `Kat ${random.int(0, 4)} / ${random.pick(['A', 'B', 'C'])}${random.int(1, 20)}`,
      assignedPersonId: person?.id ?? null,
      state,
      hostname: computer ? `${customer.code}-PC${number}`.toLowerCase() : '',
      os: spec.os,
      hardware: computer ? { cpu: random.pick(['Intel Core i5-1345U', 'Intel Core i7-13700', 'AMD Ryzen 5 PRO 7540U']), memoryGb: random.pick([8, 16, 32]), diskGb: random.pick([256, 512]) } : {},
      lockedFields: [],
      updatedAt,
    };
  });
}
