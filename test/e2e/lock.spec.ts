import { expect, test } from './fixtures';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { E2E_TOKEN } from '../../playwright.config';

const headers = { 'X-NetTwin-Token': E2E_TOKEN };

test('a project another NetTwin holds is offered read-only', async ({ page, request, host }) => {
  const created = await (await request.post('/api/call/project:create', { headers, data: { name: 'Held elsewhere' } })).json();
  expect(created.ok).toBe(true);
  await request.post('/api/call/project:close', { headers, data: { id: created.value.id } });
  // Another live process (this test runner) claims the file, as a second NetTwin would.
  const lock = path.join(host.projectsDir, 'Held elsewhere.nettwin.lock');
  fs.writeFileSync(lock, JSON.stringify({ pid: process.pid, host: os.hostname(), app: 'NetTwin (colleague)', openedAt: Date.now() }));
  try {
    await page.goto(`/?token=${E2E_TOKEN}`);
    let offered = '';
    page.once('dialog', (d) => {
      offered = d.message();
      void d.accept();
    });
    await page.getByRole('button', { name: /Open project Held elsewhere/ }).click();
    await expect(page.getByText('read-only', { exact: true })).toBeVisible();
    expect(offered).toMatch(/open in another NetTwin/);
    expect(offered).toMatch(/read-only/);
    await page.screenshot({ path: 'test-results/screenshots/locked-read-only.png' });
  } finally {
    fs.rmSync(lock, { force: true });
  }
});
