import { beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeBrowserWindow, calls } from './fakeElectron';

vi.mock('electron', async () => (await import('./fakeElectron')).electron);

/** Every key, spelled out: a window that adds, drops or flips one fails here. */
const HARDENED = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  experimentalFeatures: false,
  navigateOnDragDrop: false,
  spellcheck: false,
  webviewTag: false,
  disableBlinkFeatures: 'Auxclick',
};

beforeEach(() => {
  FakeBrowserWindow.created.length = 0;
});

describe('windows are created hardened', () => {
  it('the app window: exactly the hardened webPreferences plus our preload', async () => {
    const { createMainWindow } = await import('../../../src-main/app/window');
    createMainWindow('/app/out/preload/index.cjs');
    expect(FakeBrowserWindow.created).toHaveLength(1);
    const prefs = FakeBrowserWindow.created[0]!.options['webPreferences'];
    expect(prefs).toStrictEqual({ ...HARDENED, preload: '/app/out/preload/index.cjs' });
  });

  it('the hidden PDF window: the same, with JavaScript off and no preload, and it is destroyed afterwards', async () => {
    const { ElectronPdfRenderer } = await import('../../../src-main/app/pdf');
    const pdf = await new ElectronPdfRenderer().render('<p>report</p>', {
      headerTemplate: '<span></span>', footerTemplate: '<span></span>', marginsMm: { top: 10, bottom: 10, left: 10, right: 10 },
    });
    expect(Buffer.from(pdf).toString()).toBe('%PDF-fake');
    const win = FakeBrowserWindow.created[0]!;
    expect(win.options['webPreferences']).toStrictEqual({ ...HARDENED, javascript: false });
    expect(win.loaded).toHaveLength(1);
    expect(win.loaded[0]).toMatch(/report\.html$/);
    expect(win.destroyed).toBe(true);
  });
});

describe('main.ts', () => {
  it('sandboxes every renderer before the app is ready', async () => {
    calls.length = 0;
    await import('../../../src-main/app/main');
    await vi.waitFor(() => expect(calls).toContain('app.whenReady'));
    expect(calls.indexOf('app.enableSandbox')).toBeGreaterThanOrEqual(0);
    expect(calls.indexOf('app.enableSandbox')).toBeLessThan(calls.indexOf('app.whenReady'));
  });
});
