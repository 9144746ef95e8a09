/** The single Electron IPC channel; every call carries `(channel, args)` of the typed contract. */
export const IPC_INVOKE_CHANNEL = 'desktop:invoke';
