import { expect, test, type Page } from '@playwright/test';
import { E2E_TOKEN } from '../../playwright.config';
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

test('what-if after a sweep with a long chip list: verdict and sweep pinned, chips named, searchable and grouped', async ({ page }) => {
  const problems = watchProblems(page);
  await createProject(page, 'E2E Evidence');
  await generateFromWizard(page, { datacenters: 2, branches: 60 });
  await openDesign(page, 'hub-spoke');
  await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('w');
  await expect(verdict(page)).toContainText('Nothing failed');
  await page.getByRole('button', { name: 'Run sweep' }).click();
  const worst = page.getByRole('table', { name: 'Worst scenarios' });
  await expect(worst).toBeVisible({ timeout: 60_000 });
  // Worst scenarios by name and site, not "device 602".
  const rows = await worst.getByRole('button').allTextContents();
  expect(rows.length).toBeGreaterThan(0);
  for (const r of rows) expect(r).not.toMatch(/^device \S+\/\S+$/);
  expect(rows.some((r) => / at /.test(r))).toBe(true);
  const pinned = page.getByTestId('pinned-sweep');
  await expect(pinned).toContainText(/\d+ scenarios/);

  // The chips: 62 sites grouped by region with counts, searchable.
  const sites = page.getByRole('group', { name: 'Sites' });
  await expect(sites.locator('legend')).toContainText('(62)');
  const groups = sites.locator('details.chip-group');
  expect(await groups.count()).toBeGreaterThan(0);
  await expect(groups.first().locator('summary')).toContainText(/\(\d+\)/);
  await page.getByRole('combobox', { name: 'Group chips by' }).selectOption('role');
  const branches = sites.locator('details.chip-group').filter({ has: page.locator('summary', { hasText: 'branch' }) });
  await expect(branches.locator('summary')).toContainText('(60)');
  await branches.locator('summary').click(); // a list this long opens collapsed

  // Scroll the panel to the bottom: the verdict and the sweep summary stay in view.
  const column = page.getByRole('complementary', { name: 'Design panels' });
  await column.evaluate((el) => el.scrollTo(0, el.scrollHeight));
  await expect(verdict(page)).toBeInViewport();
  await expect(pinned).toBeInViewport();
  await shot(page, 'whatif-long-chips-scrolled');

  // Filter to one branch by name; fail it; the verdict answers in view.
  const filter = page.getByRole('searchbox', { name: 'Filter sites, regions and shared risks' });
  const name = (await branches.getByRole('button').nth(5).textContent())!;
  await filter.fill(name);
  await expect(sites.locator('legend')).toContainText(/\((1|2|11) of 62\)/); // "branch-emea-6" also finds "branch-emea-60"
  const chip = sites.getByRole('button', { name: `Fail site ${name}`, exact: true });
  await chip.click();
  await expect(chip).toHaveAttribute('aria-pressed', 'true');
  await expect(verdict(page)).toContainText(/Survives|Does not survive/);
  await expect(verdict(page)).not.toContainText('Nothing failed');
  await expect(verdict(page)).toBeInViewport();
  await filter.fill('');
  await column.evaluate((el) => el.scrollTo(0, el.scrollHeight / 2));
  await expect(verdict(page)).toBeInViewport();
  await shot(page, 'whatif-sweep-long-chips');
  expect(problems).toEqual([]);
});

test('a sweep left running by a closed tab is listed when the project is opened again', async ({ browser }) => {
  test.setTimeout(180_000); // sixty sites, thousands of link-pair scenarios, followed to their end
  const context = await browser.newContext(); // one browser profile: the second tab reads what the first kept
  const first = await context.newPage();
  await createProject(first, 'E2E Left behind');
  await generateFromWizard(first, { datacenters: 2, branches: 60 });
  await openDesign(first, 'dual-hub');
  await first.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
  await first.keyboard.press('w');
  await first.getByLabel('link pairs').check(); // thousands of scenarios: still running when the tab goes
  await first.getByRole('button', { name: 'Run sweep' }).click();
  await expect(first.getByRole('group', { name: 'Sweep progress' })).toBeVisible();
  await expect.poll(() => first.evaluate(() => localStorage.getItem('nettwin.jobs.v1') ?? '')).toContain('sim:run');
  await first.close(); // the tab goes while the sweep runs on the host

  const page = await context.newPage();
  const problems = watchProblems(page);
  await page.goto(`/?token=${E2E_TOKEN}`);
  await page.getByRole('button', { name: /Open project E2E Left behind/ }).click();
  const left = page.getByRole('region', { name: 'Interrupted jobs' });
  await expect(left).toContainText(/Failure sweep of Enterprise WAN — dual-hub/);
  // Followed until it ends. The closing tab's project:close waits for the sweep running on the project
  // (it used to shut the database under it: "connection is not open"), so the sweep is stored.
  await expect(left.locator('li')).toHaveAttribute('data-state', /^(done|failed)$/, { timeout: 100_000 });
  await expect(left).toContainText(/finished at .* while the page was closed/);
  await expect(left.locator('li')).toHaveAttribute('data-state', 'done');
  await shot(page, 'interrupted-job');
  await left.getByRole('button', { name: 'Dismiss' }).click();
  await expect(left).toHaveCount(0);
  expect(problems).toEqual([]);
  await context.close();
});
