// The host the Playwright suite talks to: a fresh projects folder every run.
import fs from 'node:fs';
import path from 'node:path';
import { buildCli } from './build-cli.mjs';
import { repoRoot } from './lib.mjs';

const dir = path.join(repoRoot, 'test-results', 'e2e-projects');
fs.rmSync(dir, { recursive: true, force: true });
fs.mkdirSync(dir, { recursive: true });
process.env.NETTWIN_PROJECTS_DIR = dir;
process.env.NETTWIN_DATA_DIR = path.join(repoRoot, 'test-results', 'e2e-data');

// The host runs from source; its workers start from a bundle of the same sources built now (as vitest's
// test/setup/worker-bundle.ts does, read by src-main/workers/tsx-bootstrap.mjs) instead of compiling their
// import tree through tsx in every new thread (~1.3 s of CPU a worker against ~0.2 s). Built afresh each
// run, so it is never older than the sources; without esbuild the workers keep the tsx path.
const workers = path.join(repoRoot, 'test-results', 'e2e-workers');
fs.rmSync(workers, { recursive: true, force: true });
if (await buildCli({ quiet: true, outDir: workers })) process.env.NETTWIN_TEST_WORKER_BUNDLE = workers;
await import('./serve.mjs');
