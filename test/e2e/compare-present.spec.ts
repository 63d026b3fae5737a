import { expect, test } from '@playwright/test';
import { createProject, generateFromWizard, shot, watchProblems } from './helpers';

test('compare two designs side by side, then continue with one', async ({ page }) => {
  const problems = watchProblems(page);
  await createProject(page, 'E2E Compare');
  await generateFromWizard(page, { datacenters: 2, branches: 6 });
  await page.getByLabel(/Compare .*— hub-spoke/).check();
  await page.getByLabel(/Compare .*— partial-mesh/).check();
  await page.getByRole('button', { name: /^Compare/ }).click();
  await expect(page.getByRole('application', { name: /Canvas of/ }).or(page.locator('[aria-label^="Canvas of"]'))).toHaveCount(2);
  const table = page.getByRole('table', { name: 'Metrics' });
  await expect(table.getByRole('row', { name: /Cost/ })).toContainText('★');
  await expect(table.getByRole('row', { name: /Single points of failure/ })).toContainText('fewer single points of failure');
  await expect(page.locator('.compare .react-flow__node').first()).toBeVisible();
  await shot(page, 'compare');
  await page.getByRole('button', { name: /Continue with .*partial-mesh/ }).click();
  await expect(page.getByRole('toolbar', { name: 'Design tools' })).toBeVisible();
  expect(problems).toEqual([]);
});

test('present: step through intent, options, design, evidence, costs and decision in dark and light', async ({ page }) => {
  await createProject(page, 'E2E Present');
  await generateFromWizard(page, { datacenters: 1, branches: 4 });
  await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('p');
  const deck = page.getByRole('region', { name: 'Presentation' });
  await expect(deck.getByRole('heading', { name: 'Intent' })).toBeVisible();
  await expect(deck).toContainText('5 sites');
  await shot(page, 'present-intent');
  await page.keyboard.press('ArrowRight');
  await expect(deck.getByRole('heading', { name: 'Options' })).toBeVisible();
  await expect(deck.locator('tr.chosen')).toHaveCount(1);
  await page.keyboard.press('ArrowRight');
  await expect(deck.locator('.react-flow__node').first()).toBeVisible();
  await shot(page, 'present-design');
  await page.keyboard.press('ArrowRight');
  await expect(deck).toContainText('single point(s) of failure');
  await page.keyboard.press('ArrowRight');
  await expect(deck.getByRole('heading', { name: 'Costs' })).toBeVisible();
  await deck.getByRole('button', { name: 'Switch to light theme' }).click();
  await shot(page, 'present-costs-light');
  await page.getByRole('button', { name: 'Next slide' }).click();
  await expect(deck).toContainText('Recommended:');
  await page.keyboard.press('Escape');
  await expect(deck).toBeHidden();
});
