import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * Before any worker starts its host (fixtures.ts): the host workers' bundle, built once for every host
 * of the run (scripts/e2e-host.mjs reads NETTWIN_TEST_WORKER_BUNDLE, which the Playwright workers inherit),
 * and the folders of earlier runs' hosts removed.
 */
export default async function setup(): Promise<void> {
  const root = path.resolve(import.meta.dirname, '..', '..');
  const results = path.join(root, 'test-results');
  fs.mkdirSync(results, { recursive: true });
  for (const d of fs.readdirSync(results)) if (/^e2e-(projects|data)(-\d+)?$/.test(d)) fs.rmSync(path.join(results, d), { recursive: true, force: true });
  const dir = path.join(results, 'e2e-workers');
  fs.rmSync(dir, { recursive: true, force: true });
  const { buildCli } = (await import(pathToFileURL(path.join(root, 'scripts', 'build-cli.mjs')).href)) as {
    buildCli: (o: { quiet: boolean; outDir: string }) => Promise<boolean>;
  };
  // Without esbuild the hosts' workers keep the tsx path (as e2e-host.mjs alone does).
  if (await buildCli({ quiet: true, outDir: dir })) process.env['NETTWIN_TEST_WORKER_BUNDLE'] = dir;
}
