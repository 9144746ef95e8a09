import { fail, type Result } from '../../../common/errors.js';
import { IPC_ARGS, isIpcChannel, type Invoke, type IpcApi, type IpcChannel, type IpcError, type IpcResult } from '../../../common/ipc/contract.js';
import { validateAgainst } from '../../../common/validation/validate.js';

/**
 * One handler per channel. A handler answers with a Result so expected failures (no keychain,
 * no hardware access) travel as `{ ok: false, error }` with their own code; anything it throws is
 * unexpected and becomes INTERNAL.
 */
export type IpcHandler<C extends IpcChannel> = (args: IpcApi[C]['args']) => Promise<IpcResult<C>>;
export type IpcHandlers = { readonly [C in IpcChannel]: IpcHandler<C> };

export interface IpcRegistryOptions {
  readonly handlers: IpcHandlers;
  /** Decides from the calling frame's URL whether it may use the bridge at all. */
  readonly isTrustedSender: (senderUrl: string | undefined) => boolean;
  /** Told about unexpected handler errors (the caller only gets a short message). */
  readonly onError?: (channel: IpcChannel, error: unknown) => void;
}

export type AnyIpcResult = Result<IpcApi[IpcChannel]['result'], IpcError>;

export interface IpcRegistry {
  handle(senderUrl: string | undefined, channel: unknown, args: unknown): Promise<AnyIpcResult>;
}

const MAX_MESSAGE = 200;

/** The first line of an error's message, without stack or long dumps. */
function shortMessage(error: unknown): string {
  const raw = error instanceof Error ? error.message : typeof error === 'string' ? error : 'unexpected error';
  const firstLine = raw.split('\n', 1)[0] ?? '';
  return firstLine.length > MAX_MESSAGE ? `${firstLine.slice(0, MAX_MESSAGE)}…` : firstLine;
}

function describeChannel(channel: unknown): string {
  return typeof channel === 'string' ? `"${channel.slice(0, 60)}"` : `a ${typeof channel}`;
}

export function createIpcRegistry(options: IpcRegistryOptions): IpcRegistry {
  const { handlers, isTrustedSender, onError } = options;

  async function dispatch<C extends IpcChannel>(channel: C, args: unknown): Promise<IpcResult<C>> {
    const check = validateAgainst(IPC_ARGS[channel], args, 'args');
    if (!check.ok) {
      return fail({ code: 'IPC_BAD_ARGS', message: `Bad arguments for ${channel}: ${check.issue.message}`, path: check.issue.path });
    }
    const handler = handlers[channel] as IpcHandler<C>;
    try {
      return await handler(args as IpcApi[C]['args']);
    } catch (error) {
      onError?.(channel, error);
      return fail({ code: 'INTERNAL', message: `${channel} failed: ${shortMessage(error)}` });
    }
  }

  return {
    async handle(senderUrl, channel, args) {
      if (!isTrustedSender(senderUrl)) {
        return fail({ code: 'IPC_SENDER_REJECTED', message: 'This page is not allowed to use the desktop bridge.' });
      }
      if (!isIpcChannel(channel)) {
        return fail({ code: 'IPC_UNKNOWN_CHANNEL', message: `Unknown desktop bridge channel ${describeChannel(channel)}.` });
      }
      return dispatch(channel, args);
    },
  };
}

/** The registry seen from one frame, typed as the preload's `invoke` (for `buildDesktopBridge`). */
export function invokeAs(registry: IpcRegistry, senderUrl: string | undefined): Invoke {
  return <C extends IpcChannel>(channel: C, args: IpcApi[C]['args']): Promise<IpcResult<C>> =>
    registry.handle(senderUrl, channel, args);
}

/**
 * `scheme://host[:port]` of a URL. Node's URL reports the origin of a custom scheme such as
 * `app:` as "null", so it is rebuilt from protocol and host, which both runtimes agree on.
 */
export function originOf(url: string): string | null {
  try {
    const parsed = new URL(url);
    return parsed.host ? `${parsed.protocol}//${parsed.host}` : null;
  } catch {
    return null;
  }
}

/** Trusts exactly the frames served from one origin, e.g. `app://deskops`. */
export function trustOrigin(origin: string): (senderUrl: string | undefined) => boolean {
  const expected = originOf(origin);
  return (senderUrl) => senderUrl !== undefined && expected !== null && originOf(senderUrl) === expected;
}
