/** Field shapes reused by every collection schema. */
export const idField = { type: 'string', minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_.:-]+$' } as const;
export const optionalIdField = { type: ['string', 'null'], maxLength: 64 } as const;
/** ISO-8601 instant with zone; fixed-width enough for index ordering (`2026-11-25T14:53:09.123Z`). */
export const isoTimeField = { type: 'string', format: 'date-time', minLength: 20, maxLength: 32 } as const;
export const shortText = { type: 'string', maxLength: 200 } as const;
export const longText = { type: 'string', maxLength: 20000 } as const;
export const idList = { type: 'array', items: idField, maxItems: 200, uniqueItems: true } as const;
