import type { CollectionName } from '../../common/schemas/collections.js';
import { validateDocument } from '../../common/validation/validate.js';
import { hashPassword } from '../auth/passwords.js';
import { SERVER_AUTHOR } from '../services/staff-directory.js';
import type { DocBody, Store } from '../store/store.js';
import { DEMO_PASSWORD, DEMO_USERS } from './accounts.js';
import { DEMO_CUSTOMERS } from './contracts.js';
import { demoAssets, demoPeople } from './people-assets.js';
import { seededRandom } from './random.js';
import { demoTickets } from './tickets.js';

/** Tickets per contract (ANKA, BOGAZ, MERKEZ): 40 in all. */
export const DEMO_TICKET_COUNTS = [14, 13, 13] as const;

export type DemoDocuments = Readonly<Record<Exclude<CollectionName, 'staff'>, readonly DocBody[]>>;

/**
 * Builds the demo documents. Ids and content are fixed by a seeded generator; only the
 * timestamps follow `now`, so open tickets have live SLA clocks whenever the demo starts.
 */
export function buildDemoDocuments(now: number): DemoDocuments {
  const random = seededRandom(20260423);
  const updatedAt = new Date(now - 30 * 24 * 3600_000).toISOString();
  const out = { contracts: [], people: [], assets: [], tickets: [], events: [], conflicts: [] } as Record<keyof DemoDocuments, object[]>;
  DEMO_CUSTOMERS.forEach((customer, index) => {
    const members = DEMO_USERS.filter((user) => (user.contractIds as readonly string[]).includes(customer.contractId));
    const technicians = members.filter((user) => user.role === 'technician').map((user) => user.id);
    const people = demoPeople(customer, random, updatedAt);
    const { tickets, events } = demoTickets(customer, people, random, {
      count: DEMO_TICKET_COUNTS[index] ?? 10,
      workers: technicians.length > 0 ? technicians : ['u-sup'],
      dispatcher: 'u-sup',
      now,
    });
    out.contracts.push({ ...customer.contract, updatedAt });
    out.people.push(...people);
    out.assets.push(...demoAssets(customer, people, random, updatedAt));
    out.tickets.push(...tickets);
    out.events.push(...events);
  });
  return out as unknown as DemoDocuments;
}

/** True when nothing was ever stored: the only time demo data may be written. */
export async function isStoreEmpty(store: Store): Promise<boolean> {
  return (await store.maxSeq()) === 0 && (await store.listUsers()).length === 0;
}

/** Writes demo users and documents; every document is checked against the shared schemas first. */
export async function seedDemo(store: Store, now: number = Date.now()): Promise<void> {
  const docs = buildDemoDocuments(now);
  for (const [collection, list] of Object.entries(docs) as [keyof DemoDocuments, readonly DocBody[]][]) {
    for (const doc of list) {
      const result = validateDocument(collection, doc);
      if (!result.ok) throw new Error(`demo ${collection} ${doc.id} is invalid at ${result.issue.path}: ${result.issue.message}`);
    }
  }
  const hashes = await Promise.all(DEMO_USERS.map(() => hashPassword(DEMO_PASSWORD)));
  for (const [index, user] of DEMO_USERS.entries()) {
    const created = await store.createUser({ ...user, contractIds: [...user.contractIds], passwordHash: hashes[index] ?? '', disabled: false });
    if (!created) throw new Error(`demo user ${user.username} exists already: the store was not empty`);
  }
  for (const [collection, list] of Object.entries(docs) as [keyof DemoDocuments, readonly DocBody[]][]) {
    await store.putServerDocs(collection, list.map((body) => ({ body, deleted: false })), SERVER_AUTHOR);
  }
}
