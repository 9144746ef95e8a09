/**
 * The product's controlled vocabularies as string-literal tuples (no `enum`, per house style).
 * Schemas, state machines, UI pickers and the server all read these, so a value exists once.
 */
export const ROLES = ['technician', 'warehouse', 'supervisor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const TICKET_STATUSES = [
  'new',
  'assigned',
  'in_progress',
  'waiting',
  'resolved',
  'closed',
  'cancelled',
] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

export const WAITING_REASONS = ['user', 'vendor', 'parts', 'change'] as const;
export type WaitingReason = (typeof WAITING_REASONS)[number];

export const TICKET_CATEGORIES = [
  'hardware',
  'os',
  'application',
  'peripheral',
  'request',
  'question',
] as const;
export type TicketCategory = (typeof TICKET_CATEGORIES)[number];

export const TICKET_TYPES = ['incident', 'request'] as const;
export type TicketType = (typeof TICKET_TYPES)[number];

export const TICKET_CHANNELS = ['phone', 'email', 'portal', 'walk_in'] as const;
export type TicketChannel = (typeof TICKET_CHANNELS)[number];

/** 1 = highest. Urgency and impact use the same three levels (high / medium / low). */
export const LEVELS = [1, 2, 3] as const;
export type Level = (typeof LEVELS)[number];

export const PRIORITIES = [1, 2, 3, 4, 5] as const;
export type Priority = (typeof PRIORITIES)[number];

export const DELIVERY_MODES = ['remote', 'onsite'] as const;
export type DeliveryMode = (typeof DELIVERY_MODES)[number];

export const OUT_OF_SCOPE_REASONS = [
  'consumables',
  'procurement',
  'application_training',
  'application_development',
  'unapproved_change',
  'not_desktop_service',
  'customer_tool',
] as const;
export type OutOfScopeReason = (typeof OUT_OF_SCOPE_REASONS)[number];

export const ASSET_TYPES = [
  'desktop',
  'notebook',
  'printer',
  'scanner',
  'monitor',
  'dock',
  'peripheral',
] as const;
export type AssetType = (typeof ASSET_TYPES)[number];

export const ASSET_STATES = [
  'in_stock_available',
  'in_stock_reserved',
  'in_stock_defective',
  'in_transit',
  'in_use',
  'in_repair',
  'retired',
  'missing',
] as const;
export type AssetState = (typeof ASSET_STATES)[number];

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];
