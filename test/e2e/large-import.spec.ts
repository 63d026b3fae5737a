import { expect, test } from '@playwright/test';
import { zooGraphmlChunks } from '../shared/io/huge-graphml';
import { createProject, shot, watchProblems } from './helpers';

test('a network too large to draw imports as a job, opens as a notice with its counts, and validates from there', async ({ page }) => {
  test.setTimeout(120_000);
  const problems = watchProblems(page);
  const graphml = [...zooGraphmlChunks(2_500, 7)].join('');
  await createProject(page, 'E2E Large');
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await page.getByLabel('Network file').setInputFiles({ name: 'carrier.graphml', mimeType: 'application/xml', buffer: Buffer.from(graphml) });
  await page.getByRole('button', { name: 'Import', exact: true }).last().click();
  const report = page.getByRole('region', { name: 'Import report' });
  await expect(report).toContainText('Synthetic2500', { timeout: 60_000 });
  await report.getByRole('button', { name: 'Open the imported design' }).click();

  const notice = page.getByRole('region', { name: 'Design too large to draw' });
  await expect(notice).toContainText('2,500');
  await expect(page.locator('.react-flow__node')).toHaveCount(0);
  await notice.getByRole('button', { name: 'Validate' }).click();
  await expect(notice.getByRole('region', { name: 'Validation result' })).toBeVisible({ timeout: 60_000 });
  await expect(notice.getByRole('button', { name: 'Run N-1 sweep' })).toBeVisible();
  await shot(page, 'large-design-notice');
  expect(problems).toEqual([]);
});
