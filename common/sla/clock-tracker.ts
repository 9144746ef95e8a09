import type { PreparedCalendar } from './business-time.js';
import type { SlaClock, SlaClockName, SlaClockState, SlaTimelineEntry, SlaTimelineKind } from './types.js';

/**
 * One SLA clock during replay. All amounts are integer milliseconds so verdicts are exact; whole
 * minutes appear only in what people read. Invariant: `breachedAtMs !== null` exactly when
 * elapsed > target, and `warnAtMs !== null` exactly when elapsed ≥ the warning threshold.
 */

const MINUTE_MS = 60_000;

/** What caused a timeline entry; crossings between events have no cause. */
export interface Cause {
  readonly eventId: string | null;
  readonly eventType: string | null;
  readonly deviceAt: string | null;
}

export const NO_CAUSE: Cause = { eventId: null, eventType: null, deviceAt: null };

const iso = (ms: number) => new Date(ms).toISOString();
const minutes = (ms: number) => Math.floor(ms / MINUTE_MS);

export class ClockTracker {
  private phase: SlaClockState = 'running';
  private elapsedMs = 0;
  private warnAtMs: number | null = null;
  private breachedAtMs: number | null = null;
  private metAtMs: number | null = null;
  private stoppedAtMs: number | null = null;

  constructor(
    readonly name: SlaClockName,
    private targetMinutes: number,
    private readonly warnPercent: number,
    private readonly calendar: PreparedCalendar,
    private readonly timeline: SlaTimelineEntry[],
  ) {}

  get state(): SlaClockState {
    return this.phase;
  }

  get elapsedMinutes(): number {
    return minutes(this.elapsedMs);
  }

  get target(): number {
    return this.targetMinutes;
  }

  private get targetMs(): number {
    return this.targetMinutes * MINUTE_MS;
  }

  private get warnMs(): number {
    return (this.targetMinutes * MINUTE_MS * this.warnPercent) / 100;
  }

  log(atMs: number, kind: SlaTimelineKind, message: string, cause: Cause): void {
    this.timeline.push({
      at: iso(atMs),
      clock: this.name,
      kind,
      ...cause,
      message,
      elapsedBusinessMinutes: this.elapsedMinutes,
      targetMinutes: this.targetMinutes,
    });
  }

  /** Counts business time in [fromMs, toMs) if running, noting warning and breach crossings. */
  advance(fromMs: number, toMs: number): void {
    if (this.phase !== 'running' || toMs <= fromMs) return;
    const gained = this.calendar.businessMsBetween(fromMs, toMs);
    if (gained === 0) return;
    const before = this.elapsedMs;
    this.elapsedMs += gained;
    // A crossing instant is found by walking the calendar from the segment start, so it lands
    // inside working hours (a breach never "happens" at night).
    if (this.warnAtMs === null && this.elapsedMs >= this.warnMs) {
      this.warnAtMs = this.calendar.addBusinessMs(fromMs, this.warnMs - before) ?? toMs;
      this.logCrossing(this.warnAtMs, 'warning', `warning: ${this.warnPercent}% of the ${this.targetMinutes} min target used`);
    }
    if (this.breachedAtMs === null && this.elapsedMs > this.targetMs) {
      this.breachedAtMs = this.calendar.addBusinessMs(fromMs, this.targetMs - before) ?? toMs;
      this.logCrossing(this.breachedAtMs, 'breach', `breached: the ${this.targetMinutes} min target ran out`);
    }
  }

  private logCrossing(atMs: number, kind: SlaTimelineKind, message: string): void {
    this.timeline.push({
      at: iso(atMs),
      clock: this.name,
      kind,
      ...NO_CAUSE,
      message,
      elapsedBusinessMinutes: minutes(kind === 'breach' ? this.targetMs : this.warnMs),
      targetMinutes: this.targetMinutes,
    });
  }

  /**
   * Switches to another target keeping elapsed time, and re-judges against it at `atMs`: a clock
   * already past the new target is breached at that instant, one back within it is no longer.
   */
  retarget(targetMinutes: number, atMs: number, cause: Cause): void {
    this.targetMinutes = targetMinutes;
    if (this.elapsedMs > this.targetMs) {
      if (this.breachedAtMs === null) {
        this.breachedAtMs = atMs;
        this.log(atMs, 'breach', `breached: ${this.elapsedMinutes} min elapsed already exceed the new ${targetMinutes} min target`, cause);
      }
    } else if (this.breachedAtMs !== null) {
      this.breachedAtMs = null;
      this.log(atMs, 'breach_cleared', `no longer breached: ${this.elapsedMinutes} min elapsed are within the new ${targetMinutes} min target`, cause);
    }
    if (this.elapsedMs >= this.warnMs) {
      if (this.warnAtMs === null) {
        this.warnAtMs = atMs;
        this.log(atMs, 'warning', `warning: already at ${this.warnPercent}% of the new ${targetMinutes} min target`, cause);
      }
    } else {
      this.warnAtMs = null;
    }
  }

  pause(): void {
    this.phase = 'paused';
  }

  /** Back to counting (resume, reopen, or a status replayed after a cancellation). */
  run(paused: boolean): void {
    this.phase = paused ? 'paused' : 'running';
    this.metAtMs = null;
    this.stoppedAtMs = null;
  }

  /** Stops with a verdict; returns it so the caller can explain it. */
  finish(atMs: number): 'met' | 'breached' {
    this.phase = this.elapsedMs > this.targetMs ? 'breached' : 'met';
    this.metAtMs = this.phase === 'met' ? atMs : null;
    this.stoppedAtMs = atMs;
    return this.phase;
  }

  cancel(atMs: number): void {
    this.phase = 'stopped';
    this.stoppedAtMs = atMs;
  }

  snapshot(evaluatedAtMs: number): SlaClock {
    const running = this.phase === 'running';
    const remainingMs = this.targetMs - this.elapsedMs;
    const dueAtMs = !running ? null : remainingMs > 0 ? this.calendar.addBusinessMs(evaluatedAtMs, remainingMs) : this.breachedAtMs;
    const warnAtMs = this.warnAtMs ?? (running ? this.calendar.addBusinessMs(evaluatedAtMs, this.warnMs - this.elapsedMs) : null);
    const active = running || this.phase === 'paused';
    const elapsedBusinessMinutes = this.elapsedMinutes;
    return {
      state: this.phase,
      targetMinutes: this.targetMinutes,
      elapsedBusinessMinutes,
      remainingBusinessMinutes: this.targetMinutes - elapsedBusinessMinutes,
      dueAt: dueAtMs === null ? null : iso(dueAtMs),
      warnAt: warnAtMs === null ? null : iso(warnAtMs),
      breachedAt: this.breachedAtMs === null ? null : iso(this.breachedAtMs),
      metAt: this.metAtMs === null ? null : iso(this.metAtMs),
      stoppedAt: this.stoppedAtMs === null ? null : iso(this.stoppedAtMs),
      percentUsed: Math.round((this.elapsedMs / this.targetMs) * 1000) / 10,
      level: this.breachedAtMs !== null ? 'breached' : active && this.warnAtMs !== null ? 'warning' : 'ok',
    };
  }
}
