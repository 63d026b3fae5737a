import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * Global setup: bundles the worker entries of this checkout once per run
 * (scripts/build-cli.mjs, as `npm run build:cli` ships them) into a folder of
 * this run's own under out/ (inside the checkout, so the bundle's external
 * packages resolve from node_modules), and names it for the test processes:
 * src-main/workers/tsx-bootstrap.mjs then starts every worker from it instead
 * of compiling the worker's TypeScript tree through tsx in each new thread.
 * Built from the sources as they are at the start of the run, so a worker
 * runs exactly the code under test. `NETTWIN_TEST_WORKERS=source` keeps tsx
 * (a watch session editing worker code, or to compare).
 */
export default async function setup(): Promise<() => void> {
  if (process.env['NETTWIN_TEST_WORKERS'] === 'source') return () => undefined;
  const root = path.resolve(import.meta.dirname, '..', '..');
  // vitest.config.ts runs two projects (side by side, then one at a time), each calling this setup:
  // the second reuses the bundle this process built for the first, whose teardown removes it.
  const earlier = process.env['NETTWIN_TEST_WORKER_BUNDLE'];
  if (earlier !== undefined && path.basename(earlier).startsWith(`${process.pid}-`) && fs.existsSync(earlier)) return () => undefined;
  const dir = path.join(root, 'out', 'test-workers', `${process.pid}-${Date.now().toString(36)}`);
  const { buildCli } = (await import(pathToFileURL(path.join(root, 'scripts', 'build-cli.mjs')).href)) as {
    buildCli: (o: { quiet: boolean; outDir: string }) => Promise<boolean>;
  };
  const built = await buildCli({ quiet: true, outDir: dir });
  if (!built) throw new Error('test/setup/worker-bundle.ts: esbuild is not installed (npm ci installs it)');
  process.env['NETTWIN_TEST_WORKER_BUNDLE'] = dir;
  return () => {
    fs.rmSync(dir, { recursive: true, force: true });
  };
}
