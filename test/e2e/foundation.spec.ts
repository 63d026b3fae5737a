import { expect, test, type Page } from '@playwright/test';
import { E2E_TOKEN } from '../../playwright.config';

const SITES = 6;

async function nodeTranslate(page: Page, index: number): Promise<{ x: number; y: number }> {
  const transform = await page.locator('.react-flow__node').nth(index).evaluate((el) => (el as HTMLElement).style.transform);
  const m = /translate\(([-\d.]+)px,\s*([-\d.]+)px\)/.exec(transform);
  if (!m) throw new Error(`no translate in "${transform}"`);
  return { x: Number(m[1]), y: Number(m[2]) };
}

test('create a project, generate a hub-spoke intent, drag a node, reload: the position is kept', async ({ page }) => {
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(m.text());
  });

  await page.goto(`/?token=${E2E_TOKEN}`);
  await expect(page).not.toHaveURL(/token=/); // the secret is taken out of the address bar
  await page.getByLabel('Project name').fill('E2E Foundation');
  await page.getByRole('button', { name: 'Create project' }).click();
  await expect(page.getByRole('heading', { name: 'E2E Foundation' })).toBeVisible();

  await page.getByLabel('Number of sites').fill(String(SITES));
  await page.getByLabel('Topology family').selectOption('hub-spoke');
  await page.getByRole('button', { name: 'Generate', exact: true }).click();

  const canvas = page.locator('.canvas');
  await expect(canvas).toHaveAttribute('data-status', 'ready');
  const listed = page.getByRole('list', { name: 'Designs' }).getByRole('button').first();
  const devices = Number(/(\d+) devices/.exec((await listed.textContent()) ?? '')?.[1]);
  expect(devices).toBeGreaterThanOrEqual(SITES); // at least one device per site
  await expect(page.locator('.react-flow__node')).toHaveCount(devices);
  await expect(page.locator('.react-flow__edge')).not.toHaveCount(0);

  // ELK placed the nodes: they are not all stacked at the origin.
  const positions = await Promise.all([0, 1, 2].map((i) => nodeTranslate(page, i)));
  expect(new Set(positions.map((p) => `${p.x},${p.y}`)).size).toBe(3);

  const node = page.locator('.react-flow__node').first();
  const id = await node.getAttribute('data-id');
  const before = await nodeTranslate(page, 0);
  const box = (await node.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  for (let i = 1; i <= 10; i++) await page.mouse.move(box.x + box.width / 2 + i * 16, box.y + box.height / 2 + i * 9);
  const saved = page.waitForResponse((r) => r.url().includes('/api/call/design:savePositions'));
  await page.mouse.up();
  expect((await (await saved).json()) as { ok: boolean }).toMatchObject({ ok: true });
  const after = await nodeTranslate(page, 0);
  expect(Math.abs(after.x - before.x) + Math.abs(after.y - before.y)).toBeGreaterThan(50);

  // The save went through IPC into the project file; a reload reads it back from there.
  await page.reload();
  await expect(page.getByRole('heading', { name: 'E2E Foundation' })).toBeVisible();
  await expect(canvas).toHaveAttribute('data-status', 'ready');
  const reloaded = page.locator(`.react-flow__node[data-id="${id}"]`);
  const t = await reloaded.evaluate((el) => (el as HTMLElement).style.transform);
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
