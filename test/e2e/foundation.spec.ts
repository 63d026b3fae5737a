import { expect, test } from '@playwright/test';
import { E2E_TOKEN } from '../../playwright.config';
import { createProject, generateFromWizard, nodeTranslate, openDesign, watchProblems } from './helpers';

test('create a project, generate from intent, drag a node, reload: the position is kept', async ({ page }) => {
  const problems = watchProblems(page);
  await createProject(page, 'E2E Foundation');
  await expect(page).not.toHaveURL(/token=/); // the secret is taken out of the address bar
  await generateFromWizard(page, { datacenters: 1, branches: 5 });
  await openDesign(page, 'hub-spoke');

  const listed = page.getByRole('list', { name: 'Designs' }).getByRole('button', { name: /— hub-spoke/ });
  const devices = Number(/(\d+) devices/.exec((await listed.textContent()) ?? '')?.[1]);
  expect(devices).toBeGreaterThanOrEqual(6); // at least one device per site
  await expect(page.locator('.react-flow__node')).toHaveCount(devices);
  await expect(page.locator('.react-flow__edge')).not.toHaveCount(0);

  // ELK placed the nodes: they are not all stacked at the origin.
  const ids = await page.locator('.react-flow__node').evaluateAll((els) => els.slice(0, 3).map((e) => e.getAttribute('data-id')!));
  const positions = await Promise.all(ids.map((id) => nodeTranslate(page, `.react-flow__node[data-id="${id}"]`)));
  expect(new Set(positions.map((p) => `${p.x},${p.y}`)).size).toBe(3);

  const sel = `.react-flow__node[data-id="${ids[0]}"]`;
  const before = await nodeTranslate(page, sel);
  const box = (await page.locator(sel).boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  for (let i = 1; i <= 10; i++) await page.mouse.move(box.x + box.width / 2 + i * 16, box.y + box.height / 2 + i * 9);
  const saved = page.waitForResponse((r) => r.url().includes('/api/call/design:update'));
  await page.mouse.up();
  expect((await (await saved).json()) as { ok: boolean }).toMatchObject({ ok: true });
  await expect(page.getByRole('status', { name: 'Save state' })).toHaveText('All changes saved');
  const after = await nodeTranslate(page, sel);
  expect(Math.abs(after.x - before.x) + Math.abs(after.y - before.y)).toBeGreaterThan(50);

  // The save went through IPC into the project file; a reload reads it back from there.
  await page.reload();
  await expect(page.getByRole('heading', { name: 'E2E Foundation' })).toBeVisible();
  await expect(page.locator('.canvas')).toHaveAttribute('data-status', 'ready');
  const t = await page.locator(sel).evaluate((el) => (el as HTMLElement).style.transform);
  expect(t).toContain(`translate(${Math.round(after.x)}px, ${Math.round(after.y)}px)`);

  await page.screenshot({ path: 'test-results/screenshots/foundation-canvas.png' });
  expect(problems).toEqual([]);
});

test('the start page lists the project and explains a bad name', async ({ page }) => {
  await page.goto(`/?token=${E2E_TOKEN}`);
  await expect(page.getByRole('button', { name: /Open project E2E Foundation/ })).toBeVisible();
  await page.getByLabel('Project name').fill('bad/name');
  await page.getByRole('button', { name: 'Create project' }).click();
  await expect(page.getByRole('alert')).toContainText('name');
  await page.screenshot({ path: 'test-results/screenshots/start-page.png' });
});

test('without the session token the API refuses to answer', async ({ request }) => {
  const r = await request.post('/api/call/project:list', { data: {} });
  expect(r.status()).toBe(401);
});
