// Helpers shared by the npm scripts (plain Node, no build needed).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function newestMtime(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(p));
    else newest = Math.max(newest, fs.statSync(p).mtimeMs);
  }
  return newest;
}

/** True when out/ is missing or older than any source that goes into the bundles. */
export function buildIsStale() {
  const marker = path.join(repoRoot, 'out', 'renderer', 'index.html');
  if (!fs.existsSync(marker)) return true;
  const built = fs.statSync(marker).mtimeMs;
  return ['src-renderer', 'src-shared', 'src-main'].some((d) => newestMtime(path.join(repoRoot, d)) > built);
}

export function buildIfNeeded() {
  if (!buildIsStale()) return;
  console.log('Building NetTwin (electron-vite build)…');
  const r = spawnSync(process.execPath, [path.join(repoRoot, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'], {
    cwd: repoRoot, stdio: 'inherit',
  });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

/** Path of the Electron binary when one is installed, else null with the reason. */
export function electronBinary() {
  try {
    const pathFile = path.join(repoRoot, 'node_modules', 'electron', 'path.txt');
    if (!fs.existsSync(pathFile)) return { bin: null, reason: 'the Electron binary was not downloaded (installed with ELECTRON_SKIP_BINARY_DOWNLOAD=1 or offline)' };
    const bin = path.join(repoRoot, 'node_modules', 'electron', 'dist', fs.readFileSync(pathFile, 'utf8').trim());
    if (!fs.existsSync(bin)) return { bin: null, reason: `the Electron binary is missing at ${bin}` };
    return { bin, reason: null };
  } catch (err) {
    return { bin: null, reason: String(err) };
  }
}
