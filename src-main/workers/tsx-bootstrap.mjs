// Worker entry used when running from source: Node 20's worker threads do not
// apply `--import tsx` from execArgv to the worker's own entry (checked with
// node 20.20 / tsx 4: "Unknown file extension .ts"), so register tsx's loader
// here and then import the TypeScript worker named in workerData.
//
// Under vitest, test/setup/worker-bundle.ts bundles this checkout's worker
// entries once per run (scripts/build-cli.mjs, as the CLI ships them) and
// names the folder in NETTWIN_TEST_WORKER_BUNDLE: a worker of src-main/workers
// then starts from that bundle — the same sources, built minutes ago — instead
// of compiling its whole import tree through tsx again in every new thread
// (~1.3 s of CPU per worker against ~0.2 s, and the suite starts hundreds).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { workerData } from 'node:worker_threads';

function bundled(entry) {
  const dir = process.env.NETTWIN_TEST_WORKER_BUNDLE;
  if (!dir || !entry.startsWith('file:')) return null;
  const file = fileURLToPath(entry);
  // Only this folder's own workers: a test's own worker file is not in the bundle.
  if (path.dirname(file) !== path.dirname(fileURLToPath(import.meta.url))) return null;
  const js = path.join(dir, `${path.basename(file, '.ts')}.js`);
  return fs.existsSync(js) ? pathToFileURL(js).href : null;
}

const prebuilt = bundled(workerData.entry);
if (prebuilt !== null) {
  await import(prebuilt);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import(workerData.entry);
}
