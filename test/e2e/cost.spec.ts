import fs from 'node:fs';
import { expect, test } from '@playwright/test';
import { createProject, downloadFrom, generateFromWizard, shot, watchProblems } from './helpers';

test('cost as a finance officer reads it: design view breakdown, transport per link, price-book editor and the decision pack', async ({ page }) => {
  const problems = watchProblems(page);
  await createProject(page, 'E2E Cost');
  await generateFromWizard(page, { datacenters: 1, branches: 6 });
  // The design view: the headline is the TCO over the term, with capex, monthly by transport and the TCO's parts.
  const panel = page.getByRole('region', { name: 'Cost' });
  await expect(panel).toContainText(/5-year TCO \$[\d,]+/);
  await expect(panel.getByRole('table', { name: 'Capex' })).toContainText('Devices (list price)');
  await expect(panel.getByRole('table', { name: 'Monthly recurring' })).toContainText('Device support and maintenance');
  await expect(page.getByRole('region', { name: 'Validation' })).toContainText('5-year TCO');
  await panel.scrollIntoViewIfNeeded();
  await shot(page, 'cost-design-view');
  await panel.screenshot({ path: 'test-results/screenshots/cost-panel.png' });

  // The price-book editor: every figure editable, with its source; a broken book is refused by field.
  await page.getByRole('button', { name: 'Price book' }).click();
  const editor = page.getByLabel('Price book editor');
  await expect(editor).toContainText('TeleGeography');
  await shot(page, 'pricebook-editor');
  await editor.getByLabel('Internet / SD-WAN (dedicated access) tiers row 3 Per month USD').fill('600');
  await editor.getByRole('button', { name: 'Save price book' }).click();
  await expect(editor.getByRole('status')).toContainText('Saved');
  await editor.getByLabel('Default device models row 1 Ports').fill('0');
  await editor.getByRole('button', { name: 'Save price book' }).click();
  await expect(editor.getByRole('alert', { name: 'Price book problems' })).toContainText('devices.default.0.ports');

  // The decision pack carries the same breakdown.
  await page.getByRole('button', { name: 'Design', exact: true }).click();
  await expect(page.locator('.canvas')).toHaveAttribute('data-status', 'ready');
  await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('p');
  const deck = page.getByRole('region', { name: 'Presentation' });
  for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowRight');
  await expect(deck.getByRole('heading', { name: 'Costs' })).toBeVisible();
  await expect(deck).toContainText('5-year TCO');
  await shot(page, 'cost-present-slide');
  await page.getByRole('button', { name: 'Next slide' }).click();
  const download = await downloadFrom(page, () => deck.getByRole('button', { name: 'Download the decision pack (HTML)' }).click());
  const file = await download.path();
  const html = fs.readFileSync(file, 'utf8');
  await page.keyboard.press('Escape');
  // The pack in a page of its own: written into the app's page, the app's still-running code would
  // fetch under the pack's CSP (default-src 'none') and fail the console check by a race.
  const pack = await page.context().newPage();
  await pack.setContent(html);
  const cost = pack.locator('section#cost');
  await expect(cost).toContainText('5-year TCO');
  await expect(cost).toContainText('Monthly recurring');
  await expect(cost).toContainText('Circuits by transport');
  await cost.screenshot({ path: 'test-results/screenshots/cost-decision-pack.png' });
  expect(problems).toEqual([]);
});
