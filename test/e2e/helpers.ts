import { expect, type Page } from '@playwright/test';
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

export async function createProject(page: Page, name: string): Promise<void> {
  await page.goto(`/?token=${E2E_TOKEN}`);
  await page.getByLabel('Project name').fill(name);
  await page.getByRole('button', { name: 'Create project' }).click();
  await expect(page.getByRole('heading', { name })).toBeVisible();
}

/** Walks the intent wizard with small site counts and generates every family. */
export async function generateFromWizard(page: Page, opts: { datacenters?: number; branches?: number } = {}): Promise<void> {
  await expect(page.getByRole('heading', { name: 'New designs from intent' })).toBeVisible();
  await page.getByLabel('Group 1 number of sites').fill(String(opts.datacenters ?? 1));
  await page.getByLabel('Group 2 number of sites').fill(String(opts.branches ?? 5));
  for (let i = 0; i < 3; i++) await page.getByRole('button', { name: 'Next' }).click();
  await page.getByRole('button', { name: 'Generate all families' }).click();
  await expect(page.getByRole('list', { name: 'Designs' }).getByRole('button')).not.toHaveCount(0, { timeout: 60_000 });
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

export async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `test-results/screenshots/${name}.png` });
}
