import type { PreviousSlaPolicy, SlaPolicy, SlaTargets } from '../schemas/contracts.js';

/**
 * Which SLA policy revision judges a ticket.
 *
 * A contract's SLA policy (targets per priority, warning threshold) is versioned: every saved
 * change becomes a new revision with the instant it took effect, and the superseded revisions
 * stay on the contract. A ticket is judged by the revision **in force when it was opened** (the
 * device time of its creation), for its whole life — like ServiceNow, which attaches the SLA
 * definition when the SLA starts. So a policy change applies to tickets opened from then on; it
 * never moves the goalposts of work already under way and never rewrites last month's met %.
 *
 * The business calendar (working hours, holidays) is not versioned: it says when the provider
 * works, and a correction (a forgotten holiday) applies to every clock that spans the day.
 *
 * The choice depends only on the ticket's creation time and the contract document, so every
 * device with the same synced data picks the same revision.
 */

export interface PolicyTerms {
  readonly warnAtPercent: number;
  readonly targets: SlaTargets;
}

export interface PolicyRevision extends PolicyTerms {
  readonly revision: number;
  /** Null: in force since the beginning. */
  readonly effectiveFrom: string | null;
}

export interface AppliedPolicy {
  /** The revision the ticket is judged by. */
  readonly applied: PolicyRevision;
  /** The contract's newest revision (the one new tickets get); equal to `applied` when current. */
  readonly latest: PolicyRevision;
  /**
   * True when the ticket was opened before every recorded revision took effect, so the oldest one
   * judges it (a contract created with its first policy after some tickets were imported).
   */
  readonly beforeFirstRevision: boolean;
}

const startMs = (revision: PolicyRevision) => (revision.effectiveFrom === null ? Number.NEGATIVE_INFINITY : Date.parse(revision.effectiveFrom));

function fromPrevious(entry: PreviousSlaPolicy): PolicyRevision {
  return { revision: entry.revision, effectiveFrom: entry.effectiveFrom ?? null, warnAtPercent: entry.warnAtPercent, targets: entry.targets };
}

export function currentRevision(policy: SlaPolicy): PolicyRevision {
  return { revision: policy.revision ?? 1, effectiveFrom: policy.effectiveFrom ?? null, warnAtPercent: policy.warnAtPercent, targets: policy.targets };
}

/** Every revision, ordered by when it took effect (then by number): a total order. */
export function policyRevisions(policy: SlaPolicy): PolicyRevision[] {
  const all = [...(policy.previous ?? []).map(fromPrevious), currentRevision(policy)];
  return all.sort((a, b) => {
    const byStart = startMs(a) - startMs(b);
    if (byStart !== 0 && !Number.isNaN(byStart)) return byStart;
    return a.revision - b.revision;
  });
}

/** The revision in force at `openedAt` (ISO instant): the last one that took effect at or before it. */
export function policyForTicket(policy: SlaPolicy, openedAt: string): AppliedPolicy {
  const revisions = policyRevisions(policy);
  const latest = currentRevision(policy);
  const opened = Date.parse(openedAt);
  let applied: PolicyRevision | null = null;
  for (const revision of revisions) {
    if (startMs(revision) <= opened) applied = revision;
  }
  const first = revisions[0] ?? latest;
  return { applied: applied ?? first, latest, beforeFirstRevision: applied === null };
}

function sameTerms(a: PolicyTerms, b: PolicyTerms): boolean {
  if (a.warnAtPercent !== b.warnAtPercent) return false;
  return (['p1', 'p2', 'p3', 'p4', 'p5'] as const).every(
    (key) => a.targets[key].responseMinutes === b.targets[key].responseMinutes && a.targets[key].resolutionMinutes === b.targets[key].resolutionMinutes,
  );
}

/**
 * The policy after a supervisor saved `terms` at `now` (device time): unchanged when the terms are
 * the same; otherwise the current revision is kept in `previous` and the new one takes effect now.
 */
export function reviseSlaPolicy(policy: SlaPolicy, terms: PolicyTerms, now: string): SlaPolicy {
  const current = currentRevision(policy);
  if (sameTerms(current, terms)) return policy;
  // Revisions must take effect in the order they were made, even from a device whose clock is
  // behind the one that saved the current revision.
  const currentStart = current.effectiveFrom === null ? Number.NEGATIVE_INFINITY : Date.parse(current.effectiveFrom);
  const effectiveFrom = Date.parse(now) > currentStart ? now : new Date(currentStart + 1).toISOString();
  const superseded: PreviousSlaPolicy = {
    revision: current.revision,
    ...(current.effectiveFrom !== null ? { effectiveFrom: current.effectiveFrom } : {}),
    supersededAt: effectiveFrom,
    warnAtPercent: current.warnAtPercent,
    targets: current.targets,
  };
  return {
    warnAtPercent: terms.warnAtPercent,
    targets: terms.targets,
    revision: current.revision + 1,
    effectiveFrom,
    previous: [...(policy.previous ?? []), superseded],
  };
}
