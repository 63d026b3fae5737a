import { ipcMain, type WebContents } from 'electron';
import { CHANNELS, EVENT_CHANNEL } from '../../src-shared/contract/channels';
import type { Dispatch } from '../ipc/dispatch';
import { makeIpcHandler } from '../ipc/electronHandler';
import type { EventBus } from '../services/events';

/** Electron transport: ipcMain.handle per channel, calls only from our own frames. */
export function registerElectronIpc(dispatch: Dispatch, isTrustedUrl: (url: string) => boolean): () => void {
  for (const channel of CHANNELS) ipcMain.handle(channel, makeIpcHandler(channel, dispatch, isTrustedUrl));
  return () => CHANNELS.forEach((c) => ipcMain.removeHandler(c));
}

/** Pushes bus events to the window, but only while it shows our own page (project names are not for anyone else). */
export function forwardEvents(
  bus: EventBus,
  target: () => WebContents | undefined,
  isTrustedUrl: (url: string) => boolean,
): () => void {
  return bus.subscribe((name, payload) => {
    const wc = target();
    if (wc && !wc.isDestroyed() && isTrustedUrl(wc.getURL())) wc.send(EVENT_CHANNEL, { name, payload });
  });
}
