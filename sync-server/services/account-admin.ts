import {
  canAdministerAccounts,
  canManageAccount,
  type AdminUser,
  type AdminUserList,
  type UpdateUserRequest,
} from '../../common/admin/accounts.js';
import { idField } from '../../common/schemas/fields.js';
import type { SessionUser } from '../../common/sync/protocol.js';
import { hashPassword } from '../auth/passwords.js';
import { HttpError } from '../errors.js';
import type { AccountDecision, Store, UserChange, UserRecord } from '../store/store.js';
import { readCreate, readReset, readUpdate, toAdminUser } from './account-input.js';
import type { ChangeNotifier } from './notifier.js';
import { syncStaffDirectory } from './staff-directory.js';

/** Who asks, from where: every decision lands in the audit log with it. */
export interface AdminActor {
  readonly user: SessionUser;
  readonly deviceId: string;
  readonly ip: string;
}

/**
 * Account administration. Admins manage every account; supervisors manage accounts below admin
 * and only the contracts they serve themselves (a contract outside their scope answers like an
 * unknown one). Nobody changes their own role or disables themselves here, so there is always
 * an enabled admin once there was one. Every change is audited, keeps the staff directory in
 * step, and tells the account's open streams to resync.
 */
export class AccountAdmin {
  constructor(
    private readonly store: Store,
    private readonly notifier: ChangeNotifier,
  ) {}

  async list(actor: AdminActor): Promise<AdminUserList> {
    await this.authorize(actor, 'list');
    return { users: (await this.store.listUsers()).map(toAdminUser) };
  }

  async create(actor: AdminActor, input: unknown): Promise<AdminUser> {
    await this.authorize(actor, 'create');
    const request = readCreate(input);
    if (!canManageAccount(actor.user.role, request.role)) await this.deny(actor, 'create', `A ${actor.user.role} may not grant the ${request.role} role.`, 'role');
    await this.checkContracts(actor, request.contractIds, []);
    const id = `u-${request.username}`;
    if (await this.store.getUserByUsername(request.username)) throw taken(request.username);
    const created = await this.store.createUser({
      id,
      username: request.username,
      name: request.name,
      role: request.role,
      contractIds: request.contractIds,
      passwordHash: await hashPassword(request.password),
      disabled: false,
    });
    if (!created) throw taken(request.username);
    await this.audit(actor, 'admin.user.created', created, { role: created.role, contractIds: created.contractIds });
    await this.afterChange(created, []);
    return toAdminUser(created);
  }

  async update(actor: AdminActor, id: string, input: unknown): Promise<AdminUser> {
    await this.authorize(actor, 'update');
    const request = readUpdate(input);
    if (request.role && !canManageAccount(actor.user.role, request.role)) {
      await this.deny(actor, 'update', `A ${actor.user.role} may not grant the ${request.role} role.`, 'role');
    }
    requireAccountId(id);
    const before = await this.store.getUserById(id);
    if (request.contractIds) await this.checkContracts(actor, request.contractIds, before?.contractIds ?? []);
    const result = await this.store.updateUser(id, (current) => this.decide(actor, current, request));
    if (!result.ok) {
      if (result.error.code === 'ROLE_FORBIDDEN') await this.deniedAudit(actor, 'update', result.error.message, id);
      throw new HttpError(result.error.code, result.error.message, result.error.path !== undefined ? { path: result.error.path } : {});
    }
    const { before: old, after } = result;
    if (old.version === after.version) return toAdminUser(after);
    if (after.disabled && !old.disabled) await this.store.revokeUserSessions(after.id, Date.now());
    await this.audit(actor, 'admin.user.updated', after, describeChange(old, after));
    await this.afterChange(after, old.contractIds);
    return toAdminUser(after);
  }

  async resetPassword(actor: AdminActor, id: string, input: unknown): Promise<void> {
    await this.authorize(actor, 'password');
    requireAccountId(id);
    const target = await this.store.getUserById(id);
    if (!target) throw noAccount(id);
    const password = readReset(input, target.username);
    const passwordHash = await hashPassword(password);
    const result = await this.store.updateUser(id, (current) =>
      canManageAccount(actor.user.role, current.role)
        ? { change: { passwordHash } }
        : { refusal: { code: 'ROLE_FORBIDDEN', message: `A ${actor.user.role} may not change an ${current.role} account.` } },
    );
    if (!result.ok) {
      if (result.error.code === 'ROLE_FORBIDDEN') await this.deniedAudit(actor, 'password', result.error.message, id);
      throw new HttpError(result.error.code, result.error.message);
    }
    // Every session of the account ends: whoever knew the old password is out. Local work on
    // the person's laptop stays queued until they sign in with the new one.
    const revoked = await this.store.revokeUserSessions(id, Date.now());
    await this.audit(actor, 'admin.user.password_reset', result.after, { sessionsEnded: revoked });
  }

  /** The rules that need the stored account; runs inside the account write transaction. */
  private decide(actor: AdminActor, current: UserRecord, request: UpdateUserRequest): AccountDecision {
    const refuse = (code: 'ROLE_FORBIDDEN' | 'ACCOUNT_STALE' | 'VALIDATION_FAILED', message: string, path?: string): AccountDecision => ({
      refusal: { code, message, ...(path ? { path } : {}) },
    });
    if (!canManageAccount(actor.user.role, current.role)) return refuse('ROLE_FORBIDDEN', `A ${actor.user.role} may not change an ${current.role} account.`);
    if (request.version !== undefined && request.version !== current.version) {
      return refuse('ACCOUNT_STALE', 'Someone changed this account meanwhile. Reload it and make your change again.', 'version');
    }
    if (current.id === actor.user.id) {
      if (request.role !== undefined && request.role !== current.role) {
        return refuse('VALIDATION_FAILED', 'You cannot change your own role; ask another admin.', 'role');
      }
      if (request.disabled === true) return refuse('VALIDATION_FAILED', 'You cannot disable your own account.', 'disabled');
    }
    const change: UserChange = {
      ...(request.name !== undefined ? { name: request.name } : {}),
      ...(request.role !== undefined ? { role: request.role } : {}),
      ...(request.disabled !== undefined ? { disabled: request.disabled } : {}),
      ...(request.contractIds ? { contractIds: this.contractsAfter(actor, current.contractIds, request.contractIds) } : {}),
    };
    return { change };
  }

  /** A supervisor's list replaces only the contracts it serves; the account's others stay. */
  private contractsAfter(actor: AdminActor, current: readonly string[], requested: readonly string[]): string[] {
    if (actor.user.role === 'admin') return [...requested];
    const own = new Set(actor.user.contractIds);
    return [...new Set([...requested, ...current.filter((id) => !own.has(id))])];
  }

  /**
   * Every newly given contract must exist; a supervisor may only give contracts it serves (one
   * outside its scope answers exactly like an unknown one). Contracts the account already has pass.
   */
  private async checkContracts(actor: AdminActor, requested: readonly string[], current: readonly string[]): Promise<void> {
    const fresh = requested.filter((id) => !current.includes(id));
    if (fresh.length === 0) return;
    const found = new Set((await this.store.getDocs('contracts', fresh)).filter((doc) => !doc.deleted).map((doc) => doc.id));
    const own = new Set(actor.user.contractIds);
    const unknown = fresh.find((id) => !found.has(id) || (actor.user.role !== 'admin' && !own.has(id)));
    if (unknown !== undefined) throw new HttpError('VALIDATION_FAILED', `There is no contract "${unknown}".`, { path: 'contractIds' });
  }

  private async authorize(actor: AdminActor, action: string): Promise<void> {
    if (!canAdministerAccounts(actor.user.role)) await this.deny(actor, action, `A ${actor.user.role} may not administer accounts.`);
  }

  private async deny(actor: AdminActor, action: string, message: string, path?: string): Promise<never> {
    await this.deniedAudit(actor, action, message);
    throw new HttpError('ROLE_FORBIDDEN', message, path ? { path } : {});
  }

  private deniedAudit(actor: AdminActor, action: string, reason: string, target?: string): Promise<void> {
    return this.store.audit({ ...who(actor), event: 'admin.denied', detail: { action, reason, ...(target ? { target } : {}) } });
  }

  private audit(actor: AdminActor, event: string, target: UserRecord, detail: Record<string, unknown>): Promise<void> {
    return this.store.audit({ ...who(actor), event, detail: { target: target.id, targetUsername: target.username, ...detail } });
  }

  /** Keeps the staff directory in step and tells open streams (all instances) what changed. */
  private async afterChange(user: UserRecord, formerContractIds: readonly string[]): Promise<void> {
    const staff = await syncStaffDirectory(this.store, new Date(), { userId: user.id, formerContractIds });
    if (staff.contractIds.length > 0) {
      this.notifier.publish({ collection: 'staff', seq: await this.store.maxSeq(), contractIds: staff.contractIds });
    }
    this.notifier.publishAccount({ userId: user.id, version: user.version });
  }
}

function who(actor: AdminActor) {
  return { userId: actor.user.id, username: actor.user.username, ip: actor.ip, deviceId: actor.deviceId };
}

function noAccount(id: string): HttpError {
  return new HttpError('NOT_FOUND', `There is no account "${id}".`);
}

const ACCOUNT_ID = new RegExp(idField.pattern);

/**
 * An id no account can have (control characters, PostgreSQL cannot even compare U+0000) answers
 * exactly like an account that does not exist, before the store is asked.
 */
function requireAccountId(id: string): void {
  if (id.length > idField.maxLength || !ACCOUNT_ID.test(id)) throw noAccount(id);
}

function taken(username: string): HttpError {
  return new HttpError('USERNAME_TAKEN', `The user name "${username}" is taken.`, { path: 'username' });
}

/** What an audit entry records of a change: before and after of each field that changed. */
export function describeChange(before: UserRecord, after: UserRecord): Record<string, unknown> {
  const detail: Record<string, unknown> = {};
  if (before.name !== after.name) detail['name'] = { from: before.name, to: after.name };
  if (before.role !== after.role) detail['role'] = { from: before.role, to: after.role };
  if (before.disabled !== after.disabled) detail['disabled'] = { from: before.disabled, to: after.disabled };
  const added = after.contractIds.filter((id) => !before.contractIds.includes(id));
  const removed = before.contractIds.filter((id) => !after.contractIds.includes(id));
  if (added.length > 0 || removed.length > 0) detail['contracts'] = { added, removed };
  return detail;
}
