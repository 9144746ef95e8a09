import type { Priority, TicketStatus } from '../domain/vocabulary.js';
import type { BusinessCalendar, SlaPolicy } from '../schemas/contracts.js';

export const SLA_CLOCKS = ['response', 'resolution'] as const;
export type SlaClockName = (typeof SLA_CLOCKS)[number];

/**
 * Lifecycle of one clock. `met` and `breached` are final verdicts taken when the clock stopped
 * (response given, ticket resolved); a clock still running past its target is `running` with
 * `level: 'breached'`. `stopped` means the ticket was cancelled: no verdict.
 */
export type SlaClockState = 'running' | 'paused' | 'met' | 'breached' | 'stopped';
export type SlaLevel = 'ok' | 'warning' | 'breached';

export interface SlaClock {
  readonly state: SlaClockState;
  /** Target of the current priority; for a finished clock, the target it was judged against. */
  readonly targetMinutes: number;
  /** Whole business minutes used (rounded down); verdicts use exact milliseconds. */
  readonly elapsedBusinessMinutes: number;
  /** `target − elapsed`; negative when overdue, so "overdue by N" needs no second field. */
  readonly remainingBusinessMinutes: number;
  /**
   * When a running clock reaches its target, projected from the evaluation instant; when it is
   * already past it, the instant it crossed (= `breachedAt`). Null unless running: a paused clock
   * has no due time until it resumes, and a finished one no longer needs one.
   */
  readonly dueAt: string | null;
  /** Instant the warning threshold was (or, if running, will be) reached; null if not known. */
  readonly warnAt: string | null;
  /** Instant the clock went past its target, if it has (kept after it stops). */
  readonly breachedAt: string | null;
  /** Instant the clock stopped within its target. */
  readonly metAt: string | null;
  /** Instant the clock stopped for good (met, breached or cancelled); null while it can run. */
  readonly stoppedAt: string | null;
  /** elapsed / target × 100, one decimal. */
  readonly percentUsed: number;
  /**
   * `breached` once past the target (even if later stopped); `warning` while running or paused at
   * or beyond `warnAtPercent`; otherwise `ok`.
   */
  readonly level: SlaLevel;
}

export type SlaTimelineKind =
  | 'start'
  | 'pause'
  | 'resume'
  | 'reopen'
  | 'met'
  | 'stop'
  | 'priority'
  | 'warning'
  | 'breach'
  | 'breach_cleared'
  | 'ignored';

export interface SlaTimelineEntry {
  /** Instant (UTC ISO) the entry applies to: the event's time, or a computed crossing. */
  readonly at: string;
  /** Null for notes about the log itself (an ignored event). */
  readonly clock: SlaClockName | null;
  readonly kind: SlaTimelineKind;
  /** The event that caused it; null for warning/breach crossings computed between events. */
  readonly eventId: string | null;
  readonly eventType: string | null;
  /** The event's own device time as written, when it differs from `at` (e.g. before creation). */
  readonly deviceAt: string | null;
  readonly message: string;
  readonly elapsedBusinessMinutes: number;
  readonly targetMinutes: number;
}

/** The part of a `DomainEvent` the clock reads; `DomainEvent` itself fits. */
export interface SlaEvent {
  readonly id: string;
  readonly at: string;
  readonly type: string;
  readonly data: Readonly<Record<string, unknown>>;
}

/** Stands in for a missing `ticket.created` event (the header's `createdAt` and priority). */
export interface SlaOrigin {
  readonly at: string;
  readonly priority: Priority;
  readonly status?: TicketStatus;
}

export interface SlaInput {
  readonly events: readonly SlaEvent[];
  /** The terms that judge the ticket (one revision of the contract's policy). */
  readonly policy: Pick<SlaPolicy, 'warnAtPercent' | 'targets'>;
  readonly calendar: BusinessCalendar;
  readonly timeZone: string;
  /** ISO instant to evaluate at. */
  readonly now: string;
  readonly origin?: SlaOrigin;
}

export interface SlaResult {
  readonly response: SlaClock;
  readonly resolution: SlaClock;
  readonly timeline: readonly SlaTimelineEntry[];
  readonly priority: Priority;
  readonly status: TicketStatus;
  readonly createdAt: string;
  /**
   * `max(now, latest event time)`: an event from a device whose clock runs ahead is still applied,
   * and the clock never runs backwards.
   */
  readonly evaluatedAt: string;
}
