import type { CollectedInventory } from '../ipc/types.js';
import { SOFTWARE_SOURCES } from '../ipc/types.js';
import type { JsonSchema } from '../schemas/json-schema.js';
import { validateAgainst, type ValidationIssue } from '../validation/validate.js';

const text = (max: number) => ({ type: 'string', maxLength: max }) as const;
const reported = (max: number) => ({ type: ['string', 'null'], maxLength: max }) as const;
const count = { type: 'number', minimum: 0 } as const;

/**
 * A collection as it travels in a file written by `npm run collect` (and as the bridge returns it).
 * Checked before anything is matched or applied, so a hand-edited or truncated file is refused
 * with the path of the first bad field.
 */
export const collectedInventorySchema = {
  type: 'object',
  properties: {
    collectedAt: { type: 'string', minLength: 20, maxLength: 32 },
    collectorVersion: text(32),
    softwareGap: reported(500),
    software: {
      type: 'array',
      maxItems: 20000,
      items: {
        type: 'object',
        properties: {
          name: { type: 'string', minLength: 1, maxLength: 300 },
          version: text(200),
          publisher: reported(300),
          source: { type: 'string', enum: SOFTWARE_SOURCES },
          installedOn: { type: ['string', 'null'], maxLength: 10 },
        },
        required: ['name', 'version', 'publisher', 'source'],
      },
    },
    summary: {
      type: 'object',
      properties: {
        collectedAt: text(32),
        hostname: text(255),
        os: {
          type: 'object',
          properties: { platform: text(64), distro: text(200), release: text(100), kernel: text(200), arch: text(32), machineId: reported(100) },
          required: ['platform', 'distro', 'release', 'kernel', 'arch', 'machineId'],
        },
        system: {
          type: 'object',
          properties: { manufacturer: reported(200), model: reported(200), serial: reported(100), uuid: reported(100), virtual: { type: 'boolean' } },
          required: ['manufacturer', 'model', 'serial', 'uuid', 'virtual'],
        },
        bios: { type: 'object', properties: { vendor: reported(200), version: reported(200), releaseDate: reported(64) }, required: ['vendor', 'version', 'releaseDate'] },
        cpu: {
          type: 'object',
          properties: { manufacturer: reported(200), brand: reported(200), cores: count, physicalCores: count, speedGHz: { type: ['number', 'null'] } },
          required: ['manufacturer', 'brand', 'cores', 'physicalCores', 'speedGHz'],
        },
        memory: { type: 'object', properties: { totalBytes: count }, required: ['totalBytes'] },
        disks: {
          type: 'array',
          maxItems: 64,
          items: { type: 'object', properties: { name: reported(200), type: reported(64), sizeBytes: count, serial: reported(100) }, required: ['name', 'type', 'sizeBytes', 'serial'] },
        },
        network: {
          type: 'array',
          maxItems: 256,
          items: { type: 'object', properties: { iface: text(200), mac: reported(64), ipv4: reported(64), virtual: { type: 'boolean' } }, required: ['iface', 'mac', 'ipv4', 'virtual'] },
        },
        gaps: { type: 'array', maxItems: 100, items: text(500) },
      },
      required: ['collectedAt', 'hostname', 'os', 'system', 'bios', 'cpu', 'memory', 'disks', 'network', 'gaps'],
    },
  },
  required: ['summary', 'software', 'softwareGap', 'collectedAt', 'collectorVersion'],
} as const satisfies JsonSchema;

export type ParsedCollection = { readonly ok: true; readonly value: CollectedInventory } | { readonly ok: false; readonly issue: ValidationIssue };

/** Reads a collection file's text: JSON first, then the schema above. */
export function parseCollectionFile(content: string): ParsedCollection {
  let value: unknown;
  try {
    value = JSON.parse(content);
  } catch (error) {
    return { ok: false, issue: { path: '', message: `not JSON: ${error instanceof Error ? error.message : String(error)}` } };
  }
  const check = validateAgainst(collectedInventorySchema, value);
  return check.ok ? { ok: true, value: value as CollectedInventory } : { ok: false, issue: check.issue };
}
