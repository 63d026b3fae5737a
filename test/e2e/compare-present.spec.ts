import fs from 'node:fs';
import { expect, test } from '@playwright/test';
import { createProject, downloadFrom, generateFromWizard, shot, watchProblems } from './helpers';

test('compare three designs: each fitted with no minimap over it, their differences coloured and listed, every figure in a column', async ({ page }) => {
  const problems = watchProblems(page);
  await createProject(page, 'E2E Compare');
  await generateFromWizard(page, { datacenters: 2, branches: 6 });
  // A stored sweep of one design: its worst scenario and stranded demand appear in Compare.
  await page.getByRole('list', { name: 'Designs' }).getByRole('button', { name: /— hub-spoke\b/ }).click();
  await expect(page.locator('.canvas').first()).toHaveAttribute('data-status', 'ready');
  await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('w');
  await page.getByRole('button', { name: 'Run sweep' }).click();
  await expect(page.getByRole('table', { name: 'Worst scenarios' })).toBeVisible({ timeout: 60_000 });

  for (const family of ['hub-spoke', 'dual-hub', 'partial-mesh']) await page.getByLabel(new RegExp(`Compare .*— ${family}\\b`)).check();
  await page.getByRole('button', { name: /^Compare/ }).click();
  const panes = page.locator('.compare__pane');
  await expect(panes).toHaveCount(3);
  await expect(page.locator('.compare [data-status="ready"]')).toHaveCount(3, { timeout: 30_000 });
  // No minimap over the small panes, and every design fitted: its devices inside its own pane.
  await expect(page.locator('.compare .react-flow__minimap')).toHaveCount(0);
  for (let i = 0; i < 3; i++) {
    const pane = await panes.nth(i).locator('.react-flow').boundingBox();
    const nodes = panes.nth(i).locator('.react-flow__node');
    await expect(nodes.first()).toBeVisible();
    const n = await nodes.count();
    expect(n).toBeGreaterThan(5);
    for (const k of [0, n - 1]) {
      const box = (await nodes.nth(k).boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(pane!.x - 1);
      expect(box.x + box.width).toBeLessThanOrEqual(pane!.x + pane!.width + 1);
      expect(box.y).toBeGreaterThanOrEqual(pane!.y - 1);
      expect(box.y + box.height).toBeLessThanOrEqual(pane!.y + pane!.height + 1);
    }
  }
  // The differences of the first two, coloured on their canvases and listed by name.
  const diff = page.getByRole('region', { name: 'Differences' });
  await expect(diff).toContainText(/From .*hub-spoke to .*dual-hub/);
  await expect(diff.getByRole('list', { name: 'Added elements' }).getByRole('listitem')).not.toHaveCount(0);
  await expect(panes.nth(1).locator('.device--added, .link--added')).not.toHaveCount(0);
  await expect(panes.nth(0).locator('.device--removed, .link--removed, .device--changed, .link--changed')).not.toHaveCount(0);
  await expect(panes.nth(2).locator('.device--added, .device--removed, .device--changed')).toHaveCount(0);

  const table = page.getByRole('table', { name: 'Metrics' });
  await expect(table.getByRole('row', { name: /TCO over the term/ })).toContainText('★');
  await expect(table.getByRole('row', { name: /Single points of failure/ })).toContainText('fewer single points of failure');
  await expect(table.getByRole('row', { name: /Availability \(device pairs\)/ })).toContainText(/\d %/);
  await expect(table.getByRole('row', { name: /Worst-case utilisation/ })).toContainText(/\d+ %/);
  await expect(table.getByRole('row', { name: /^Budget/ })).toContainText(/within|over by|no budget set/);
  const sweep = table.getByRole('row', { name: /Sweep: worst stranded demand/ });
  await expect(sweep).toContainText('no sweep stored'); // dual-hub and partial-mesh were not swept
  await expect(sweep).toContainText(/demand|traffic units/); // hub-spoke was
  await expect(table.getByRole('row', { name: /Sweep: worst scenario/ })).not.toContainText(/device [a-z0-9-]+\/[a-z]+\d\b/); // names, not ids
  await shot(page, 'compare-three');
  await table.scrollIntoViewIfNeeded();
  await shot(page, 'compare-three-figures');
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
