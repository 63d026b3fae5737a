import { _electron as electron, expect, test } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
// @ts-expect-error plain ESM helper shared with the npm scripts
import { electronBinary, repoRoot } from '../../scripts/lib.mjs';

const { bin, reason } = electronBinary() as { bin: string | null; reason: string | null };

// The one test allowed to skip: without the Electron binary (offline install) there is nothing to launch.
test.skip(bin === null, `Electron smoke test skipped: ${reason ?? ''}`);

test('the desktop app starts hardened and shows the project picker', async () => {
  const userData = fs.mkdtempSync(path.join(os.tmpdir(), 'nettwin-electron-'));
  const app = await electron.launch({
    executablePath: bin!,
    args: [repoRoot as string, `--user-data-dir=${userData}`],
    env: { ...process.env, NODE_ENV: 'production' },
  });
  try {
    const win = await app.firstWindow();
    await expect(win.getByRole('heading', { name: 'NetTwin' })).toBeVisible();
    expect(await win.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');
    expect(await win.evaluate(() => (globalThis as unknown as { nettwin: { transport: string } }).nettwin.transport)).toBe('electron');
    expect(await win.evaluate(() => Object.isFrozen((globalThis as unknown as { nettwin: object }).nettwin))).toBe(true);
    expect(await win.evaluate(() => typeof (globalThis as { process?: unknown }).process)).toBe('undefined');
    // Navigation away from the app and new windows are refused.
    await win.evaluate(() => window.open('https://example.com/'));
    expect(app.windows()).toHaveLength(1);
    const url = win.url();
    await win.evaluate(() => { window.location.href = 'https://example.com/'; }).catch(() => undefined);
    await win.waitForTimeout(500);
    expect(win.url()).toBe(url);
    // Permissions are denied and nothing remote loads (permission handlers, CSP header, onBeforeRequest).
    expect(await win.evaluate(async () => (await navigator.permissions.query({ name: 'geolocation' })).state)).toBe('denied');
    expect(await win.evaluate(() => Notification.permission)).toBe('denied');
    expect(await win.evaluate(() => navigator.mediaDevices.getUserMedia({ audio: true }).then(() => 'granted', () => 'refused'))).toBe('refused');
    expect(await win.evaluate(() => fetch('https://example.com/').then(() => 'loaded', () => 'blocked'))).toBe('blocked');
    expect(await win.evaluate(() => window.open('about:blank'))).toBeNull();
    await win.screenshot({ path: 'test-results/electron/smoke.png' });
  } finally {
    await app.close();
  }
});
