import type { TFunction } from '../../i18n/index.js';
import { hasMessage } from '../../i18n/registry.js';
import type { DocumentProblem, SyncProblem } from '../../sync/sync-status-store.js';
import './messages.js';

/** A problem in the person's words; the server's own message is added where ours is generic. */
export function describeProblem(t: TFunction, problem: SyncProblem): string {
  if (problem.code === 'AUTH_ACCOUNT_LOCKED' && problem.retryAfterSeconds) {
    return t('error.AUTH_ACCOUNT_LOCKED_FOR', { minutes: Math.max(1, Math.ceil(problem.retryAfterSeconds / 60)) });
  }
  const key = `error.${problem.code}`;
  if (!hasMessage('en', key)) return t('error.INTERNAL', { message: problem.message });
  return t(key, { message: problem.message });
}

/** "Ticket “T-1”, field “title”: The server refused a value … (server: must be at least 1 character)" */
export function describeDocumentProblem(t: TFunction, problem: DocumentProblem, label?: string | null): { subject: string; reason: string; detail: string } {
  const collection = t(`sync.collection.${problem.collection}`);
  // The person knows a ticket by its reference and title, not by its id.
  const docId = label ?? problem.docId;
  const subject = problem.path ? t('sync.docField', { collection, docId, field: problem.path }) : t('sync.doc', { collection, docId });
  return { subject, reason: describeProblem(t, problem), detail: problem.message };
}

/** "2 min ago" in the current language, from the browser's own relative-time rules. */
export function relativeTime(language: string, at: number, now: number, justNow: string): string {
  const seconds = Math.round((at - now) / 1000);
  if (Math.abs(seconds) < 45) return justNow;
  const format = new Intl.RelativeTimeFormat(language, { numeric: 'auto' });
  const minutes = Math.round(seconds / 60);
  if (Math.abs(minutes) < 60) return format.format(minutes, 'minute');
  const hours = Math.round(minutes / 60);
  if (Math.abs(hours) < 24) return format.format(hours, 'hour');
  return format.format(Math.round(hours / 24), 'day');
}
