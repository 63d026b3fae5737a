import { expect, test } from '@playwright/test';

// A tab opened without the session link, or with a stale one, says how to open the app (not "Loading…" forever).
test('without the session token the app explains how to open it', async ({ page }) => {
  await page.goto('/');
  const alert = page.getByRole('alert');
  await expect(alert).toContainText("Open the address that 'npm run serve' printed");
  await expect(page.getByText('Loading…')).toHaveCount(0);
  await expect(page.getByLabel('Project name')).toHaveCount(0);
});

test('with a wrong token the recent-projects list says why, and offers to try again', async ({ page }) => {
  await page.goto('/?token=not-the-session-token');
  const list = page.getByRole('region', { name: 'Recent projects' });
  await expect(list.getByRole('alert')).toContainText('This tab is not connected to NetTwin');
  await expect(list.getByRole('button', { name: 'Try again' })).toBeVisible();
  await expect(page.getByText('Loading…')).toHaveCount(0);
});
