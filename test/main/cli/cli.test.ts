import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_VERSION } from '../../../src-shared/lib/version';

const root = path.resolve(__dirname, '../../..');
const bin = path.join(root, 'bin', 'nettwin.mjs');

describe('nettwin command line', () => {
  it('prints its version, equal to package.json', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string };
    expect(APP_VERSION).toBe(pkg.version);
    expect(execFileSync(process.execPath, [bin, 'version'], { encoding: 'utf8' }).trim()).toBe(`nettwin ${pkg.version}`);
  });

  it('--help lists the commands and exits 0', () => {
    const out = execFileSync(process.execPath, [bin, '--help'], { encoding: 'utf8' });
    expect(out).toMatch(/Usage: nettwin <command>/);
    expect(out).toMatch(/version\s+Print the NetTwin version/);
  });

  it('an unknown command exits 2 with one line and no stack trace', () => {
    const r = spawnSync(process.execPath, [bin, 'frobnicate'], { encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/unknown command "frobnicate"/);
  });
});
