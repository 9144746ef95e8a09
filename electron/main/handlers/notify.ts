import { ok, type Result } from '../../../common/errors.js';
import type { IpcError } from '../../../common/ipc/contract.js';
import type { NotifyRequest, NotifyResult } from '../../../common/ipc/types.js';

/** The part of one Electron `Notification` the handler uses. */
export interface NotificationLike {
  show(): void;
  on(event: 'click' | 'close', listener: () => void): unknown;
}

/** Electron's `Notification` class as a dependency: `isSupported()` and `new Notification(options)`. */
export interface NotificationApi {
  isSupported(): boolean;
  create(options: { title: string; body: string; silent: boolean }): NotificationLike;
}

export interface NotifyDeps {
  readonly notifications: NotificationApi | null;
  /** Brings the app's window forward when a notification is clicked. */
  readonly onClick?: () => void;
  /** How many tags are remembered against repeats (a renderer reload must not re-notify). */
  readonly rememberTags?: number;
}

/**
 * `notify.show`: one OS notification per tag per app run. The renderer already fires once per
 * ticket and threshold; this is the second fence, for a renderer that reloads. Shown
 * notifications are kept referenced until closed, or the OS may drop them (and their click).
 */
export function createNotifyHandler(deps: NotifyDeps): (request: NotifyRequest) => Promise<Result<NotifyResult, IpcError>> {
  const seen = new Set<string>();
  const open = new Set<NotificationLike>();
  const limit = deps.rememberTags ?? 500;
  return (request) => {
    if (!deps.notifications?.isSupported()) return Promise.resolve(ok({ shown: false, reason: 'unsupported' }));
    if (seen.has(request.tag)) return Promise.resolve(ok({ shown: false, reason: 'duplicate' }));
    seen.add(request.tag);
    if (seen.size > limit) seen.delete(seen.values().next().value as string);
    const notification = deps.notifications.create({ title: request.title, body: request.body, silent: false });
    open.add(notification);
    notification.on('click', () => deps.onClick?.());
    notification.on('close', () => open.delete(notification));
    notification.show();
    return Promise.resolve(ok({ shown: true, reason: null }));
  };
}
