// Bundles the `nettwin` command line into out/cli/ with esbuild, so the CLI
// starts as plain JavaScript instead of compiling TypeScript at every run
// (`nettwin --version` went from ~0.9 s to well under 0.15 s). Runs at
// `npm ci` (prepare), in `npm run build` and in `npm test`'s build step.
// Worker entries sit beside main.js (the pool finds them by name next to the
// file that starts them); shared code goes to chunk files in the same folder.
import fs from 'node:fs';
import path from 'node:path';
import { repoRoot } from './lib.mjs';

export const CLI_OUT = path.join(repoRoot, 'out', 'cli');

/** The bundle's list of what it was built from, which bin/nettwin.mjs checks at each start (sourceManifest). */
export const SOURCES_FILE = 'sources.json';

/** Folders whose files the bundle is built from (what bin/nettwin.mjs's stale check covers). */
const SOURCE_ROOTS = ['src-main', 'src-shared'];

/**
 * What the bundle was built from, for bin/nettwin.mjs: every input file under
 * SOURCE_ROOTS that esbuild read (its metafiles), and every folder holding one
 * and their parents up to the roots. A file's edit changes its time; a file
 * added, removed or renamed beside one (which could change what an import
 * resolves to, e.g. foo.tsx beside foo.ts) changes its folder's time; a file
 * anywhere else is read by no import, so cannot change the bundle. Statting
 * these (~0.3k paths) replaces walking both trees at every start.
 */
function sourceManifest(metafiles) {
  const files = new Set();
  for (const m of metafiles) {
    for (const input of Object.keys(m.inputs)) {
      const rel = input.split(path.sep).join('/');
      if (SOURCE_ROOTS.some((r) => rel.startsWith(`${r}/`))) files.add(rel);
    }
  }
  const dirs = new Set(SOURCE_ROOTS);
  for (const f of files) for (let d = path.posix.dirname(f); d !== '.' && !dirs.has(d); d = path.posix.dirname(d)) dirs.add(d);
  return { roots: SOURCE_ROOTS, dirs: [...dirs].sort(), files: [...files].sort() };
}

/** Packages loaded from node_modules at run time: native code, or large and used by one command only. */
const EXTERNAL = ['better-sqlite3', 'playwright-core', '@sparticuz/chromium'];

export async function buildCli({ quiet = false, outDir = CLI_OUT } = {}) {
  let esbuild;
  try {
    esbuild = await import('esbuild');
  } catch {
    // An install without devDependencies has no esbuild: bin/nettwin.mjs then says how to build.
    if (!quiet) console.log('build-cli: esbuild is not installed; skipped (bin/nettwin.mjs will say how to build)');
    return false;
  }
  const started = Date.now();
  const tmp = `${outDir}.tmp-${process.pid}-${Math.random().toString(16).slice(2)}`;
  const esm = await esbuild.build({
    absWorkingDir: repoRoot,
    metafile: true,
    entryPoints: {
      main: 'src-main/cli/main.ts',
      'simulator.worker': 'src-main/workers/simulator.worker.ts',
      'import.worker': 'src-main/workers/import.worker.ts',
      'validate.worker': 'src-main/workers/validate.worker.ts',
      'planning.worker': 'src-main/workers/planning.worker.ts',
    },
    outdir: tmp,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20.19',
    external: EXTERNAL,
    chunkNames: 'chunk-[hash]',
    sourcemap: 'linked',
    legalComments: 'none',
    logLevel: 'warning',
    // Bundled CommonJS dependencies may call require(): give the ES module one.
    banner: { js: "import { createRequire as __nettwinRequire } from 'node:module'; const require = __nettwinRequire(import.meta.url);" },
  });
  // The sweep worker once more as one CommonJS file, which the pool starts when it is there: an ES module
  // worker loads Node's ES module loader in its own thread before the first line of ours runs (~0.05–0.1 s
  // more wall per worker at start; simulate's workers start as the command begins and must be ready when
  // the files are read).
  const cjs = await esbuild.build({
    absWorkingDir: repoRoot,
    metafile: true,
    entryPoints: { 'simulator.worker': 'src-main/workers/simulator.worker.ts' },
    outdir: tmp,
    outExtension: { '.js': '.cjs' },
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20.19',
    external: EXTERNAL,
    sourcemap: 'linked',
    legalComments: 'none',
    logLevel: 'warning',
  });
  fs.writeFileSync(path.join(tmp, SOURCES_FILE), `${JSON.stringify(sourceManifest([esm.metafile, cjs.metafile]))}\n`);
  // Swap the whole folder in, so a CLI starting meanwhile sees the old build or the new one, never half.
  const old = `${outDir}.old-${process.pid}`;
  if (fs.existsSync(outDir)) fs.renameSync(outDir, old);
  fs.renameSync(tmp, outDir);
  fs.rmSync(old, { recursive: true, force: true });
  if (!quiet) console.log(`build-cli: ${path.relative(repoRoot, outDir)} built in ${Date.now() - started} ms`);
  return true;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  buildCli().catch((err) => {
    console.error(`build-cli: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  });
}
