import type { NotifyRequest } from '../../common/ipc/types.js';
import { getDesktop } from './desktop.js';

/**
 * Asks the desktop app for an OS notification. True when the OS shows it (or already showed this
 * tag in this run); false in a plain browser, or where the OS has no notifications: the caller
 * then shows its own in-app message.
 */
export async function showOsNotification(request: NotifyRequest): Promise<boolean> {
  const desktop = getDesktop();
  if (!desktop) return false;
  try {
    const result = await desktop.notifications.show(request);
    return result.ok && (result.value.shown || result.value.reason === 'duplicate');
  } catch {
    return false;
  }
}
