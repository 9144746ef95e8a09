export * from './assets.js';
export * from './collections.js';
export * from './contracts.js';
export * from './events.js';
export * from './json-schema.js';
export * from './people.js';
export * from './staff.js';
export * from './tickets.js';
export type { DocumentOf } from './document-types.js';
