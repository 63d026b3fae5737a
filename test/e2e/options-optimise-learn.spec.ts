import { expect, test } from '@playwright/test';
import { createProject, generateFromWizard, openDesign, shot, watchProblems } from './helpers';

test('options: history paints first, every family is then verified by itself with its verdict, generate an option', async ({ page }) => {
  const problems = watchProblems(page);
  await createProject(page, 'E2E Options');
  await generateFromWizard(page, { datacenters: 2, branches: 6 });
  await page.getByRole('button', { name: 'Options', exact: true }).click();
  const ranked = page.getByRole('list', { name: 'Ranked options' });
  await expect(ranked.getByRole('listitem')).not.toHaveCount(0);
  await expect(page.getByRole('img', { name: /Trade-off chart/ }).or(page.getByText('No option has predicted figures yet'))).toBeVisible();
  await shot(page, 'options');
  // 8 sites: verification is affordable (the estimate would size every family anyway), so it starts without a click.
  await expect(page.getByText('Verified by generation and simulation')).toBeVisible({ timeout: 120_000 });
  // Verified: the ranking is exact, so the button says so instead of offering the same verification again.
  await expect(page.getByRole('button', { name: 'Every family verified' })).toBeDisabled();
  await expect(page.getByRole('button', { name: 'Verify every family by simulation' })).toHaveCount(0);
  // A verified option shows its measured verdict, never a probability; the badge colour follows the verdict.
  const first = ranked.getByRole('listitem').first();
  await expect(first).toContainText(/verified: (meets the intent|fails \d+ constraint)/);
  await expect(first).not.toContainText('P(success)');
  const badge = first.locator('.pill').first();
  await expect(badge).toHaveClass((await badge.innerText()).includes('meets') ? /pill--ok/ : /pill--bad/);
  // 8 sites, not all datacenters: leaf-spine is listed as not applicable, with the reason.
  await expect(page.getByRole('region', { name: 'Families not evaluated' })).toContainText('leaf-spine: not applicable');
  await shot(page, 'options-verified');
  await ranked.getByRole('button', { name: /Generate the .* option/ }).first().click();
  await expect(page.getByRole('toolbar', { name: 'Design tools' })).toBeVisible();
  await expect(page.locator('.canvas')).toHaveAttribute('data-status', 'ready');
  expect(problems).toEqual([]);
});

test('optimise: run the resilience strategy, see the diff, decide with a reason, audit log lists it', async ({ page }) => {
  await createProject(page, 'E2E Optimise');
  await generateFromWizard(page, { datacenters: 1, branches: 5 });
  await openDesign(page, 'hub-spoke');
  await page.getByRole('button', { name: 'Optimise', exact: true }).click();
  await page.getByRole('button', { name: 'Run optimiser' }).click();
  const steps = page.getByRole('list', { name: 'Optimisation steps' });
  await expect(steps.getByRole('listitem').filter({ hasText: 'Step' }).first()).toBeVisible({ timeout: 60_000 });
  await expect(page.locator('.optimise__canvas .link--added').first()).toBeAttached();
  // The diff is zoomed to the devices the step touches, and can show the whole design.
  await expect(page.locator('.optimise__canvas .canvas')).not.toHaveAttribute('data-focus', '');
  await page.getByRole('toolbar', { name: 'Diff view' }).getByRole('button', { name: 'Whole design' }).click();
  await page.getByRole('toolbar', { name: 'Diff view' }).getByRole('button', { name: 'Zoom to the change' }).click();
  const first = steps.getByRole('listitem').filter({ hasText: 'Step' }).first();
  // A decision needs a name and a reason; without them the user is told.
  const approve = first.getByRole('button', { name: 'Approve' });
  const undo = first.getByRole('button', { name: 'Undo step' });
  const button = (await approve.count()) > 0 ? approve : undo;
  await button.click();
  await expect(first.locator('.problem')).toContainText('give a reason');
  await first.getByLabel(/Reason for step/).fill('board asked for it');
  await button.click();
  await expect(page.getByRole('alert')).toContainText('say who decides');
  await page.getByLabel('Decided by').fill('E2E architect');
  await button.click();
  await expect(first).toContainText('board asked for it');
  const audit = page.getByRole('table', { name: 'Audit log' });
  await expect(audit).toContainText('E2E architect');
  await shot(page, 'optimise');
});

test('learn: success by family, trend, accuracy and the design history that opens a design', async ({ page }) => {
  await createProject(page, 'E2E Learn');
  await generateFromWizard(page, { datacenters: 1, branches: 4 });
  await page.getByRole('button', { name: 'Learn', exact: true }).click();
  await expect(page.getByRole('img', { name: /Success by family/ }).or(page.getByText('No history yet.'))).toBeVisible();
  await expect(page.getByRole('region', { name: 'Success over time' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Success over time' })).toContainText('each point is the share of that period');
  // No two rows of the class table alike: the region band that tells them apart is shown.
  const rows = await page.getByRole('table', { name: 'Success by intent class' }).locator('tbody tr').allInnerTexts();
  expect(rows.length).toBeGreaterThan(0);
  expect(new Set(rows.map((r) => r.split('\t').slice(0, 5).join('|'))).size).toBe(rows.length);
  await page.getByLabel('Filter designs').fill('ring');
  const history = page.getByRole('region', { name: 'Design history' }).getByRole('button');
  await expect(history).toHaveCount(2); // ring and dual-ring
  await shot(page, 'learn');
  await history.first().click();
  await expect(page.getByRole('toolbar', { name: 'Design tools' })).toBeVisible();
});
