import { identityOf, sameHostname, sameSerial, type MachineIdentity } from './identity.js';
import { normaliseMac, normaliseUuid } from './junk.js';
import type { CollectedInventory } from '../ipc/types.js';

/** The stored fields matching reads; `hardware.uuid` and `hardware.macs` come from earlier collections. */
export interface MatchableAsset {
  readonly id: string;
  readonly serial: string;
  readonly hostname: string;
  readonly hardware: Readonly<Record<string, unknown>>;
}

export const MATCH_RULES = ['serial', 'uuid', 'mac', 'hostname', 'none'] as const;
export type MatchRule = (typeof MATCH_RULES)[number];

/** Facts a person should see next to the proposal (shown as translated sentences). */
export type MatchNote =
  | { readonly code: 'duplicate'; readonly rule: MatchRule; readonly count: number }
  | { readonly code: 'hostname_changed'; readonly from: string; readonly to: string }
  | { readonly code: 'virtual_serial_ignored' }
  | { readonly code: 'no_serial' };

export interface MatchResult {
  /** The proposed asset, or null when nothing matched (or a tie could not be broken). */
  readonly assetId: string | null;
  readonly rule: MatchRule;
  /** 0…1: how sure the rule is (serial > UUID > MAC > hostname); lowered when ids are shared. */
  readonly confidence: number;
  /** Other assets the same rule also found (duplicates), best first. */
  readonly alternatives: readonly string[];
  readonly notes: readonly MatchNote[];
}

const CONFIDENCE: Readonly<Record<Exclude<MatchRule, 'none'>, number>> = { serial: 0.95, uuid: 0.9, mac: 0.75, hostname: 0.5 };
/** A rule that finds several assets proposes the best of them at this fraction of its confidence. */
const DUPLICATE_FACTOR = 0.5;

function uuidOf(asset: MatchableAsset): string | null {
  return normaliseUuid(asset.hardware['uuid']);
}

function macsOf(asset: MatchableAsset): string[] {
  const macs = asset.hardware['macs'];
  if (!Array.isArray(macs)) return [];
  return macs.flatMap((mac) => {
    const clean = normaliseMac(mac);
    return clean ? [clean] : [];
  });
}

type Rule = { readonly rule: Exclude<MatchRule, 'none'>; readonly test: (asset: MatchableAsset) => boolean };

function rulesFor(id: MachineIdentity): Rule[] {
  const rules: Rule[] = [];
  if (id.serial !== null) rules.push({ rule: 'serial', test: (asset) => sameSerial(asset.serial, id.serial) });
  if (id.uuid !== null) rules.push({ rule: 'uuid', test: (asset) => uuidOf(asset) === id.uuid });
  if (id.macs.length > 0) rules.push({ rule: 'mac', test: (asset) => macsOf(asset).some((mac) => id.macs.includes(mac)) });
  if (id.hostname !== null) rules.push({ rule: 'hostname', test: (asset) => sameHostname(asset.hostname, id.hostname) });
  return rules;
}

/** How many of the other identifiers also agree: breaks ties between assets sharing one id. */
function agreement(asset: MatchableAsset, id: MachineIdentity): number {
  return rulesFor(id).filter((rule) => rule.test(asset)).length;
}

/**
 * Proposes which stored asset a collection describes. Rules run in order (serial, hardware UUID,
 * physical MAC, hostname) and the first that finds anything decides. Junk identifiers never take
 * part; a virtual machine is identified by its UUID because its serial is a hypervisor default.
 * When a rule finds several assets (two records share a serial), the one most other identifiers
 * agree with is proposed at lower confidence, the rest are alternatives, and a note says so; a
 * tie proposes nothing.
 */
export function matchCollection(collection: Pick<CollectedInventory, 'summary'>, assets: readonly MatchableAsset[]): MatchResult {
  const id = identityOf(collection);
  const notes: MatchNote[] = [];
  if (id.virtual) notes.push({ code: 'virtual_serial_ignored' });
  else if (id.serial === null) notes.push({ code: 'no_serial' });

  for (const { rule, test } of rulesFor(id)) {
    const found = assets.filter(test);
    if (found.length === 0) continue;
    const ranked = [...found].sort((a, b) => agreement(b, id) - agreement(a, id) || a.id.localeCompare(b.id));
    const best = ranked[0] as MatchableAsset;
    const second = ranked[1];
    const tie = second !== undefined && agreement(second, id) === agreement(best, id);
    const chosen = tie ? null : best;
    if (found.length > 1) notes.push({ code: 'duplicate', rule, count: found.length });
    if (chosen && id.hostname !== null && chosen.hostname.trim() !== '' && !sameHostname(chosen.hostname, id.hostname)) {
      notes.push({ code: 'hostname_changed', from: chosen.hostname, to: id.hostname });
    }
    const confidence = found.length > 1 ? (tie ? 0 : CONFIDENCE[rule] * DUPLICATE_FACTOR) : CONFIDENCE[rule];
    return {
      assetId: chosen?.id ?? null,
      rule,
      confidence,
      alternatives: ranked.filter((asset) => asset !== chosen).map((asset) => asset.id),
      notes,
    };
  }
  return { assetId: null, rule: 'none', confidence: 0, alternatives: [], notes };
}
