import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { ChromiumNotFoundError, CHROMIUM_CANDIDATES, findChromium, locateChromium } from '../../../src-main/services/pdf-chromium';
import { bundledChromium, bundledChromiumPackage, cacheRoot, readTar } from '../../../src-main/services/chromium-bundled';

const none = () => undefined;
const npmChromium = () => ({ executablePath: '/cache/nettwin/chromium-147/chromium', env: {} });

describe('findChromium', () => {
  it('CHROMIUM_PATH wins when it exists, and is an error when it does not', () => {
    expect(findChromium({ CHROMIUM_PATH: '/opt/chrome' }, (p) => p === '/opt/chrome', npmChromium)).toBe('/opt/chrome');
    expect(() => findChromium({ CHROMIUM_PATH: '/opt/none' }, () => false, npmChromium)).toThrow(/CHROMIUM_PATH is \/opt\/none, but no file is there/);
  });

  it('falls back to the usual install locations in order, before npm’s Chromium', () => {
    const second = CHROMIUM_CANDIDATES[1]!;
    expect(locateChromium({}, (p) => p === second || p === CHROMIUM_CANDIDATES[3], npmChromium)).toEqual({ executablePath: second, env: {}, source: 'system' });
  });

  it('with no system browser, uses the Chromium npm installed', () => {
    expect(locateChromium({}, () => false, npmChromium)).toMatchObject({ executablePath: '/cache/nettwin/chromium-147/chromium', source: 'bundled' });
  });

  it('with nothing installed at all, says what to do', () => {
    expect(() => findChromium({}, () => false, none)).toThrow(ChromiumNotFoundError);
    expect(() => findChromium({}, () => false, none)).toThrow(/set CHROMIUM_PATH/);
    const broken = () => {
      throw new Error('ENOSPC: no space left on device');
    };
    expect(() => findChromium({}, () => false, broken)).toThrow(/npm's Chromium \(@sparticuz\/chromium\) could not be unpacked: ENOSPC/);
  });
});

describe('bundledChromium', () => {
  it('is offered on Linux x64 only (the package ships no other build)', () => {
    expect(bundledChromium({ platform: 'darwin', arch: 'x64' })).toBeUndefined();
    expect(bundledChromium({ platform: 'win32', arch: 'x64' })).toBeUndefined();
    expect(bundledChromium({ platform: 'linux', arch: 'arm64' })).toBeUndefined();
  });

  it('keeps its cache in NETTWIN_CACHE_DIR, XDG_CACHE_HOME/nettwin or ~/.cache/nettwin', () => {
    expect(cacheRoot({ NETTWIN_CACHE_DIR: '/x/y' })).toBe('/x/y');
    expect(cacheRoot({ XDG_CACHE_HOME: '/c' })).toBe('/c/nettwin');
    expect(cacheRoot({ XDG_CACHE_HOME: 'relative' })).toBe(path.join(os.homedir(), '.cache', 'nettwin'));
  });

  it('unpacks a package into a private folder, whole files only, fonts with a fonts.conf of its own', () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'nettwin-chromium-'));
    try {
      const bin = path.join(tmp, 'bin');
      fs.mkdirSync(bin);
      fs.writeFileSync(path.join(bin, 'chromium.br'), zlib.brotliCompressSync(Buffer.from('#!/bin/sh\necho fake chromium\n')));
      fs.writeFileSync(path.join(bin, 'fonts.tar.br'), zlib.brotliCompressSync(tarOf({ 'fonts.conf': '<fontconfig/>', 'fonts/A/Font.ttf': 'glyphs', '../escape.ttf': 'x' })));
      const cache = path.join(tmp, 'cache');
      const got = bundledChromium({ platform: 'linux', arch: 'x64', binDir: bin, env: { NETTWIN_CACHE_DIR: cache } })!;
      expect(got.executablePath).toBe(path.join(cache, 'chromium-custom', 'chromium'));
      expect(fs.readFileSync(got.executablePath, 'utf8')).toContain('fake chromium');
      expect(fs.statSync(got.executablePath).mode & 0o777).toBe(0o700);
      const fonts = path.join(cache, 'chromium-custom', 'fonts');
      expect(fs.readdirSync(fonts).sort()).toEqual(['Font.ttf', 'escape.ttf', 'fonts.conf']);
      expect(fs.readFileSync(path.join(fonts, 'fonts.conf'), 'utf8')).toContain(`<dir>${fonts}</dir>`);
      expect(fs.existsSync(path.join(tmp, 'escape.ttf'))).toBe(false);
      // No temporary file is left beside the results.
      expect(fs.readdirSync(path.join(cache, 'chromium-custom')).sort()).toEqual(['chromium', 'fonts']);
      // A second call reuses what is there.
      fs.rmSync(path.join(bin, 'chromium.br'));
      expect(bundledChromium({ platform: 'linux', arch: 'x64', binDir: bin, env: { NETTWIN_CACHE_DIR: cache } })!.executablePath).toBe(got.executablePath);
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });

  it('finds the installed optional dependency (this machine is Linux x64 with npm ci done)', () => {
    if (process.platform !== 'linux' || process.arch !== 'x64') return expect.fail('this test expects a Linux x64 machine, as CI is');
    expect(bundledChromiumPackage()).toMatchObject({ version: '147.0.0' });
  });

  it('reads ustar archives and refuses one that runs past its end', () => {
    const tar = tarOf({ 'a.txt': 'hello', 'd/b.ttf': 'x'.repeat(700) });
    expect(readTar(tar).map((e) => [e.name, e.type, e.data.length])).toEqual([['a.txt', 'file', 5], ['d/b.ttf', 'file', 700]]);
    expect(() => readTar(tar.subarray(0, 1800))).toThrow(/runs past the end/);
  });
});

/** A minimal ustar archive of the given files. */
function tarOf(files: Record<string, string>): Buffer {
  const blocks: Buffer[] = [];
  for (const [name, body] of Object.entries(files)) {
    const h = Buffer.alloc(512);
    h.write(name, 0, 'utf8');
    h.write('0000644\0', 100);
    h.write(`${Buffer.byteLength(body).toString(8).padStart(11, '0')}\0`, 124);
    h.write('0', 156);
    h.write('ustar\0', 257);
    blocks.push(h);
    const data = Buffer.from(body);
    blocks.push(Buffer.concat([data, Buffer.alloc((512 - (data.length % 512)) % 512)]));
  }
  blocks.push(Buffer.alloc(1024));
  return Buffer.concat(blocks);
}
