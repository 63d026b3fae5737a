import { expect, test } from '@playwright/test';
import { createProject, openDesign, shot } from './helpers';

// The picture README shows (copied to docs/screenshots/workspace.png): a
// regional WAN in what-if mode with one backbone link failed.
test('workspace: a regional WAN with a failure and its heat overlay', async ({ page }) => {
  await createProject(page, 'Regional WAN 2027');
  await page.getByLabel('Intent name').fill('Regional WAN');
  await page.getByLabel('Group 1 number of sites').fill('2');
  await page.getByLabel('Group 2 number of sites').fill('10');
  await page.getByRole('button', { name: '+ Add site group' }).click();
  await page.getByLabel('Group 3 site role').selectOption('branch');
  await page.getByLabel('Group 3 region').fill('amer');
  await page.getByLabel('Group 3 number of sites').fill('8');
  await page.getByRole('button', { name: '+ Add site group' }).click();
  await page.getByLabel('Group 4 site role').selectOption('datacenter');
  await page.getByLabel('Group 4 region').fill('amer');
  await page.getByLabel('Group 4 number of sites').fill('1');
  for (let i = 0; i < 3; i++) await page.getByRole('button', { name: 'Next' }).click();
  await page.getByRole('button', { name: 'Generate all families' }).click();
  await expect(page.locator('.canvas')).toHaveAttribute('data-status', 'ready', { timeout: 60_000 });
  await openDesign(page, 'partial-mesh');
  await page.getByLabel('Layout algorithm').selectOption('stress');
  await page.getByRole('button', { name: 'Auto-layout (keeps pinned devices)' }).click();
  await expect(page.getByRole('button', { name: 'Auto-layout (keeps pinned devices)' })).toHaveText('Auto-layout', { timeout: 60_000 });
  await expect(page.getByRole('status', { name: 'Save state' })).toHaveText('All changes saved');
  await page.getByRole('button', { name: 'What-if', exact: true }).click();
  await page.locator('.react-flow__edge').nth(2).click({ force: true });
  await expect(page.getByRole('status', { name: 'What-if verdict' })).toContainText('busiest link');
  await shot(page, 'workspace');
});
