import { expect, test, type Page } from '@playwright/test';
import { createProject, generateFromWizard, openDesign, shot, watchProblems } from './helpers';

const verdict = (page: Page) => page.getByRole('status', { name: 'What-if verdict' });

test('what-if: fail links by clicking, see cut-off sites, fail a site, run a sweep and show its worst scenario', async ({ page }) => {
  const problems = watchProblems(page);
  await createProject(page, 'E2E What-if');
  await generateFromWizard(page, { datacenters: 1, branches: 5 });
  await openDesign(page, 'ring');
  await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('w');
  await expect(verdict(page)).toContainText('Nothing failed');

  // One ring link: everything still reaches everything; traffic is rerouted.
  const ring = page.locator('.react-flow__edge');
  await ring.nth(0).click({ force: true });
  await expect(verdict(page)).toContainText('Survives');
  await expect(page.locator('.react-flow__edge.link--failed, .react-flow__edge .link--failed')).toHaveCount(1);
  await expect(page.locator('.link--rerouted')).not.toHaveCount(0);

  // A second, non-adjacent ring link: the ring splits and devices are cut off.
  await ring.nth(3).click({ force: true });
  await expect(verdict(page)).toContainText('Does not survive');
  await expect(page.locator('.device--cutoff')).not.toHaveCount(0);
  await shot(page, 'whatif-two-links');

  // Clear, then fail a whole site from the panel.
  await page.getByRole('button', { name: 'Clear failures' }).click();
  await expect(verdict(page)).toContainText('Nothing failed');
  const site = page.getByRole('group', { name: 'Sites' }).getByRole('button').first();
  await site.click();
  await expect(site).toHaveAttribute('aria-pressed', 'true');
  await expect(page.locator('.device--failed')).not.toHaveCount(0);

  // Full sweep on main's worker pool, then show the worst scenario on the canvas.
  await page.getByRole('button', { name: 'Run sweep' }).click();
  const worst = page.getByRole('table', { name: 'Worst scenarios' });
  await expect(worst).toBeVisible({ timeout: 60_000 });
  // The stored impact report's failure sets that cut a site off, in names (the pack and simulate list the same).
  await expect(page.getByTestId('sweep-isolation')).toContainText(/cuts? a site off/);
  const first = worst.getByRole('button').first();
  await first.click();
  await expect(page.locator('.worst--shown')).toHaveCount(1);
  await expect(page.locator('.device--failed, .react-flow__edge .link--failed')).not.toHaveCount(0);
  await shot(page, 'whatif-sweep');

  // Minimal cut sets: a ring has two-link cuts.
  await page.getByRole('button', { name: 'Find two-link cuts' }).click();
  await expect(page.getByRole('list', { name: 'Two-link cut sets' }).getByRole('button')).not.toHaveCount(0);
  expect(problems).toEqual([]);
});
