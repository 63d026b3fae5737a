import { expect, test, type Page } from '@playwright/test';
import { createProject, generateFromWizard, nodeTranslate, openDesign, shot, watchProblems } from './helpers';

const nodes = (page: Page) => page.locator('.react-flow__node');
const edges = (page: Page) => page.locator('.react-flow__edge');
const saved = (page: Page) => expect(page.getByRole('status', { name: 'Save state' })).toHaveText('All changes saved');

test('edit: palette, connect, inspector, delete, copy/paste, undo/redo, layout, search, live problems', async ({ page }) => {
  const problems = watchProblems(page);
  await createProject(page, 'E2E Edit');
  await generateFromWizard(page, { datacenters: 1, branches: 5 });
  await openDesign(page, 'ring');
  const n0 = await nodes(page).count();
  const e0 = await edges(page).count();

  // Add from the palette; undo and redo it with the keyboard.
  await page.getByRole('button', { name: 'Add Core' }).click();
  await expect(nodes(page)).toHaveCount(n0 + 1);
  await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Control+z');
  await expect(nodes(page)).toHaveCount(n0);
  await page.keyboard.press('Control+Shift+Z');
  await expect(nodes(page)).toHaveCount(n0 + 1);
  const added = page.locator('.react-flow__node[data-id="core-1"]');

  // Connect: drag from the new device's handle onto another device's handle.
  await page.getByRole('button', { name: 'Fit view', exact: true }).click();
  await added.hover();
  const from = (await added.locator('.react-flow__handle.source').boundingBox())!;
  const other = nodes(page).first();
  await other.hover();
  const to = (await other.locator('.react-flow__handle.target').boundingBox())!;
  await added.hover();
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  for (let i = 1; i <= 8; i++) {
    await page.mouse.move(from.x + ((to.x - from.x) * i) / 8 + 2, from.y + ((to.y - from.y) * i) / 8 + 2);
  }
  await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2);
  await page.mouse.up();
  await expect(edges(page)).toHaveCount(e0 + 1);

  // The new link is selected: the inspector explains a bad capacity next to the field, then takes a good one.
  const capacity = page.getByLabel('Capacity (Gbit/s)');
  await capacity.fill('-3');
  await capacity.press('Enter');
  await expect(capacity).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('.panel[aria-label="Inspector"] .problem')).toBeVisible();
  await capacity.fill('40');
  await capacity.press('Enter');
  await expect(capacity).toHaveAttribute('aria-invalid', 'false');
  await saved(page);

  // Delete the new device with the keyboard: its link goes too.
  await added.click();
  await page.keyboard.press('Delete');
  await expect(nodes(page)).toHaveCount(n0);
  await expect(edges(page)).toHaveCount(e0);

  // Copy/paste a device.
  await nodes(page).nth(1).click();
  await page.keyboard.press('Control+c');
  await page.keyboard.press('Control+v');
  await expect(nodes(page)).toHaveCount(n0 + 1);
  await page.keyboard.press('Control+z');
  await expect(nodes(page)).toHaveCount(n0);

  // Live validation: break the ring; the problem appears and shows its evidence on a click.
  await expect(page.getByRole('region', { name: 'Validation' })).toContainText('meets intent');
  await edges(page).first().click({ force: true });
  await page.keyboard.press('Delete');
  await expect(edges(page)).toHaveCount(e0 - 1);
  const problem = page.getByRole('list', { name: 'Problems' }).getByRole('button').first();
  await expect(problem).toBeVisible();
  await expect(page.getByRole('region', { name: 'Validation' })).toContainText('fails intent');
  await problem.click();
  await expect(page.locator('.react-flow__node.selected, .react-flow__edge.selected').first()).toBeVisible();
  await page.keyboard.press('Control+z');
  await expect(edges(page)).toHaveCount(e0);
  await expect(page.getByRole('region', { name: 'Validation' })).toContainText('meets intent');

  // Auto-layout with another algorithm is one undo step.
  const id = (await nodes(page).nth(2).getAttribute('data-id'))!;
  const sel = `.react-flow__node[data-id="${id}"]`;
  const before = await nodeTranslate(page, sel);
  await page.getByLabel('Layout algorithm').selectOption('radial');
  await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('l');
  await expect.poll(async () => JSON.stringify(await nodeTranslate(page, sel))).not.toBe(JSON.stringify(before));
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect.poll(async () => JSON.stringify(await nodeTranslate(page, sel))).toBe(JSON.stringify(before));

  // Search by name selects and zooms to the device.
  const name = (await nodes(page).nth(3).locator('.device__label').textContent())!;
  await page.getByLabel('Find device by name').fill(name);
  await page.getByLabel('Find device by name').press('Enter');
  await expect(nodes(page).nth(3)).toHaveClass(/selected/);
  await page.getByLabel('Find device by name').fill('no-such-device');
  await page.getByLabel('Find device by name').press('Enter');
  await expect(page.getByRole('alert')).toContainText('no device named');
  await saved(page);
  await shot(page, 'edit');

  // The help overlay lists the shortcuts.
  await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('?');
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(help).toContainText('Fail selection (what-if)');
  await shot(page, 'shortcuts-help');
  await page.keyboard.press('Escape');
  await expect(help).toBeHidden();
  expect(problems).toEqual([]);
});

test('a save that lost the race is reloaded and the user is told', async ({ page }) => {
  await createProject(page, 'E2E Conflict');
  await generateFromWizard(page, { datacenters: 1, branches: 3 });
  await openDesign(page, 'hub-spoke');
  // Someone else saves a new revision behind our back (same project, straight through the API).
  const ids = await page.evaluate(() => JSON.parse(sessionStorage.getItem('nettwin.place')!) as { projectId: string; designId: string });
  const token = await page.evaluate(() => sessionStorage.getItem('nettwin.token')!);
  const call = async (channel: string, input: unknown) =>
    (await (await page.request.post(`/api/call/${channel}`, { data: input, headers: { 'X-NetTwin-Token': token } })).json()) as { ok: boolean; value: { revision: number; topology: unknown } };
  const rec = await call('design:get', { projectId: ids.projectId, designId: ids.designId });
  const other = await call('design:update', { projectId: ids.projectId, designId: ids.designId, revision: rec.value.revision, topology: rec.value.topology });
  expect(other.ok).toBe(true);
  await page.getByRole('button', { name: 'Add Router' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'changed elsewhere' }).first()).toBeVisible();
  await expect(page.locator('.canvas')).toHaveAttribute('data-status', 'ready');
  await shot(page, 'edit-conflict');
});
