import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { CHANNELS, EVENT_CHANNEL, EVENT_NAMES } from '../../src-shared/contract/channels';
import type { NettwinBridge } from '../../src-shared/contract/bridge';

// Sandboxed preload: one frozen object, whitelisted channels only, no zod.
// The page never gets ipcRenderer or an IpcRendererEvent (whose `sender` would
// let it send on any channel); it gets these three members and nothing else.
const calls = new Set<string>(CHANNELS);
const events = new Set<string>(EVENT_NAMES);

function unknownChannel(channel: unknown): Promise<unknown> {
  return Promise.resolve({ ok: false, error: { code: 'UNKNOWN_CHANNEL', message: `no such call: ${String(channel)}` } });
}

const bridge: NettwinBridge = Object.freeze({
  transport: 'electron' as const,
  invoke: (channel: string, input: unknown): Promise<unknown> => {
    if (typeof channel !== 'string' || !calls.has(channel)) return unknownChannel(channel);
    return ipcRenderer.invoke(channel, input);
  },
  on: (event: string, listener: (payload: unknown) => void): (() => void) => {
    if (typeof event !== 'string' || !events.has(event) || typeof listener !== 'function') return () => undefined;
    const handler = (_e: IpcRendererEvent, msg: unknown): void => {
      if (typeof msg !== 'object' || msg === null) return;
      const { name, payload } = msg as { name?: unknown; payload?: unknown };
      if (name === event) listener(payload);
    };
    ipcRenderer.on(EVENT_CHANNEL, handler);
    return () => {
      ipcRenderer.removeListener(EVENT_CHANNEL, handler);
    };
  },
});

contextBridge.exposeInMainWorld('nettwin', bridge);
