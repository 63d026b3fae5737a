import { expect, test } from '@playwright/test';
import { createProject, generateFromWizard, openDesign, shot, watchProblems } from './helpers';

test('governance policy: with no automatic approvals every optimiser step waits for a person', async ({ page }) => {
  const problems = watchProblems(page);
  await createProject(page, 'E2E Policy');
  await generateFromWizard(page, { datacenters: 1, branches: 5 });
  await openDesign(page, 'hub-spoke');
  await page.getByRole('button', { name: 'Optimise', exact: true }).click();
  await page.getByLabel('Decided by').fill('Policy Owner');
  const policy = page.getByRole('form', { name: 'Governance policy' });
  await policy.getByLabel(/Approve automatically when the cost changes/).fill('0');
  for (const s of ['cost', 'resilience', 'load']) await policy.getByLabel(s, { exact: true }).uncheck();
  await policy.getByRole('button', { name: 'Save policy' }).click();
  await expect(policy.getByText('Policy saved.')).toBeVisible();
  await page.getByRole('button', { name: 'Run optimiser' }).click();
  const steps = page.getByRole('list', { name: 'Optimisation steps' });
  const first = steps.getByRole('listitem').filter({ hasText: 'Step' }).first();
  await expect(first).toBeVisible({ timeout: 60_000 });
  await expect(first.getByRole('button', { name: 'Approve' })).toBeVisible(); // proposed, not auto-approved
  await expect(page.getByRole('table', { name: 'Audit log' })).toContainText('Policy Owner');
  await shot(page, 'policy');
  expect(problems).toEqual([]);
});

test('measured outcomes imported from a CSV are compared with the prediction', async ({ page }) => {
  await createProject(page, 'E2E Outcomes');
  await generateFromWizard(page, { datacenters: 1, branches: 4 });
  await page.getByRole('button', { name: 'Learn', exact: true }).click();
  const design = (await page.getByRole('region', { name: 'Design history' }).getByRole('button').first().textContent()) ?? '';
  const name = design.split(/source|generated/)[0]!.trim();
  const csv = `design,metric,value,unit\n"${name}",utilisation,35,%\n"${name}",latencyMs,12,ms\n`;
  await page.getByLabel(/Import measured outcomes/).setInputFiles({ name: 'measured.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await expect(page.getByRole('status')).toContainText('2 measurements imported');
  await expect(page.getByRole('table', { name: 'Predicted vs measured' })).toContainText('utilisation');
  await page.getByLabel(/Import measured outcomes/).setInputFiles({ name: 'broken.csv', mimeType: 'text/csv', buffer: Buffer.from('design,metric,value\nnope,utilisation,abc\n') });
  await expect(page.getByRole('alert')).toContainText('broken.csv');
  await shot(page, 'outcomes');
});
