import type { ConflictRecord } from '../sync/merge/conflict-record.js';
import type { Asset } from './assets.js';
import type { Contract } from './contracts.js';
import type { DomainEvent } from './events.js';
import type { Person } from './people.js';
import type { StaffMember } from './staff.js';
import type { Ticket } from './tickets.js';

interface DocumentTypes {
  contracts: Contract;
  people: Person;
  staff: StaffMember;
  tickets: Ticket;
  assets: Asset;
  events: DomainEvent;
  conflicts: ConflictRecord;
}

/** The TypeScript document type of a collection, derived from its schema. */
export type DocumentOf<C extends keyof DocumentTypes> = DocumentTypes[C];
