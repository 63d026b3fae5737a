// The host the Playwright suite talks to: a fresh projects folder and data folder (knowledge base, recent
// list) every run, as CI's fresh checkout has: a data folder kept from run to run let the knowledge base the
// Learn and Options views read grow with every local run (6.4 MB shipped, 7.3 MB after two runs), so a local
// run did not see what CI sees.
import fs from 'node:fs';
import path from 'node:path';
import { buildCli } from './build-cli.mjs';
import { repoRoot } from './lib.mjs';

for (const [name, folder] of [['NETTWIN_PROJECTS_DIR', 'e2e-projects'], ['NETTWIN_DATA_DIR', 'e2e-data']]) {
  const dir = path.join(repoRoot, 'test-results', folder);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  process.env[name] = dir;
}

// The host runs from source; its workers start from a bundle of the same sources built now (as vitest's
// test/setup/worker-bundle.ts does, read by src-main/workers/tsx-bootstrap.mjs) instead of compiling their
// import tree through tsx in every new thread (~1.3 s of CPU a worker against ~0.2 s). Built afresh each
// run, so it is never older than the sources; without esbuild the workers keep the tsx path.
const workers = path.join(repoRoot, 'test-results', 'e2e-workers');
fs.rmSync(workers, { recursive: true, force: true });
if (await buildCli({ quiet: true, outDir: workers })) process.env.NETTWIN_TEST_WORKER_BUNDLE = workers;
await import('./serve.mjs');
