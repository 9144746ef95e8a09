import { execFile } from 'node:child_process';
import type { InstalledSoftware } from '../../../common/ipc/types.js';
import {
  DPKG_QUERY_ARGS,
  RPM_QUERY_ARGS,
  WINDOWS_UNINSTALL_KEYS,
  parseDpkg,
  parseMacApplications,
  parseRpm,
  parseWindowsUninstall,
} from './software-parsers.js';

/** Runs a program (no shell) and resolves with its stdout; rejects when it is missing or fails. */
export type RunCommand = (command: string, args: readonly string[]) => Promise<string>;

export const runCommand: RunCommand = (command, args) =>
  new Promise((resolve, reject) => {
    execFile(command, [...args], { maxBuffer: 64 * 1024 * 1024, timeout: 60_000, windowsHide: true }, (error, stdout) => {
      if (error) reject(new Error(error.message, { cause: error }));
      else resolve(stdout);
    });
  });

export type SoftwareList = { readonly software: InstalledSoftware[]; readonly gap: string | null };

function reason(error: unknown): string {
  return error instanceof Error ? (error.message.split('\n', 1)[0] ?? '') : String(error);
}

/**
 * The installed software of this machine by the OS's own package list: dpkg, else rpm, on Linux;
 * the registry's uninstall keys on Windows; system_profiler on macOS. What could not be read is
 * said in `gap`, never thrown.
 */
export async function listInstalledSoftware(platform: string, run: RunCommand): Promise<SoftwareList> {
  if (platform === 'linux') {
    try {
      return { software: parseDpkg(await run('dpkg-query', DPKG_QUERY_ARGS)), gap: null };
    } catch (dpkgError) {
      try {
        return { software: parseRpm(await run('rpm', RPM_QUERY_ARGS)), gap: null };
      } catch (rpmError) {
        return { software: [], gap: `installed software: neither dpkg nor rpm answered (${reason(dpkgError)}; ${reason(rpmError)})` };
      }
    }
  }
  if (platform === 'win32') {
    const outputs = await Promise.allSettled(WINDOWS_UNINSTALL_KEYS.map((key) => run('reg', ['query', key, '/s'])));
    const texts = outputs.flatMap((outcome) => (outcome.status === 'fulfilled' ? [outcome.value] : []));
    if (texts.length === 0) return { software: [], gap: 'installed software: the registry could not be read' };
    return { software: parseWindowsUninstall(texts.join('\n')), gap: null };
  }
  if (platform === 'darwin') {
    try {
      return { software: parseMacApplications(await run('system_profiler', ['SPApplicationsDataType', '-json'])), gap: null };
    } catch (error) {
      return { software: [], gap: `installed software: system_profiler failed (${reason(error)})` };
    }
  }
  return { software: [], gap: `installed software: not supported on ${platform}` };
}
