import { describe, expect, it, vi } from 'vitest';
import { CHANNELS, EVENT_CHANNEL } from '../../../src-shared/contract/channels';
import type { Dispatch } from '../../../src-main/ipc/dispatch';
import { makeIpcHandler } from '../../../src-main/ipc/electronHandler';
import { EventBus } from '../../../src-main/services/events';
import { FakeWebContents, ipcMain } from './fakeElectron';

vi.mock('electron', async () => (await import('./fakeElectron')).electron);

const { forwardEvents, registerElectronIpc } = await import('../../../src-main/app/ipc');

const APP = 'file:///app/out/renderer/index.html';
const trusted = (url: string): boolean => url === APP;

describe('Electron IPC only answers the app window', () => {
  const dispatch = vi.fn<Dispatch>(async () => ({ ok: true, value: 'served' }));
  const handler = makeIpcHandler('app:info', dispatch, trusted);

  it('serves the app top frame and refuses foreign, missing, sub- and vanished frames before dispatch', async () => {
    await expect(handler({ senderFrame: { url: APP, parent: null } }, {})).resolves.toEqual({ ok: true, value: 'served' });
    expect(dispatch).toHaveBeenCalledTimes(1);
    const gone = {
      get senderFrame(): never {
        throw new Error('Render frame was disposed before WebFrameMain could be accessed');
      },
    };
    for (const event of [
      { senderFrame: { url: 'https://evil.example/' } },
      { senderFrame: { url: 'file:///etc/passwd', parent: null } },
      { senderFrame: null },
      { senderFrame: { url: APP, parent: { url: 'https://evil.example/' } } }, // our URL inside someone's frame
      gone,
    ]) {
      const r = await handler(event, {});
      expect(r).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: 'app:info: caller is not the NetTwin window' } });
    }
    expect(dispatch).toHaveBeenCalledTimes(1);
  });

  it('registers one guarded handler per contract channel, and removes them all', async () => {
    const unregister = registerElectronIpc(dispatch, trusted);
    expect([...ipcMain.handlers.keys()].sort()).toEqual([...CHANNELS].sort());
    const h = ipcMain.handlers.get('project:list')!;
    await expect(h({ senderFrame: { url: 'https://evil.example/' } }, {})).resolves.toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    unregister();
    expect(ipcMain.handlers.size).toBe(0);
  });
});

describe('events reach the window only while it shows our page', () => {
  it('sends on the event channel to our page, and nothing to a page that is not ours', () => {
    const bus = new EventBus();
    const wc = new FakeWebContents(APP);
    forwardEvents(bus, () => wc as never, trusted);
    bus.emit('project:changed', { projectId: 'p1', what: 'saved' });
    expect(wc.sent).toEqual([{ channel: EVENT_CHANNEL, args: [{ name: 'project:changed', payload: { projectId: 'p1', what: 'saved' } }] }]);
    wc.url = 'https://evil.example/';
    bus.emit('project:changed', { projectId: 'p1', what: 'saved' });
    wc.url = APP;
    wc.destroyed = true;
    bus.emit('project:changed', { projectId: 'p1', what: 'saved' });
    expect(wc.sent).toHaveLength(1);
  });
});
