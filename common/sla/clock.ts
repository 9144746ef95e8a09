import type { Priority, TicketStatus } from '../domain/vocabulary.js';
import type { SlaPolicy } from '../schemas/contracts.js';
import { prepareCalendar, type PreparedCalendar } from './business-time.js';
import { ClockTracker, NO_CAUSE, type Cause } from './clock-tracker.js';
import { buildReplayLog, type ReplayEvent } from './replay-log.js';
import type { SlaInput, SlaResult, SlaTimelineEntry } from './types.js';

type SlaTerms = Pick<SlaPolicy, 'warnAtPercent' | 'targets'>;

/**
 * SLA clocks derived from the ticket's event log alone, using each event's device time, so a
 * ticket worked and closed offline gets the same verdict once its events sync, whatever order they
 * arrive in.
 *
 * RESPONSE clock: starts at creation and is met by the first sign that a technician acted for the
 * customer — the ticket leaving new/assigned for a working status (in_progress, waiting, resolved
 * or closed), or the first customer-visible note. Assignment alone is NOT a response: it is
 * dispatch, invisible to the customer (GLPI's "take into account" conflates the two and lets a
 * dispatcher stop the clock). Entering waiting counts because a technician must have looked at the
 * ticket to say what it waits for. The response clock never pauses and, once met, never restarts.
 *
 * RESOLUTION clock: follows the replayed status — runs in new/assigned/in_progress, pauses in
 * waiting (any reason), is judged at resolved (met if elapsed ≤ target), keeps that verdict at
 * closed (closed without a resolve is judged at close), resumes with elapsed kept when the ticket
 * leaves resolved again (reopen), and stops without a verdict at cancelled.
 *
 * PRIORITY change: both unfinished clocks keep elapsed business time and switch to the new
 * priority's targets; a clock already past its new target is breached at the change.
 */

const WAITING_LABEL: Readonly<Record<string, string>> = {
  user: 'waiting for user',
  vendor: 'waiting for vendor',
  parts: 'waiting for parts',
  change: 'waiting for a change',
};

const RESPONDED_STATUSES: readonly TicketStatus[] = ['in_progress', 'waiting', 'resolved', 'closed'];

type ResolutionPhase = 'running' | 'paused' | 'judged' | 'stopped';

function resolutionPhaseOf(status: TicketStatus): ResolutionPhase {
  if (status === 'waiting') return 'paused';
  if (status === 'resolved' || status === 'closed') return 'judged';
  if (status === 'cancelled') return 'stopped';
  return 'running';
}

function targetsFor(policy: SlaTerms, priority: Priority): { response: number; resolution: number } {
  const target = policy.targets[`p${priority}`];
  return { response: target.responseMinutes, resolution: target.resolutionMinutes };
}

function causeOf(event: ReplayEvent): Cause {
  return { eventId: event.id, eventType: event.type, deviceAt: event.deviceAt };
}

class SlaReplay {
  readonly timeline: SlaTimelineEntry[] = [];
  readonly response: ClockTracker;
  readonly resolution: ClockTracker;
  private responded = false;

  constructor(
    private readonly policy: SlaTerms,
    calendar: PreparedCalendar,
    public status: TicketStatus,
    public priority: Priority,
  ) {
    const targets = targetsFor(policy, priority);
    this.response = new ClockTracker('response', targets.response, policy.warnAtPercent, calendar, this.timeline);
    this.resolution = new ClockTracker('resolution', targets.resolution, policy.warnAtPercent, calendar, this.timeline);
  }

  start(atMs: number, cause: Cause): void {
    for (const clock of [this.response, this.resolution]) {
      clock.log(atMs, 'start', `started at creation (P${this.priority}: target ${clock.target} min)`, cause);
    }
    const initial = this.status;
    this.status = 'new';
    if (initial !== 'new') this.applyStatus(initial, null, atMs, cause);
  }

  advance(fromMs: number, toMs: number): void {
    this.response.advance(fromMs, toMs);
    this.resolution.advance(fromMs, toMs);
  }

  apply(event: ReplayEvent): void {
    const step = event.step;
    const cause = causeOf(event);
    if (step.kind === 'status') this.applyStatus(step.to, step.waitingReason, event.atMs, cause);
    else if (step.kind === 'priority') this.applyPriority(step.to, event.atMs, cause);
    else if (step.kind === 'customer_note') this.respond(event.atMs, 'first customer-visible note', cause);
    else this.timeline.push({ at: new Date(event.atMs).toISOString(), clock: null, kind: 'ignored', ...cause, message: `ignored: ${step.reason}`, elapsedBusinessMinutes: 0, targetMinutes: 0 });
  }

  private respond(atMs: number, why: string, cause: Cause): void {
    if (this.responded || this.response.state !== 'running') return;
    this.responded = true;
    const verdict = this.response.finish(atMs);
    const used = `${this.response.elapsedMinutes} of ${this.response.target} min`;
    this.response.log(atMs, verdict === 'met' ? 'met' : 'stop', `${verdict === 'met' ? 'met' : 'breached, responded late'}: ${why} (${used})`, cause);
  }

  private applyStatus(to: TicketStatus, waitingReason: string | null, atMs: number, cause: Cause): void {
    const from = this.status;
    this.status = to;
    if (!this.responded) {
      if (to === 'cancelled') {
        if (this.response.state === 'running') this.stop(this.response, atMs, cause);
      } else {
        // Only a log merged from disagreeing devices gets here: replay the status as written.
        if (this.response.state === 'stopped') this.resume(this.response, false, atMs, `status → ${to} after cancellation`, cause);
        if (RESPONDED_STATUSES.includes(to)) this.respond(atMs, `status → ${to}`, cause);
      }
    }
    this.moveResolution(from, to, waitingReason, atMs, cause);
  }

  private moveResolution(from: TicketStatus, to: TicketStatus, waitingReason: string | null, atMs: number, cause: Cause): void {
    const clock = this.resolution;
    const before = resolutionPhaseOf(from);
    const after = resolutionPhaseOf(to);
    const pauseLabel = `paused: ${(waitingReason && WAITING_LABEL[waitingReason]) ?? 'waiting'}`;
    if (after === 'stopped') {
      if (before !== 'stopped') this.stop(clock, atMs, cause);
    } else if (after === 'judged') {
      if (before === 'judged') {
        if (to === 'closed') clock.log(atMs, 'stop', `closed: keeps the verdict of the last resolve (${clock.state})`, cause);
        return;
      }
      const verdict = clock.finish(atMs);
      const used = `${clock.elapsedMinutes} of ${clock.target} min`;
      const when = to === 'resolved' ? 'at resolve' : 'at close (no resolve before)';
      clock.log(atMs, verdict === 'met' ? 'met' : 'stop', `${verdict === 'met' ? 'met' : 'breached'} ${when} (${used})`, cause);
    } else if (before === 'judged') {
      clock.log(atMs, 'reopen', `reopened (${from} → ${to}): resolution clock resumes, ${clock.elapsedMinutes} min elapsed kept`, cause);
      this.resume(clock, after === 'paused', atMs, null, cause);
      if (after === 'paused') clock.log(atMs, 'pause', pauseLabel, cause);
    } else if (before === 'stopped') {
      this.resume(clock, after === 'paused', atMs, `status → ${to} after cancellation`, cause);
    } else if (before === 'running' && after === 'paused') {
      clock.pause();
      clock.log(atMs, 'pause', pauseLabel, cause);
    } else if (before === 'paused' && after === 'running') {
      this.resume(clock, false, atMs, `status → ${to}`, cause);
    }
  }

  private stop(clock: ClockTracker, atMs: number, cause: Cause): void {
    clock.cancel(atMs);
    clock.log(atMs, 'stop', `stopped: ticket cancelled (${clock.elapsedMinutes} min elapsed, no verdict)`, cause);
  }

  /** Resumes with the current priority's target, which may have changed while it was stopped. */
  private resume(clock: ClockTracker, paused: boolean, atMs: number, why: string | null, cause: Cause): void {
    clock.run(paused);
    if (why !== null) clock.log(atMs, paused ? 'pause' : 'resume', `${paused ? 'paused' : 'resumed'}: ${why}`, cause);
    const target = targetsFor(this.policy, this.priority)[clock.name];
    if (target !== clock.target) clock.log(atMs, 'priority', `target now ${target} min (P${this.priority}, set while the clock was stopped)`, cause);
    clock.retarget(target, atMs, cause);
  }

  private applyPriority(to: Priority, atMs: number, cause: Cause): void {
    const from = this.priority;
    if (to === from) return;
    this.priority = to;
    const targets = targetsFor(this.policy, to);
    for (const clock of [this.response, this.resolution]) {
      if (clock.state !== 'running' && clock.state !== 'paused') continue;
      clock.log(atMs, 'priority', `priority P${from}→P${to}: target now ${targets[clock.name]} min, ${clock.elapsedMinutes} min elapsed kept`, cause);
      clock.retarget(targets[clock.name], atMs, cause);
    }
  }
}

/** Both SLA clocks of one ticket at `now`; null when the log has no creation and no origin. */
export function computeSla(input: SlaInput): SlaResult | null {
  const nowMs = Date.parse(input.now);
  if (Number.isNaN(nowMs)) throw new RangeError(`now is not an ISO date-time: ${input.now}`);
  const log = buildReplayLog(input.events, input.origin);
  if (log === null) return null;

  const replay = new SlaReplay(input.policy, prepareCalendar(input.calendar, input.timeZone), log.initialStatus, log.initialPriority);
  const creationCause = log.creationEventId === null ? NO_CAUSE : { eventId: log.creationEventId, eventType: 'ticket.created', deviceAt: null };
  replay.start(log.createdAtMs, creationCause);
  let cursor = log.createdAtMs;
  for (const event of log.events) {
    replay.advance(cursor, event.atMs);
    cursor = Math.max(cursor, event.atMs);
    replay.apply(event);
  }
  const evaluatedAtMs = Math.max(nowMs, cursor);
  replay.advance(cursor, evaluatedAtMs);

  return {
    response: replay.response.snapshot(evaluatedAtMs),
    resolution: replay.resolution.snapshot(evaluatedAtMs),
    timeline: replay.timeline,
    priority: replay.priority,
    status: replay.status,
    createdAt: new Date(log.createdAtMs).toISOString(),
    evaluatedAt: new Date(evaluatedAtMs).toISOString(),
  };
}
