import crypto from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';

/**
 * The Chromium that npm installs: the optional dependency @sparticuz/chromium
 * ships a Brotli-compressed headless Chromium for Linux x64 (its package has
 * no other platform). Used only when no Chromium/Chrome is on the machine and
 * CHROMIUM_PATH is unset, for PDF output and for the end-to-end tests.
 *
 * We unpack it ourselves instead of calling the package's executablePath():
 * that one writes to the shared /tmp/chromium and trusts any file already
 * there (another user could plant one; a half-written one from a concurrent
 * unpack would be started). Ours goes to a private, versioned cache folder
 * (0700), each file written under a random temporary name and renamed into
 * place, so a reader sees the whole binary or none.
 */

export interface BundledChromium {
  executablePath: string;
  /** Extra environment for the browser process (fonts when the machine has no fontconfig setup). */
  env: Record<string, string>;
}

export interface BundledChromiumOptions {
  env?: NodeJS.ProcessEnv;
  platform?: NodeJS.Platform;
  arch?: string;
  /** Where the package's bin/ folder is; found through node's resolution when absent. */
  binDir?: string;
}

/** The package's bin/ folder and version, or undefined when the optional dependency is not installed. */
export function bundledChromiumPackage(): { binDir: string; version: string } | undefined {
  try {
    const entry = createRequire(import.meta.url).resolve('@sparticuz/chromium');
    // entry is <pkg>/build/cjs/index.cjs (or build/esm): the package root is two folders up.
    const root = path.resolve(path.dirname(entry), '../..');
    const pkg: unknown = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
    const version = typeof pkg === 'object' && pkg !== null && 'version' in pkg ? pkg.version : undefined;
    const binDir = path.join(root, 'bin');
    if (typeof version !== 'string' || !fs.existsSync(path.join(binDir, 'chromium.br'))) return undefined;
    return { binDir, version };
  } catch {
    return undefined;
  }
}

/** $NETTWIN_CACHE_DIR, else $XDG_CACHE_HOME/nettwin, else ~/.cache/nettwin. */
export function cacheRoot(env: NodeJS.ProcessEnv = process.env): string {
  if (env['NETTWIN_CACHE_DIR']) return path.resolve(env['NETTWIN_CACHE_DIR']);
  const xdg = env['XDG_CACHE_HOME'];
  return path.join(xdg && path.isAbsolute(xdg) ? xdg : path.join(os.homedir(), '.cache'), 'nettwin');
}

/**
 * The bundled Chromium, unpacked on first use (about 2 s, 190 MB on disk), or
 * undefined where the package is absent or cannot run (not Linux x64).
 */
export function bundledChromium(opts: BundledChromiumOptions = {}): BundledChromium | undefined {
  const platform = opts.platform ?? process.platform;
  const arch = opts.arch ?? process.arch;
  if (platform !== 'linux' || arch !== 'x64') return undefined;
  const pkg = opts.binDir !== undefined ? { binDir: opts.binDir, version: 'custom' } : bundledChromiumPackage();
  if (pkg === undefined) return undefined;
  const env = opts.env ?? process.env;
  const dir = path.join(cacheRoot(env), `chromium-${pkg.version}`);
  const executablePath = path.join(dir, 'chromium');
  const fontsDir = path.join(dir, 'fonts');
  if (!fs.existsSync(executablePath)) {
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    // Fonts first, binary last: the binary's presence means the unpack is complete.
    if (!fs.existsSync(fontsDir)) unpackFonts(path.join(pkg.binDir, 'fonts.tar.br'), dir, fontsDir);
    writeAtomically(executablePath, zlib.brotliDecompressSync(fs.readFileSync(path.join(pkg.binDir, 'chromium.br'))), 0o700);
  }
  // A machine without fontconfig set up (a bare container) would print PDFs with no glyphs:
  // give Chromium the package's Open Sans. Where fontconfig exists, the system fonts win.
  const browserEnv: Record<string, string> = {};
  if (!fs.existsSync('/etc/fonts/fonts.conf') && fs.existsSync(path.join(fontsDir, 'fonts.conf'))) browserEnv['FONTCONFIG_PATH'] = fontsDir;
  return { executablePath, env: browserEnv };
}

function tempName(target: string): string {
  return path.join(path.dirname(target), `.${path.basename(target)}.${crypto.randomBytes(8).toString('hex')}.tmp`);
}

function writeAtomically(target: string, data: Uint8Array, mode: number): void {
  const tmp = tempName(target);
  try {
    fs.writeFileSync(tmp, data, { mode, flag: 'wx' });
    fs.renameSync(tmp, target);
  } finally {
    fs.rmSync(tmp, { force: true });
  }
}

/** Unpacks the package's fonts tarball into fontsDir (via a temporary folder), with a fonts.conf that points at it. */
function unpackFonts(tarBr: string, dir: string, fontsDir: string): void {
  if (!fs.existsSync(tarBr)) return;
  const tmp = tempName(fontsDir);
  fs.mkdirSync(tmp, { mode: 0o700 });
  try {
    for (const entry of readTar(zlib.brotliDecompressSync(fs.readFileSync(tarBr)))) {
      // Only plain font files, flattened: nothing in the archive decides where we write.
      if (entry.type !== 'file' || !/\.(ttf|otf|ttc)$/i.test(entry.name)) continue;
      fs.writeFileSync(path.join(tmp, path.basename(entry.name)), entry.data, { mode: 0o600 });
    }
    const conf = `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n  <dir>${fontsDir}</dir>\n  <cachedir>${path.join(dir, 'fonts-cache')}</cachedir>\n</fontconfig>\n`;
    fs.writeFileSync(path.join(tmp, 'fonts.conf'), conf, { mode: 0o600 });
    try {
      fs.renameSync(tmp, fontsDir);
    } catch (err) {
      // Another process unpacked them first: theirs is as good as ours.
      if (!fs.existsSync(fontsDir)) throw err;
    }
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

export interface TarEntry {
  name: string;
  type: 'file' | 'dir' | 'other';
  data: Uint8Array;
}

/** A ustar reader for the package's small fonts archive (names, sizes, file/dir types; no extensions needed). */
export function readTar(buf: Uint8Array): TarEntry[] {
  const out: TarEntry[] = [];
  const text = (from: number, len: number) => {
    const bytes = buf.subarray(from, from + len);
    const end = bytes.indexOf(0);
    return Buffer.from(end < 0 ? bytes : bytes.subarray(0, end)).toString('utf8');
  };
  let at = 0;
  while (at + 512 <= buf.length) {
    const name = text(at, 100);
    if (name === '') break; // two zero blocks end the archive
    const size = parseInt(text(at + 124, 12).trim() || '0', 8);
    if (!Number.isFinite(size) || size < 0 || at + 512 + size > buf.length) throw new Error(`tar: entry ${name} runs past the end of the archive`);
    const prefix = text(at + 345, 155);
    const flag = String.fromCharCode(buf[at + 156] ?? 0);
    const type = flag === '0' || flag === '\0' ? 'file' : flag === '5' ? 'dir' : 'other';
    out.push({ name: prefix ? `${prefix}/${name}` : name, type, data: buf.subarray(at + 512, at + 512 + size) });
    at += 512 + Math.ceil(size / 512) * 512;
  }
  return out;
}
