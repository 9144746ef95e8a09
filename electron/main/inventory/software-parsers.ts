import type { InstalledSoftware } from '../../../common/ipc/types.js';

/**
 * Pure parsers of each OS's installed-software listing. Each takes the command's text output and
 * never throws: a line it cannot read is skipped, so one odd package never loses the whole list.
 */

function clean(value: string | undefined): string {
  return (value ?? '').trim();
}

function orNull(value: string | undefined): string | null {
  const text = clean(value);
  return text === '' ? null : text;
}

/** `Name Surname <mail>` → `Name Surname`: the address adds nothing for an inventory report. */
function withoutEmail(value: string | undefined): string | null {
  return orNull((value ?? '').replace(/<[^>]*>/g, ''));
}

function dedupe(items: InstalledSoftware[]): InstalledSoftware[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const key = `${item.name.toLowerCase()}\u0000${item.version}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export const DPKG_QUERY_ARGS = ['-W', '-f=${Package}\\t${Version}\\t${Architecture}\\t${Maintainer}\\t${db:Status-Abbrev}\\n'];

/**
 * `dpkg-query -W -f='${Package}\t${Version}\t${Architecture}\t${Maintainer}[\t${db:Status-Abbrev}]\n'`.
 * With the status column, only installed packages (`ii`, `hi`) count; removed-but-configured
 * (`rc`) ones are gone from the machine. Multi-arch packages keep their architecture in the name.
 */
export function parseDpkg(output: string): InstalledSoftware[] {
  const items = output.split(/\r?\n/).flatMap((line): InstalledSoftware[] => {
    const [name, version, arch, maintainer, status] = line.split('\t');
    if (!clean(name)) return [];
    if (status !== undefined && clean(status) !== '' && !/^[ih]i/.test(clean(status))) return [];
    const archText = clean(arch);
    const suffix = archText && archText !== 'all' && archText !== 'amd64' && archText !== 'arm64' ? `:${archText}` : '';
    return [{ name: `${clean(name)}${suffix}`, version: clean(version), publisher: withoutEmail(maintainer), source: 'dpkg' }];
  });
  return dedupe(items);
}

export const RPM_QUERY_ARGS = ['-qa', '--queryformat', '%{NAME}\\t%{VERSION}-%{RELEASE}\\t%{ARCH}\\t%{VENDOR}\\t%{INSTALLTIME}\\n'];

/** `{ installedOn }` when the date is known, nothing otherwise (entries stay small). */
function dated(date: string | null): { installedOn?: string } {
  return date ? { installedOn: date } : {};
}

/** Epoch seconds → `YYYY-MM-DD` (UTC). */
function fromEpoch(value: string | undefined): string | null {
  const seconds = Number(clean(value));
  return Number.isFinite(seconds) && seconds > 0 ? new Date(seconds * 1000).toISOString().slice(0, 10) : null;
}

/** `20240117` → `2024-01-17`; anything else → null. */
function fromYyyymmdd(value: string | undefined): string | null {
  const match = /^(\d{4})(\d{2})(\d{2})$/.exec(clean(value));
  return match ? `${match[1]}-${match[2]}-${match[3]}` : null;
}

/** `rpm -qa --queryformat '%{NAME}\t%{VERSION}-%{RELEASE}\t%{ARCH}\t%{VENDOR}\n'`; gpg-pubkey entries are keys, not software. */
export function parseRpm(output: string): InstalledSoftware[] {
  const items = output.split(/\r?\n/).flatMap((line): InstalledSoftware[] => {
    const [name, version, arch, vendor, installTime] = line.split('\t');
    const title = clean(name);
    if (!title || title === 'gpg-pubkey') return [];
    const archText = clean(arch);
    const suffix = archText === 'i686' || archText === 'i386' ? `.${archText}` : '';
    const publisher = clean(vendor) === '(none)' ? null : orNull(vendor);
    return [{ name: `${title}${suffix}`, version: clean(version), publisher, source: 'rpm', ...dated(fromEpoch(installTime)) }];
  });
  return dedupe(items);
}

/** The uninstall keys `reg query <key> /s` is run against (64-bit, 32-bit on 64-bit, per user). */
export const WINDOWS_UNINSTALL_KEYS = [
  'HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Uninstall',
  'HKLM\\SOFTWARE\\WOW6432Node\\Microsoft\\Windows\\CurrentVersion\\Uninstall',
  'HKCU\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Uninstall',
];

/**
 * Text of `reg query <uninstall key> /s`: one block per subkey (`HKEY_…` line, then
 * `    Name    REG_TYPE    Data` lines). Entries without DisplayName, system components and
 * updates (a ParentKeyName, or ReleaseType of update/hotfix) are what "Apps & features" hides too.
 */
export function parseWindowsUninstall(output: string): InstalledSoftware[] {
  const blocks: Record<string, string>[] = [];
  let current: Record<string, string> | null = null;
  for (const line of output.split(/\r?\n/)) {
    if (/^HKEY_/i.test(line.trim())) {
      current = {};
      blocks.push(current);
      continue;
    }
    const value = /^\s+(\S.*?)\s{2,}(REG_[A-Z_]+)(?:\s{2,}(.*))?$/.exec(line);
    if (value && current) current[value[1] as string] = (value[3] ?? '').trim();
  }
  const items = blocks.flatMap((entry): InstalledSoftware[] => {
    const name = clean(entry['DisplayName']);
    if (!name) return [];
    if (entry['SystemComponent'] === '0x1' || entry['ParentKeyName']) return [];
    if (/^(update|hotfix|security update)$/i.test(clean(entry['ReleaseType']))) return [];
    return [{ name, version: clean(entry['DisplayVersion']), publisher: orNull(entry['Publisher']), source: 'windows-registry', ...dated(fromYyyymmdd(entry['InstallDate'])) }];
  });
  return dedupe(items);
}

interface MacApplication {
  readonly _name?: unknown;
  readonly version?: unknown;
  readonly obtained_from?: unknown;
  readonly signed_by?: unknown;
  readonly path?: unknown;
  readonly lastModified?: unknown;
}

/** "Developer ID Application: Google LLC (EQHXZ8M8AV)" → "Google LLC". */
function signer(signedBy: unknown): string | null {
  if (!Array.isArray(signedBy) || typeof signedBy[0] !== 'string') return null;
  const first = signedBy[0];
  const developer = /^(?:Developer ID Application|Apple Mac OS Application Signing|Apple Development):\s*(.*?)(?:\s*\([A-Z0-9]+\))?$/.exec(first);
  if (developer) return orNull(developer[1]);
  return first === 'Software Signing' ? 'Apple' : orNull(first);
}

/**
 * `system_profiler SPApplicationsDataType -json`. Apps inside other apps' bundles and system
 * helper paths are left out; the publisher is the code signer (Apple for `obtained_from: apple`).
 */
export function parseMacApplications(output: string): InstalledSoftware[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(output);
  } catch {
    return [];
  }
  const apps = (parsed as { SPApplicationsDataType?: unknown }).SPApplicationsDataType;
  if (!Array.isArray(apps)) return [];
  const items = (apps as MacApplication[]).flatMap((app): InstalledSoftware[] => {
    if (typeof app._name !== 'string' || !app._name.trim()) return [];
    const path = typeof app.path === 'string' ? app.path : '';
    if (/\.app\/.+\.app$/.test(path) || path.startsWith('/System/Library/') || path.startsWith('/Library/Apple/')) return [];
    const publisher = app.obtained_from === 'apple' ? 'Apple' : signer(app.signed_by);
    const changed = typeof app.lastModified === 'string' && /^\d{4}-\d{2}-\d{2}/.test(app.lastModified) ? app.lastModified.slice(0, 10) : null;
    return [{ name: app._name.trim(), version: typeof app.version === 'string' ? app.version.trim() : '', publisher, source: 'macos-applications', ...dated(changed) }];
  });
  return dedupe(items);
}
