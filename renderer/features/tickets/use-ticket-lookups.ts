import { useMemo } from 'react';
import type { Contract } from '../../../common/schemas/contracts.js';
import type { Person } from '../../../common/schemas/people.js';
import type { StaffMember } from '../../../common/schemas/staff.js';
import { useDatabase } from '../../app/database-context.js';
import { useRxQuery } from '../../db/use-rx.js';

/** Contracts this replica holds (a handful per user), by code. */
export function useContracts(): { contracts: Contract[]; byId: ReadonlyMap<string, Contract> } {
  const db = useDatabase();
  const { docs } = useRxQuery<Contract>(() => db.contracts.find({ sort: [{ code: 'asc' }] }), [db]);
  const byId = useMemo(() => new Map(docs.map((contract) => [contract.id, contract])), [docs]);
  return { contracts: docs, byId };
}

/** Staff serving one contract, or every contract when `contractId` is null (one entry per user). */
export function useStaff(contractId: string | null): StaffMember[] {
  const db = useDatabase();
  const { docs } = useRxQuery<StaffMember>(
    () => db.staff.find(contractId ? { selector: { contractId }, sort: [{ contractId: 'asc' }, { name: 'asc' }] } : {}),
    [db, contractId],
  );
  return useMemo(() => {
    const byUser = new Map<string, StaffMember>();
    for (const member of docs) if (!byUser.has(member.userId)) byUser.set(member.userId, member);
    return [...byUser.values()].sort((a, b) => a.name.localeCompare(b.name));
  }, [docs]);
}

/** userId → display name, across contracts (the same person may serve several). */
export function useStaffNames(): ReadonlyMap<string, string> {
  const staff = useStaff(null);
  return useMemo(() => new Map(staff.map((member) => [member.userId, member.name])), [staff]);
}

/** People of a contract (or all when null); nothing is queried while `enabled` is false. */
export function usePeople(contractId: string | null, enabled = true): Person[] {
  const db = useDatabase();
  const { docs } = useRxQuery<Person>(
    () =>
      enabled
        ? db.people.find(contractId ? { selector: { contractId }, sort: [{ contractId: 'asc' }, { name: 'asc' }] } : {})
        : null,
    [db, contractId, enabled],
  );
  return docs;
}

/** Just the people these ids name (the requesters of one page of tickets). */
export function usePeopleByIds(ids: readonly string[]): ReadonlyMap<string, Person> {
  const db = useDatabase();
  const key = [...new Set(ids)].sort().join('|');
  const { docs } = useRxQuery<Person>(() => (key ? db.people.findByIds(key.split('|')) : null), [db, key]);
  return useMemo(() => new Map(docs.map((person) => [person.id, person])), [docs]);
}
