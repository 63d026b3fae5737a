import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { vi } from 'vitest';
import { CHANNELS, EVENT_CHANNEL, EVENT_NAMES } from '../../../src-shared/contract/channels';
import type { NettwinBridge } from '../../../src-shared/contract/bridge';
import { FakeEvent, exposed, ipcRenderer } from './fakeElectron';

vi.mock('electron', async () => (await import('./fakeElectron')).electron);

let bridge: NettwinBridge;
beforeAll(async () => {
  await import('../../../src-main/preload/index');
  bridge = exposed['nettwin'] as NettwinBridge;
});
beforeEach(() => {
  ipcRenderer.invoked.length = 0;
});

describe('the preload bridge', () => {
  it('exposes exactly one object, frozen, with three members', () => {
    expect(Object.keys(exposed)).toEqual(['nettwin']);
    expect(Object.isFrozen(bridge)).toBe(true);
    expect(Object.keys(bridge).sort()).toEqual(['invoke', 'on', 'transport']);
    expect(bridge.transport).toBe('electron');
    expect(() => {
      (bridge as unknown as Record<string, unknown>)['invoke'] = () => 'hijacked';
    }).toThrow(TypeError);
  });

  it('forwards every contract channel to ipcRenderer.invoke, unchanged', async () => {
    for (const channel of CHANNELS) await bridge.invoke(channel, { probe: channel });
    expect(ipcRenderer.invoked).toEqual(CHANNELS.map((channel) => ({ channel, input: { probe: channel } })));
  });

  it('refuses any other channel without sending anything', async () => {
    for (const channel of ['project:explode', EVENT_CHANNEL, '__proto__', 'constructor', 'app:info ', 'APP:INFO', '']) {
      await expect(bridge.invoke(channel, {}), channel).resolves.toEqual({
        ok: false, error: { code: 'UNKNOWN_CHANNEL', message: `no such call: ${channel}` },
      });
    }
    await expect(bridge.invoke(42 as unknown as string, {})).resolves.toMatchObject({ ok: false });
    expect(ipcRenderer.invoked).toEqual([]);
  });

  it('subscribes only to contract events, hands over the payload only, and unsubscribes', () => {
    const before = ipcRenderer.count(EVENT_CHANNEL);
    const got: unknown[] = [];
    const off = bridge.on('job:progressed', (p) => got.push(p));
    expect(ipcRenderer.count(EVENT_CHANNEL)).toBe(before + 1);
    ipcRenderer.emit(EVENT_CHANNEL, new FakeEvent({ sender: 'ipcRenderer itself' }), { name: 'job:progressed', payload: { jobId: 'j1', done: 1 } });
    ipcRenderer.emit(EVENT_CHANNEL, new FakeEvent(), { name: 'job:finished', payload: { jobId: 'j1' } });
    ipcRenderer.emit(EVENT_CHANNEL, new FakeEvent(), null);
    expect(got).toEqual([{ jobId: 'j1', done: 1 }]);
    off();
    expect(ipcRenderer.count(EVENT_CHANNEL)).toBe(before);
  });

  it('ignores unknown events and non-function listeners (no listener is registered)', () => {
    const before = ipcRenderer.count(EVENT_CHANNEL);
    bridge.on('nettwin:anything', () => undefined)();
    bridge.on(EVENT_NAMES[0], 'not a function' as unknown as () => void)();
    expect(ipcRenderer.count(EVENT_CHANNEL)).toBe(before);
  });
});
