/**
 * Firmware and drivers often report placeholders instead of real identifiers: OEM template text,
 * dashes, all-zero or all-F serials and UUIDs. Treating those as real ids would merge every machine
 * of a batch into one asset, so inventory collection and matching both drop them through here.
 */

/** Placeholder texts seen in SMBIOS tables and WMI, compared trimmed and lower-cased. */
const PLACEHOLDERS: ReadonlySet<string> = new Set([
  '',
  '-',
  '--',
  '.',
  '0',
  'n/a',
  'na',
  'none',
  'null',
  'undefined',
  'unknown',
  'not specified',
  'not applicable',
  'not available',
  'default string',
  'default',
  'to be filled by o.e.m.',
  'to be filled by oem',
  'o.e.m.',
  'oem',
  'system serial number',
  'system product name',
  'system manufacturer',
  'system version',
  'chassis serial number',
  'base board serial number',
  'baseboard serial number',
  'serial number',
  'invalid',
  '123456789',
  '0123456789',
  '1234567890',
]);

/** A UUID some boards ship with in every unit (sequential bytes instead of a real id). */
const KNOWN_JUNK_UUIDS: ReadonlySet<string> = new Set(['03000200-0400-0500-0006-000700080009']);

function hexBody(value: string): string {
  return value.replace(/[-:\s.]/g, '').toLowerCase();
}

/** True for placeholder text (see PLACEHOLDERS), whatever its case or surrounding spaces. */
export function isPlaceholder(value: string): boolean {
  return PLACEHOLDERS.has(value.trim().toLowerCase());
}

/** True when a serial number is empty, a placeholder, or one character repeated (0000…, FFFF…, ****). */
export function isJunkSerial(value: string | null | undefined): boolean {
  if (value === null || value === undefined) return true;
  const trimmed = value.trim();
  if (isPlaceholder(trimmed)) return true;
  const body = trimmed.replace(/[-:\s.]/g, '');
  return body.length === 0 || /^(.)\1*$/.test(body);
}

/** True when a UUID is empty, a placeholder, all zeros, all F or a known shared default. */
export function isJunkUuid(value: string | null | undefined): boolean {
  if (value === null || value === undefined) return true;
  const trimmed = value.trim().toLowerCase();
  if (isPlaceholder(trimmed) || KNOWN_JUNK_UUIDS.has(trimmed)) return true;
  return /^(0+|f+)$/.test(hexBody(trimmed));
}

/** True for a missing, all-zero or broadcast MAC address. */
export function isJunkMac(value: string | null | undefined): boolean {
  if (value === null || value === undefined) return true;
  const body = hexBody(value);
  return body.length === 0 || /^(0+|f+)$/.test(body);
}

/** The trimmed text, or `null` when it is missing or a placeholder. */
export function normaliseReported(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const trimmed = value.trim();
  return isPlaceholder(trimmed) ? null : trimmed;
}

/** The trimmed serial, or `null` when it is junk. */
export function normaliseSerial(value: unknown): string | null {
  if (typeof value !== 'string' || isJunkSerial(value)) return null;
  return value.trim();
}

/** The UUID in lower case (so the same machine matches however the OS printed it), or `null` when junk. */
export function normaliseUuid(value: unknown): string | null {
  if (typeof value !== 'string' || isJunkUuid(value)) return null;
  return value.trim().toLowerCase();
}

/** The MAC in lower case with colons, or `null` when junk. */
export function normaliseMac(value: unknown): string | null {
  if (typeof value !== 'string' || isJunkMac(value)) return null;
  return value.trim().toLowerCase().replace(/-/g, ':');
}

/** A finite number above zero, else `null` (a CPU speed of 0 means "not reported"). */
export function normalisePositive(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : null;
}
