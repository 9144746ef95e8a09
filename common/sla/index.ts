/** SLA engine: business time in a contract calendar and site zone, and clocks derived from events. */
export { addBusinessMinutes, businessMinutesBetween, prepareCalendar, type PreparedCalendar } from './business-time.js';
export { computeSla } from './clock.js';
export { currentRevision, policyForTicket, policyRevisions, reviseSlaPolicy, type AppliedPolicy, type PolicyRevision, type PolicyTerms } from './policy-revisions.js';
export { slaSummaryForTicket, slaTimeZoneFor, type SlaSummary, type SlaTimeZoneSource } from './summary.js';
export {
  SLA_CLOCKS,
  type SlaClock,
  type SlaClockName,
  type SlaClockState,
  type SlaEvent,
  type SlaInput,
  type SlaLevel,
  type SlaOrigin,
  type SlaResult,
  type SlaTimelineEntry,
  type SlaTimelineKind,
} from './types.js';
export { instantOfLocal, isValidTimeZone, localDateAt, offsetMsAt, wallTimeAt, type LocalDate, type WallTime } from './zone.js';
