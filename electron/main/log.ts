import { appendFile, mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';

export type LogLine = (message: string, detail?: unknown) => void;

function describe(detail: unknown): string {
  if (detail === undefined) return '';
  if (detail instanceof Error) return ` ${detail.stack ?? detail.message}`;
  try {
    return ` ${JSON.stringify(detail) ?? ''}`;
  } catch {
    return ' (detail could not be written)';
  }
}

/**
 * The main process's log: lines appended to a file (the app has no console a user would see).
 * Logging never throws and never blocks the caller.
 */
export function createFileLog(filePath: string): LogLine {
  let ready: Promise<unknown> | null = null;
  return (message, detail) => {
    ready ??= mkdir(dirname(filePath), { recursive: true });
    const line = `${new Date().toISOString()} ${message}${describe(detail)}\n`;
    ready.then(() => appendFile(filePath, line, { mode: 0o600 })).catch(() => undefined);
  };
}
