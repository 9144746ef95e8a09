import type { ErrorBody, IpcErrorCode, Result } from '../errors.js';
import type { JsonSchema } from '../schemas/json-schema.js';
import { pdfDocumentSchema, type PdfDocumentSpec, type PdfSaveResult } from './pdf-document.js';
import {
  SECRET_NAMES,
  type AppInfo,
  type CollectedInventory,
  type NotifyRequest,
  type NotifyResult,
  type SecretName,
  type SecretsStatus,
  type SystemSummary,
} from './types.js';

/**
 * The whole IPC surface between renderer and main, in one map: channel → argument schema. The
 * main process validates every call's arguments against these schemas before any handler runs.
 */
const noArgs = { type: 'null' } as const;
const secretName = { type: 'string', enum: SECRET_NAMES } as const;

export const IPC_ARGS = {
  'app.info': noArgs,
  'system.summary': noArgs,
  'secrets.status': noArgs,
  'inventory.collect': {
    type: 'object',
    properties: { includeSoftware: { type: 'boolean' } },
    required: ['includeSoftware'],
    additionalProperties: false,
  },
  /** Lays out a document as a PDF in the main process and asks where to save it. */
  'pdf.save': {
    type: 'object',
    properties: {
      document: pdfDocumentSchema,
      /** Suggested file name, no folders. */
      fileName: { type: 'string', minLength: 5, maxLength: 120, pattern: '^[^/\\\\:*?"<>|]+\\.pdf$' },
    },
    required: ['document', 'fileName'],
    additionalProperties: false,
  },
  'secrets.get': {
    type: 'object',
    properties: { name: secretName },
    required: ['name'],
    additionalProperties: false,
  },
  'secrets.set': {
    type: 'object',
    properties: { name: secretName, value: { type: 'string', maxLength: 16384 } },
    required: ['name', 'value'],
    additionalProperties: false,
  },
  'secrets.delete': {
    type: 'object',
    properties: { name: secretName },
    required: ['name'],
    additionalProperties: false,
  },
  'notify.show': {
    type: 'object',
    properties: {
      title: { type: 'string', minLength: 1, maxLength: 200 },
      body: { type: 'string', maxLength: 1000 },
      tag: { type: 'string', minLength: 1, maxLength: 200, pattern: '^[A-Za-z0-9_.:-]+$' },
    },
    required: ['title', 'body', 'tag'],
    additionalProperties: false,
  },
} as const satisfies Record<string, JsonSchema>;

/** Argument and result types per channel; kept in step with IPC_ARGS by `satisfies` below. */
export interface IpcApi {
  'app.info': { args: null; result: AppInfo };
  'system.summary': { args: null; result: SystemSummary };
  'secrets.status': { args: null; result: SecretsStatus };
  'inventory.collect': { args: { includeSoftware: boolean }; result: CollectedInventory };
  'pdf.save': { args: { document: PdfDocumentSpec; fileName: string }; result: PdfSaveResult };
  'secrets.get': { args: { name: SecretName }; result: string | null };
  'secrets.set': { args: { name: SecretName; value: string }; result: null };
  'secrets.delete': { args: { name: SecretName }; result: null };
  'notify.show': { args: NotifyRequest; result: NotifyResult };
}

export type IpcChannel = keyof IpcApi;
export const IPC_CHANNELS = Object.keys(IPC_ARGS) as IpcChannel[];
// Every channel in the type has a schema and vice versa.
IPC_ARGS satisfies Record<IpcChannel, JsonSchema>;

export type IpcError = ErrorBody & { readonly code: IpcErrorCode };
export type IpcResult<C extends IpcChannel> = Result<IpcApi[C]['result'], IpcError>;

/** The one function the preload gets from Electron; everything else is built from it. */
export type Invoke = <C extends IpcChannel>(channel: C, args: IpcApi[C]['args']) => Promise<IpcResult<C>>;

export function isIpcChannel(value: unknown): value is IpcChannel {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(IPC_ARGS, value);
}
