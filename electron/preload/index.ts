import { contextBridge, ipcRenderer } from 'electron';
import { buildDesktopBridge, type DesktopBridge } from '../../common/ipc/bridge.js';
import type { Invoke, IpcApi, IpcChannel, IpcResult } from '../../common/ipc/contract.js';
import { IPC_INVOKE_CHANNEL } from '../shared/ipc-channel.js';

// The sandboxed preload only forwards typed calls; the main process validates sender and arguments.
function invoke<C extends IpcChannel>(channel: C, args: IpcApi[C]['args']): Promise<IpcResult<C>> {
  return ipcRenderer.invoke(IPC_INVOKE_CHANNEL, channel, args) as Promise<IpcResult<C>>;
}

const desktop = buildDesktopBridge(invoke satisfies Invoke) satisfies DesktopBridge;

contextBridge.exposeInMainWorld('desktop', desktop);
