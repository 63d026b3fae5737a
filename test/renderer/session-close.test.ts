import fs from 'node:fs';
import path from 'node:path';
import { Window } from 'happy-dom';
import { afterAll, describe, expect, it } from 'vitest';
import type { NettwinBridge } from '../../src-shared/contract/bridge';
import type { Result } from '../../src-shared/contract/result';
import type { ProjectInfo } from '../../src-shared/model/records';
import { electronTransport } from '../helpers/transports';

// The session store runs against the real services through a preload-shaped bridge (as in
// large-design-actions.test.tsx); only names Node lacks are taken from a happy-dom window.
const win = new Window({ url: 'http://localhost/' });
for (const key of Object.getOwnPropertyNames(win)) {
  if (!(key in globalThis)) Object.defineProperty(globalThis, key, { value: (win as unknown as Record<string, unknown>)[key], configurable: true, writable: true });
}
Object.defineProperty(globalThis, 'window', { value: win, configurable: true, writable: true });
const t = electronTransport();
const calls: string[] = [];
const bridge: NettwinBridge = {
  transport: 'electron',
  invoke: (channel, input) => {
    calls.push(channel);
    return t.call(channel, input);
  },
  on: (event, listener) => t.services.bus.subscribe((name, payload) => name === event && listener(payload)),
};
(window as unknown as { nettwin: NettwinBridge }).nettwin = bridge;
const { useSession } = await import('../../src-renderer/state/session');
afterAll(() => t.close());

const value = <T,>(r: Result<unknown>): T => {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value as T;
};
const locked = (p: ProjectInfo): boolean => fs.existsSync(`${p.path}.lock`);
/** Lets the fire-and-forget project:close reach the services. */
const settle = (): Promise<void> => new Promise((r) => setTimeout(r, 20));

describe('the page closes the project it leaves', () => {
  it('opening another project closes the first (its lock is released); closing closes the second', async () => {
    const a = value<ProjectInfo>(await t.call('project:create', { name: 'Leave A' }));
    const b = value<ProjectInfo>(await t.call('project:create', { name: 'Leave B' }));
    t.services.projects.close(a.id);
    t.services.projects.close(b.id);
    expect(locked(a)).toBe(false);

    await useSession.getState().openProject(a.id);
    expect(useSession.getState().project?.id).toBe(a.id);
    expect(locked(a)).toBe(true);

    await useSession.getState().openProject(b.id);
    await settle();
    expect(calls).toContain('project:close');
    expect(locked(a)).toBe(false);
    expect(locked(b)).toBe(true);

    useSession.getState().closeProject();
    await settle();
    expect(locked(b)).toBe(false);
    // Nothing else was closed or removed: the files are intact and open again.
    expect(fs.existsSync(path.join(t.services.locator.projectsDir, 'Leave A.nettwin'))).toBe(true);
    expect(value<ProjectInfo>(await t.call('project:open', { id: a.id })).name).toBe('Leave A');
  });

  it('leaving the page (pagehide: tab or window closed, reload) closes the open project', async () => {
    const c = value<ProjectInfo>(await t.call('project:create', { name: 'Leave C' }));
    t.services.projects.close(c.id);
    await useSession.getState().openProject(c.id);
    expect(locked(c)).toBe(true);
    win.dispatchEvent(new win.Event('pagehide'));
    await settle();
    expect(locked(c)).toBe(false);
  });
});
