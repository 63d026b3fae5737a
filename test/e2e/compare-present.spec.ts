import fs from 'node:fs';
import { expect, test } from '@playwright/test';
import { createProject, downloadFrom, generateFromWizard, shot, watchProblems } from './helpers';

test('compare two designs side by side, then continue with one', async ({ page }) => {
  const problems = watchProblems(page);
  await createProject(page, 'E2E Compare');
  await generateFromWizard(page, { datacenters: 2, branches: 6 });
  await page.getByLabel(/Compare .*— hub-spoke/).check();
  await page.getByLabel(/Compare .*— partial-mesh/).check();
  await page.getByRole('button', { name: /^Compare/ }).click();
  await expect(page.getByRole('application', { name: /Canvas of/ }).or(page.locator('[aria-label^="Canvas of"]'))).toHaveCount(2);
  const table = page.getByRole('table', { name: 'Metrics' });
  await expect(table.getByRole('row', { name: /TCO over the term/ })).toContainText('★');
  await expect(table.getByRole('row', { name: /Single points of failure/ })).toContainText('fewer single points of failure');
  await expect(page.locator('.compare .react-flow__node').first()).toBeVisible();
  await shot(page, 'compare');
  await page.getByRole('button', { name: /Continue with .*partial-mesh/ }).click();
  await expect(page.getByRole('toolbar', { name: 'Design tools' })).toBeVisible();
  await page.getByRole('button', { name: 'Switch to light theme' }).click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  await shot(page, 'design-light');
  expect(problems).toEqual([]);
});

test('present: step through intent, options, design, evidence, costs and decision in dark and light', async ({ page }) => {
  // The first PDF of the run starts the host's Chromium cold: more than the usual minute on a busy machine.
  test.setTimeout(150_000);
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
  await expect(deck).toContainText('No design has been decided yet');
  const html = await downloadFrom(page, () => deck.getByRole('button', { name: 'Download the decision pack (HTML)' }).click());
  expect(html.suggestedFilename()).toMatch(/\.html$/);
  // The PDF button works in the browser app too: the host prints with its Chromium, the tab downloads it.
  const file = await downloadFrom(page, () => deck.getByRole('button', { name: 'Decision pack as PDF' }).click());
  expect(file.suggestedFilename()).toMatch(/\.pdf$/);
  const head = fs.readFileSync(await file.path()).subarray(0, 5).toString('latin1');
  expect(head).toBe('%PDF-');
  // Choosing is a decision on record: who and why, then the slide says what was decided.
  const decide = deck.getByRole('form', { name: 'Record the decision' });
  await decide.getByLabel('Decided by').fill('Governance board');
  await decide.getByLabel('Rationale').fill('meets the class at the lowest TCO');
  await decide.getByRole('button', { name: /^Choose / }).click();
  await expect(deck).toContainText('Decided:');
  await expect(deck).toContainText('Chosen by Governance board on');
  await expect(deck).toContainText('meets the class at the lowest TCO');
  await shot(page, 'present-decided');
  await page.keyboard.press('Escape');
  await expect(deck).toBeHidden();
});
