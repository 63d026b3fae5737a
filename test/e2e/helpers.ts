import { expect, test, type Download, type Locator, type Page } from '@playwright/test';
import { E2E_TOKEN } from '../../playwright.config';

/** Fails the test on any page error or console error (a blank page must never pass). */
export function watchProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(m.text());
  });
  return problems;
}

/**
 * Creates and opens a project. On Playwright's retry of a test the first
 * attempt's project of that name already exists in the host's folder (names
 * are unique), so a retry works in "<name> (retry N)"; the name used is returned.
 */
export async function createProject(page: Page, name: string): Promise<string> {
  const retry = test.info().retry;
  const actual = retry > 0 ? `${name} (retry ${retry})` : name;
  await page.goto(`/?token=${E2E_TOKEN}`);
  await page.getByLabel('Project name').fill(actual);
  await page.getByRole('button', { name: 'Create project' }).click();
  await expect(page.getByRole('heading', { name: actual })).toBeVisible();
  return actual;
}

/** Walks the intent wizard with small site counts and generates every family. */
export async function generateFromWizard(page: Page, opts: { datacenters?: number; branches?: number } = {}): Promise<void> {
  await expect(page.getByRole('heading', { name: 'New designs from intent' })).toBeVisible();
  await page.getByLabel('Group 1 number of sites').fill(String(opts.datacenters ?? 1));
  await page.getByLabel('Group 2 number of sites').fill(String(opts.branches ?? 5));
  for (let i = 0; i < 3; i++) await page.getByRole('button', { name: 'Next' }).click();
  const designs = page.getByRole('list', { name: 'Designs' }).getByRole('button');
  await orAppError(page, expect(designs).not.toHaveCount(0, { timeout: 60_000 }), {
    start: () => page.getByRole('button', { name: 'Generate all families' }).click(),
  });
  await expect(page.locator('.canvas')).toHaveAttribute('data-status', 'ready', { timeout: 30_000 });
}

export async function openDesign(page: Page, family: string): Promise<void> {
  await page.getByRole('list', { name: 'Designs' }).getByRole('button', { name: new RegExp(`— ${family}\\b`) }).click();
  await expect(page.locator('.canvas')).toHaveAttribute('data-status', 'ready');
}

export async function nodeTranslate(page: Page, selector: string): Promise<{ x: number; y: number }> {
  const transform = await page.locator(selector).evaluate((el) => (el as HTMLElement).style.transform);
  const m = /translate\(([-\d.]+)px,\s*([-\d.]+)px\)/.exec(transform);
  if (!m) throw new Error(`no translate in "${transform}"`);
  return { x: Number(m[1]), y: Number(m[2]) };
}

/**
 * Waits until what `locator` matches stands still: its boxes, read two animation frames after each poll,
 * the same as 100 ms before (a fit or zoom has ended and the labels it picks are drawn). In place of a fixed
 * sleep, which is too short when the machine is busy and time lost when it is not.
 */
export async function settled(locator: Locator): Promise<void> {
  let last: string | null = null;
  await expect
    .poll(
      async () => {
        const now = await locator.evaluateAll(async (els) => {
          await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
          return JSON.stringify(els.map((e) => e.getBoundingClientRect()).map((r) => [r.x, r.y, r.width, r.height]));
        });
        const still = now === last;
        last = now;
        return still;
      },
      { intervals: [100], message: 'still moving' },
    )
    .toBe(true);
}

export async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `test-results/screenshots/${name}.png` });
}

/**
 * Waits for `wanted` — or fails at once with the app's error banner text when
 * the app reports a problem instead, rather than waiting out the test's
 * timeout with nothing said (a red CI run keeps only a failure's first lines).
 * A banner already up belongs to an earlier step; only a new one counts.
 */
export async function orAppError<T>(page: Page, wanted: Promise<T>, opts: { timeout?: number; start?: () => Promise<void> } = {}): Promise<T> {
  const timeout = opts.timeout ?? 120_000;
  const banner = page.locator('.error-banner');
  const earlier = (await banner.isVisible()) ? await banner.innerText() : null;
  wanted.catch(() => undefined); // raced below; a rejection before the race starts is not "unhandled"
  await opts.start?.();
  const fresh = earlier === null ? banner : banner.filter({ hasNotText: earlier });
  const problem = fresh.waitFor({ state: 'visible', timeout }).then(async (): Promise<never> => {
    throw new Error(`the app reported a problem instead: ${await fresh.first().innerText()}`);
  });
  try {
    return await Promise.race([wanted, problem]);
  } finally {
    problem.catch(() => undefined);
    wanted.catch(() => undefined);
  }
}

/** Clicks and returns the download it starts, or fails with the app's error (orAppError). */
export async function downloadFrom(page: Page, click: () => Promise<void>, timeout = 120_000): Promise<Download> {
  return orAppError(page, page.waitForEvent('download', { timeout }), { timeout, start: click });
}
