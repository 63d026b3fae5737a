import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GOLDEN_DIR, ZOO_DIR } from '../../helpers/data';
import { expectMatchesGolden } from '../../shared/sim/golden-compare';
import type { AnalyzeReport } from '../../../src-shared/sim/analyze';

const repo = path.resolve(__dirname, '../../..');

describe('the bundled command line (out/cli)', () => {
  // Built into a folder of its own inside the checkout (externals such as better-sqlite3 resolve from
  // node_modules), so the test neither needs nor disturbs the out/cli that `npm test` builds.
  const outDir = path.join(repo, 'out', `cli-test-${process.pid}`);
  beforeAll(async () => {
    const { buildCli } = (await import(pathToFileURL(path.join(repo, 'scripts', 'build-cli.mjs')).href)) as {
      buildCli: (o: { quiet: boolean; outDir: string }) => Promise<boolean>;
    };
    expect(await buildCli({ quiet: true, outDir })).toBe(true);
  }, 60_000);
  afterAll(() => fs.rmSync(outDir, { recursive: true, force: true }));

  // What bin/nettwin.mjs does with a current bundle (a file, not `-e`: workers inherit the exec arguments).
  const runBundle = (...args: string[]) => {
    const runner = path.join(outDir, 'run-test.mjs');
    if (!fs.existsSync(runner)) fs.writeFileSync(runner, "import { main } from './main.js';\nprocess.exitCode = await main(process.argv.slice(2));\n");
    const r = spawnSync(process.execPath, [runner, ...args], { encoding: 'utf8', timeout: 60_000, cwd: repo });
    return { code: r.status, out: r.stdout, err: r.stderr };
  };

  it('keeps each command in a chunk of its own: main.js loads none of them until asked', () => {
    const main = fs.readFileSync(path.join(outDir, 'main.js'), 'utf8');
    expect(main.length).toBeLessThan(20_000);
    expect(main).not.toMatch(/better-sqlite3|simulator\.worker/);
    expect(runBundle('--version')).toEqual({ code: 0, out: `nettwin ${JSON.parse(fs.readFileSync(path.join(repo, 'package.json'), 'utf8')).version}\n`, err: '' });
  });

  it('lists what it was built from, for the stale check of bin/nettwin.mjs', () => {
    const list = JSON.parse(fs.readFileSync(path.join(outDir, 'sources.json'), 'utf8')) as { dirs: string[]; files: string[] };
    for (const f of ['src-main/cli/main.ts', 'src-main/cli/commands/simulate.ts', 'src-main/workers/simulator.worker.ts', 'src-shared/sim/job.ts', 'src-shared/io/repetita.ts']) expect(list.files).toContain(f);
    for (const d of ['src-main', 'src-shared', 'src-main/cli', 'src-main/cli/commands', 'src-shared/sim']) expect(list.dirs).toContain(d);
    // Every listed path exists, and each file's folder is listed.
    for (const rel of [...list.dirs, ...list.files]) expect(fs.existsSync(path.join(repo, rel)), rel).toBe(true);
    for (const f of list.files) expect(list.dirs).toContain(path.posix.dirname(f));
  });

  it('runs a two-thread sweep with its worker beside it, and gets the golden answer', () => {
    for (const w of ['simulator.worker.js', 'simulator.worker.cjs', 'import.worker.js', 'validate.worker.js']) expect(fs.existsSync(path.join(outDir, w)), w).toBe(true);
    const r = runBundle('analyze', path.join(ZOO_DIR, 'Abilene.graphml'), '--traffic', 'uniform', '--threads', '2', '--json');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expectMatchesGolden(JSON.parse(r.out) as AnalyzeReport, JSON.parse(fs.readFileSync(path.join(GOLDEN_DIR, 'Abilene.json'), 'utf8')) as AnalyzeReport, 'Abilene');
  }, 60_000);
});

describe('bin/nettwin.mjs chooses what to run', () => {
  let root: string;
  beforeAll(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'nettwin-bin-'));
    fs.mkdirSync(path.join(root, 'bin'));
    fs.copyFileSync(path.join(repo, 'bin', 'nettwin.mjs'), path.join(root, 'bin', 'nettwin.mjs'));
    fs.mkdirSync(path.join(root, 'out', 'cli'), { recursive: true });
    fs.writeFileSync(path.join(root, 'out', 'cli', 'main.js'), "export async function main(argv) { console.log('bundle ' + argv.join(' ')); return 0; }\n");
    fs.writeFileSync(path.join(root, 'package.json'), '{"type":"module"}\n');
  });
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));
  const run = () => spawnSync(process.execPath, [path.join(root, 'bin', 'nettwin.mjs'), 'x', 'y'], { encoding: 'utf8', timeout: 30_000 });

  it('an install without sources runs the bundle', () => {
    expect(run()).toMatchObject({ status: 0, stdout: 'bundle x y\n', stderr: '' });
  });

  it('a checkout runs the bundle while it is newer than every source file', () => {
    fs.mkdirSync(path.join(root, 'src-main', 'cli'), { recursive: true });
    const src = path.join(root, 'src-main', 'cli', 'main.ts');
    fs.writeFileSync(src, 'export {};\n');
    const past = new Date(Date.now() - 60_000);
    fs.utimesSync(src, past, past);
    expect(run()).toMatchObject({ status: 0, stdout: 'bundle x y\n' });
  });

  it('a source edited after the build is not run stale: without tsx it says how to build', () => {
    const src = path.join(root, 'src-main', 'cli', 'main.ts');
    const future = new Date(Date.now() + 60_000);
    fs.utimesSync(src, future, future);
    const r = run();
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('nettwin: the command line is not built and tsx is not installed; run `npm run build:cli` (or `npm ci`) in the NetTwin folder\n');
  });

  describe('with the list of what the bundle was built from (out/cli/sources.json)', () => {
    const past = new Date(Date.now() - 60_000);
    const future = new Date(Date.now() + 60_000);
    const NOT_BUILT = 'nettwin: the command line is not built and tsx is not installed; run `npm run build:cli` (or `npm ci`) in the NetTwin folder\n';
    const fresh = (): void => {
      for (const d of ['src-main', 'src-shared']) fs.rmSync(path.join(root, d), { recursive: true, force: true });
      fs.mkdirSync(path.join(root, 'src-main', 'cli'), { recursive: true });
      fs.mkdirSync(path.join(root, 'src-main', 'app'), { recursive: true });
      fs.mkdirSync(path.join(root, 'src-shared'), { recursive: true });
      for (const f of ['src-main/cli/main.ts', 'src-main/app/window.ts']) fs.writeFileSync(path.join(root, f), 'export {};\n');
      fs.writeFileSync(path.join(root, 'out', 'cli', 'sources.json'), JSON.stringify({ roots: ['src-main', 'src-shared'], dirs: ['src-main', 'src-main/cli', 'src-shared'], files: ['src-main/cli/main.ts'] }));
      for (const p of ['src-main/cli/main.ts', 'src-main/app/window.ts', 'src-main/cli', 'src-main/app', 'src-main', 'src-shared']) fs.utimesSync(path.join(root, p), past, past);
    };
    afterAll(() => fs.rmSync(path.join(root, 'out', 'cli', 'sources.json'), { force: true }));

    it('runs the bundle while the listed files and folders are older, whatever else is newer', () => {
      fresh();
      expect(run()).toMatchObject({ status: 0, stdout: 'bundle x y\n' });
      // Not built from: an edit there cannot make the bundle stale (the walk of both trees said stale).
      fs.utimesSync(path.join(root, 'src-main', 'app', 'window.ts'), future, future);
      expect(run()).toMatchObject({ status: 0, stdout: 'bundle x y\n' });
    });

    it('is stale when a listed file was edited, removed, or a file was added beside one', () => {
      fresh();
      fs.utimesSync(path.join(root, 'src-main', 'cli', 'main.ts'), future, future);
      expect(run()).toMatchObject({ status: 1, stderr: NOT_BUILT });
      fresh();
      fs.rmSync(path.join(root, 'src-main', 'cli', 'main.ts'));
      expect(run()).toMatchObject({ status: 1, stderr: NOT_BUILT });
      fresh();
      // e.g. main.tsx beside main.ts, which an import of './main' would now resolve to.
      fs.writeFileSync(path.join(root, 'src-main', 'cli', 'main.tsx'), 'export {};\n');
      fs.utimesSync(path.join(root, 'src-main', 'cli', 'main.tsx'), past, past);
      fs.utimesSync(path.join(root, 'src-main', 'cli'), future, future);
      expect(run()).toMatchObject({ status: 1, stderr: NOT_BUILT });
    });

    it('walks both trees as before when the list cannot be read', () => {
      fresh();
      fs.writeFileSync(path.join(root, 'out', 'cli', 'sources.json'), '{not json');
      expect(run()).toMatchObject({ status: 0, stdout: 'bundle x y\n' });
      fs.utimesSync(path.join(root, 'src-main', 'app', 'window.ts'), future, future);
      expect(run()).toMatchObject({ status: 1, stderr: NOT_BUILT });
    });
  });
});
