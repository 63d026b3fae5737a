#!/usr/bin/env node
// The `nettwin` command. Runs the bundle in out/cli (built by `npm ci`'s
// prepare step, `npm run build` and `npm test`) so it starts as plain
// JavaScript. In a checkout whose sources are newer than that bundle it runs
// the TypeScript sources through tsx instead, so the CLI always matches the
// checkout; `npm run build:cli` makes it fast again.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bundle = path.join(root, 'out', 'cli', 'main.js');

/** Newest modification time of any file under the folders the CLI is built from (a bundle without sources.json). */
function newestSource() {
  let newest = 0;
  const walk = (dir) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else newest = Math.max(newest, fs.statSync(p).mtimeMs);
    }
  };
  for (const d of ['src-main', 'src-shared']) if (fs.existsSync(path.join(root, d))) walk(path.join(root, d));
  return newest;
}

/**
 * Whether every file the bundle was built from, and every folder holding one,
 * is older than the bundle (out/cli/sources.json, written by the build: see
 * sourceManifest in scripts/build-cli.mjs). An edit changes a file's time; a
 * file added, removed or renamed beside one, its folder's; one gone is stale
 * too. ~0.3k stats instead of walking both trees: ~5 ms of CPU at each start
 * against ~20 ms (cold, loaded machine); and a file the bundle is not built
 * from (tsc -b's tsconfig.tsbuildinfo) no longer sends the CLI to tsx. null:
 * no usable list.
 */
function builtFromOlder(built) {
  let list;
  try {
    list = JSON.parse(fs.readFileSync(path.join(root, 'out', 'cli', 'sources.json'), 'utf8'));
  } catch {
    return null;
  }
  if (!Array.isArray(list?.dirs) || !Array.isArray(list?.files)) return null;
  // Joined by hand: path.join normalising ~0.3k paths was half of this check's CPU, cold. (The list's
  // paths are relative with '/', which Windows takes too.)
  const prefix = root + path.sep;
  for (const rel of [...list.dirs, ...list.files]) {
    const st = fs.statSync(prefix + rel, { throwIfNoEntry: false });
    if (st === undefined || st.mtimeMs > built) return false;
  }
  return true;
}

function bundleIsCurrent() {
  if (!fs.existsSync(bundle)) return false;
  // A packaged install has no sources beside it: the bundle is all there is.
  if (!fs.existsSync(path.join(root, 'src-main'))) return true;
  const built = fs.statSync(bundle).mtimeMs;
  return builtFromOlder(built) ?? built >= newestSource();
}

let entry;
if (bundleIsCurrent()) {
  entry = pathToFileURL(bundle).href;
} else {
  try {
    const { register } = await import('tsx/esm/api');
    register();
  } catch {
    process.stderr.write('nettwin: the command line is not built and tsx is not installed; run `npm run build:cli` (or `npm ci`) in the NetTwin folder\n');
    process.exit(1);
  }
  entry = pathToFileURL(path.join(root, 'src-main', 'cli', 'main.ts')).href;
}
// A reader that stops early (`nettwin export … --out - | head`) closes the pipe:
// that is the reader's choice, not a failure, so exit quietly instead of printing a stack.
process.stdout.on('error', (err) => {
  if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  process.stderr.write(`nettwin: cannot write to standard output: ${err.message}\n`);
  process.exit(1);
});
const { main } = await import(entry);
process.exitCode = await main(process.argv.slice(2));
