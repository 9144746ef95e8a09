import { describe, expect, it, vi } from 'vitest';
import { createNotifyHandler, type NotificationApi, type NotificationLike } from './notify.js';

/** Records what Electron's Notification would have been asked to do. */
function fakeNotifications(supported = true) {
  const shown: { title: string; body: string; listeners: Map<string, () => void> }[] = [];
  const api: NotificationApi = {
    isSupported: () => supported,
    create: (options) => {
      const listeners = new Map<string, () => void>();
      const notification: NotificationLike = {
        show: () => shown.push({ title: options.title, body: options.body, listeners }),
        on: (event, listener) => listeners.set(event, listener),
      };
      return notification;
    },
  };
  return { api, shown };
}

const request = (tag: string) => ({ title: 'SLA warning: ANKA-261130-F8PF', body: 'Resolution 75 % used', tag });

describe('notify.show handler', () => {
  it('shows one OS notification per tag and focuses the app when it is clicked', async () => {
    const { api, shown } = fakeNotifications();
    const focus = vi.fn();
    const notify = createNotifyHandler({ notifications: api, onClick: focus });
    await expect(notify(request('sla:t-1:resolution:warning'))).resolves.toEqual({ ok: true, value: { shown: true, reason: null } });
    await expect(notify(request('sla:t-1:resolution:warning'))).resolves.toEqual({ ok: true, value: { shown: false, reason: 'duplicate' } });
    await expect(notify(request('sla:t-1:resolution:breach'))).resolves.toMatchObject({ ok: true, value: { shown: true } });
    expect(shown.map((entry) => entry.title)).toEqual(['SLA warning: ANKA-261130-F8PF', 'SLA warning: ANKA-261130-F8PF']);
    shown[0]?.listeners.get('click')?.();
    expect(focus).toHaveBeenCalledTimes(1);
  });

  it('says when the OS has no notifications, so the renderer shows its own', async () => {
    const notify = createNotifyHandler({ notifications: fakeNotifications(false).api });
    await expect(notify(request('a'))).resolves.toEqual({ ok: true, value: { shown: false, reason: 'unsupported' } });
    await expect(createNotifyHandler({ notifications: null })(request('a'))).resolves.toMatchObject({ value: { reason: 'unsupported' } });
  });

  it('remembers a bounded number of tags', async () => {
    const { api, shown } = fakeNotifications();
    const notify = createNotifyHandler({ notifications: api, rememberTags: 2 });
    for (const tag of ['a', 'b', 'c', 'a']) await notify(request(tag));
    // 'a' was forgotten when 'c' came in, so it could be shown again.
    expect(shown).toHaveLength(4);
  });
});
