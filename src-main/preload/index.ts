import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { CHANNELS, EVENT_CHANNEL, EVENT_NAMES } from '../../src-shared/contract/channels';
import type { NettwinBridge } from '../../src-shared/contract/bridge';

// Sandboxed preload: one frozen object, whitelisted channels only, no zod.
const calls = new Set<string>(CHANNELS);
const events = new Set<string>(EVENT_NAMES);

const bridge: NettwinBridge = Object.freeze({
  transport: 'electron' as const,
  invoke: (channel: string, input: unknown): Promise<unknown> =>
    calls.has(channel)
      ? ipcRenderer.invoke(channel, input)
      : Promise.resolve({ ok: false, error: { code: 'UNKNOWN_CHANNEL', message: `no such call: ${channel}` } }),
  on: (event: string, listener: (payload: unknown) => void): (() => void) => {
    if (!events.has(event)) return () => undefined;
    const handler = (_e: IpcRendererEvent, msg: { name: string; payload: unknown }): void => {
      if (msg.name === event) listener(msg.payload);
    };
    ipcRenderer.on(EVENT_CHANNEL, handler);
    return () => ipcRenderer.removeListener(EVENT_CHANNEL, handler);
  },
});

contextBridge.exposeInMainWorld('nettwin', bridge);
