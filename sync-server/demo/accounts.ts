import type { Role } from '../../common/domain/vocabulary.js';

/** Demo data is public knowledge (README, tests): never seed it into a real installation. */
export const DEMO_PASSWORD = 'demo1234';

export const DEMO_CONTRACT_IDS = { anka: 'c-anka', bogaz: 'c-bogaz', merkez: 'c-merkez' } as const;
export const ALL_DEMO_CONTRACT_IDS: readonly string[] = Object.values(DEMO_CONTRACT_IDS);

export interface DemoUser {
  readonly id: string;
  readonly username: string;
  readonly name: string;
  readonly role: Role;
  readonly contractIds: readonly string[];
}

const { anka, bogaz } = DEMO_CONTRACT_IDS;

export const DEMO_USERS = [
  { id: 'u-tech', username: 'tech', name: 'Emre Yılmaz', role: 'technician', contractIds: [anka, bogaz] },
  { id: 'u-tech2', username: 'tech2', name: 'Zeynep Aydın', role: 'technician', contractIds: [anka] },
  { id: 'u-depo', username: 'depo', name: 'Murat Demir', role: 'warehouse', contractIds: ALL_DEMO_CONTRACT_IDS },
  { id: 'u-sup', username: 'sup', name: 'Elif Şahin', role: 'supervisor', contractIds: ALL_DEMO_CONTRACT_IDS },
  { id: 'u-admin', username: 'admin', name: 'Can Öztürk', role: 'admin', contractIds: ALL_DEMO_CONTRACT_IDS },
] as const satisfies readonly DemoUser[];

export type DemoUsername = (typeof DEMO_USERS)[number]['username'];

export function demoUser(username: DemoUsername): DemoUser {
  const user = DEMO_USERS.find((candidate) => candidate.username === username);
  if (!user) throw new Error(`no demo user ${username}`);
  return user;
}
