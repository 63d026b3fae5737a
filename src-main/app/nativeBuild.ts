import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { electronBindingDir, electronBindingPath, type RuntimeFacts } from '../store/nativeBinding';

/**
 * Builds better-sqlite3 for Electron's ABI into its own folder (never in
 * node_modules, whose Node-ABI build the CLI, host and tests keep using).
 * Needs Electron's headers, so it runs on first launch where the network
 * allows; node-gyp runs under Electron itself with ELECTRON_RUN_AS_NODE.
 */
export async function buildElectronBinding(opts: {
  facts: RuntimeFacts & { electron: string };
  baseDir: string;
  moduleDir: string; // node_modules/better-sqlite3
  nodeGypBin: string; // node_modules/node-gyp/bin/node-gyp.js
  log: (line: string) => void;
}): Promise<string> {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'nettwin-native-'));
  try {
    fs.cpSync(opts.moduleDir, work, {
      recursive: true,
      filter: (src) => !src.includes(`${path.sep}build${path.sep}`) && !src.endsWith(`${path.sep}build`),
    });
    opts.log(`native: building better-sqlite3 for Electron ${opts.facts.electron} in ${work}`);
    await new Promise<void>((resolve, reject) => {
      execFile(
        process.execPath,
        [opts.nodeGypBin, 'rebuild', '--release', `--target=${opts.facts.electron}`, `--arch=${opts.facts.arch}`,
          '--dist-url=https://electronjs.org/headers', '--runtime=electron'],
        { cwd: work, env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' }, timeout: 10 * 60_000 },
        (err, _stdout, stderr) => (err ? reject(new Error(`node-gyp failed: ${stderr.slice(-2000)}`)) : resolve()),
      );
    });
    const built = path.join(work, 'build', 'Release', 'better_sqlite3.node');
    fs.mkdirSync(electronBindingDir(opts.baseDir, opts.facts), { recursive: true });
    const dest = electronBindingPath(opts.baseDir, opts.facts);
    fs.copyFileSync(built, `${dest}.tmp`);
    fs.renameSync(`${dest}.tmp`, dest);
    return dest;
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}
