/**
 * The subset of JSON Schema the domain uses. Every collection schema is written once, `as const`,
 * and serves three purposes: the RxDB collection schema in the renderer, server-side validation of
 * pushed documents, and the TypeScript type (via `FromSchema`).
 */
export interface JsonSchema {
  readonly type?: string | readonly string[];
  readonly properties?: Readonly<Record<string, JsonSchema>>;
  readonly required?: readonly string[];
  readonly items?: JsonSchema;
  readonly enum?: readonly unknown[];
  readonly const?: unknown;
  readonly format?: string;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly multipleOf?: number;
  readonly minItems?: number;
  readonly maxItems?: number;
  readonly uniqueItems?: boolean;
  readonly pattern?: string;
  readonly additionalProperties?: boolean | JsonSchema;
  readonly description?: string;
  readonly default?: unknown;
}

/** What RxDB needs on top of JSON Schema for a collection. */
export interface CollectionSchema extends JsonSchema {
  readonly title: string;
  readonly version: number;
  readonly primaryKey: string;
  readonly type: 'object';
  readonly properties: Readonly<Record<string, JsonSchema>>;
  readonly required: readonly string[];
  readonly indexes?: readonly (string | readonly string[])[];
  readonly encrypted?: readonly string[];
}
