import { expect, test } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { E2E_TOKEN } from '../../playwright.config';

const projectsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../test-results/e2e-projects');
const headers = { 'X-NetTwin-Token': E2E_TOKEN };

test('a project another NetTwin holds is offered read-only', async ({ page, request }) => {
  const created = await (await request.post('/api/call/project:create', { headers, data: { name: 'Held elsewhere' } })).json();
  expect(created.ok).toBe(true);
  await request.post('/api/call/project:close', { headers, data: { id: created.value.id } });
  // Another live process (this test runner) claims the file, as a second NetTwin would.
  const lock = path.join(projectsDir, 'Held elsewhere.nettwin.lock');
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
