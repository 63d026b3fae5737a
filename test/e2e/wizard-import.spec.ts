import { expect, test } from '@playwright/test';
import { createProject, shot, watchProblems } from './helpers';

test('wizard: every field is checked inline and a step with problems cannot be left with Next', async ({ page }) => {
  const problems = watchProblems(page);
  await createProject(page, 'E2E Wizard');
  await page.getByLabel('Group 2 number of sites').fill('lots');
  await expect(page.getByLabel('Group 2 number of sites')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('enter a number')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Next' })).toBeDisabled();
  await page.getByLabel('Group 2 explicit sites').fill('Paris\nBerlin, dach\nParis');
  await expect(page.getByText(/duplicate site name "Paris"/)).toBeVisible();
  await shot(page, 'wizard-problems');
  await page.getByLabel('Group 2 explicit sites').fill('Paris\nBerlin, dach');
  await page.getByLabel('Group 2 number of sites').fill('');
  await expect(page.getByRole('button', { name: 'Next' })).toBeEnabled();
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByLabel('Budget (USD)').fill('-1');
  await expect(page.getByLabel('Budget (USD)')).toHaveAttribute('aria-invalid', 'true');
  await page.getByLabel('Budget (USD)').fill('900000');
  await page.getByLabel('Redundancy class').selectOption('HIGH');
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByLabel('Most hops between two sites').fill('0');
  await expect(page.getByRole('navigation', { name: 'Wizard steps' })).toContainText('1');
  await page.getByLabel('Most hops between two sites').fill('6');
  await page.getByRole('button', { name: 'Next' }).click();
  const summary = page.getByRole('definition').filter({ hasText: '4 in 2 group(s)' });
  await expect(summary).toBeVisible();
  await shot(page, 'wizard-review');
  await page.getByRole('button', { name: 'Generate all families' }).click();
  await expect(page.getByRole('list', { name: 'Designs' }).getByRole('button')).not.toHaveCount(0, { timeout: 60_000 });
  await expect(page.locator('.canvas')).toHaveAttribute('data-status', 'ready');

  // Reopened: the stored intent fills the wizard; a budget typed as "30M" is read; the review shows per-site regions.
  await page.getByRole('button', { name: 'New from intent' }).click();
  await expect(page.getByRole('status').filter({ hasText: "Opened with the project's intent" })).toBeVisible();
  await expect(page.getByLabel('Group 2 explicit sites')).toHaveValue('Paris\nBerlin, dach');
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page.getByLabel('Budget (USD)')).toHaveValue('900000');
  await page.getByLabel('Budget (USD)').fill('30M');
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page.getByLabel('Most hops between two sites')).toHaveValue('6');
  await page.getByRole('button', { name: 'Next' }).click();
  const review = page.getByRole('list').filter({ hasText: 'named: Paris, Berlin' });
  await expect(review).toContainText('1 in emea, 1 in dach');
  await expect(page.getByText('$30,000,000')).toBeVisible();
  await shot(page, 'wizard-reopened-review');
  expect(problems).toEqual([]);
});

const CLAB = `name: lab
topology:
  nodes:
    spine1: { kind: nokia_srlinux }
    spine2: { kind: nokia_srlinux }
    leaf1: { kind: nokia_srlinux }
    leaf2: { kind: nokia_srlinux }
  links:
    - endpoints: ["spine1:e1-1", "leaf1:e1-49"]
    - endpoints: ["spine1:e1-2", "leaf2:e1-49"]
    - endpoints: ["spine2:e1-1", "leaf1:e1-50"]
    - endpoints: ["spine2:e1-2", "leaf2:e1-50"]
`;

test('import a containerlab file: the report lists what was mapped and guessed, and the design opens', async ({ page }) => {
  await createProject(page, 'E2E Import');
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await page.getByLabel('Network file').setInputFiles({ name: 'lab.clab.yml', mimeType: 'text/yaml', buffer: Buffer.from(CLAB) });
  await page.getByRole('button', { name: 'Import', exact: true }).last().click();
  const report = page.getByRole('region', { name: 'Import report' });
  await expect(report).toContainText('(clab)');
  await shot(page, 'import-report');
  await report.getByRole('button', { name: 'Open the imported design' }).click();
  await expect(page.locator('.canvas')).toHaveAttribute('data-status', 'ready');
  await expect(page.locator('.react-flow__node')).toHaveCount(4);

  // And back out: the design exports as a containerlab file.
  await page.getByLabel('Export format').selectOption('containerlab');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/clab|yml|yaml/);

  // A broken file is explained next to the file field.
  await page.getByRole('button', { name: 'Import', exact: true }).first().click();
  await page.getByLabel('Network file').setInputFiles({ name: 'broken.graphml', mimeType: 'application/xml', buffer: Buffer.from('<graphml><graph><node id="a"') });
  await page.getByRole('button', { name: 'Import', exact: true }).last().click();
  await expect(page.getByRole('alert')).toContainText('broken.graphml');
});
