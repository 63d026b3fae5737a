// The host the Playwright suite talks to: a fresh projects folder (and data folder: knowledge base, recent
// list) every start, as CI's fresh checkout has. test/e2e/fixtures.ts starts one per Playwright worker, each
// with folders of its own (E2E_PROJECTS_DIR, E2E_DATA_DIR) and PORT=0 (the port it got is in the line it prints).
import fs from 'node:fs';
import path from 'node:path';
import { buildCli } from './build-cli.mjs';
import { repoRoot } from './lib.mjs';

const fresh = (dir) => {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  return dir;
};
process.env.NETTWIN_PROJECTS_DIR = fresh(process.env.E2E_PROJECTS_DIR ?? path.join(repoRoot, 'test-results', 'e2e-projects'));
process.env.NETTWIN_DATA_DIR = fresh(process.env.E2E_DATA_DIR ?? path.join(repoRoot, 'test-results', 'e2e-data'));

// The host runs from source; its workers start from a bundle of the same sources (as vitest's
// test/setup/worker-bundle.ts does, read by src-main/workers/tsx-bootstrap.mjs) instead of compiling their
// import tree through tsx in every new thread (~1.3 s of CPU a worker against ~0.2 s). The suite's global
// setup builds it once for every worker's host (NETTWIN_TEST_WORKER_BUNDLE); started alone, the host builds
// it now, so it is never older than the sources; without esbuild the workers keep the tsx path.
if (!process.env.NETTWIN_TEST_WORKER_BUNDLE) {
  const workers = path.join(repoRoot, 'test-results', 'e2e-workers');
  fs.rmSync(workers, { recursive: true, force: true });
  if (await buildCli({ quiet: true, outDir: workers })) process.env.NETTWIN_TEST_WORKER_BUNDLE = workers;
}
await import('./serve.mjs');
