import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const repo = path.resolve(__dirname, '../../..');
const cli = path.join(repo, 'bin/nettwin.mjs');

describe('files the CLI reads are capped before they are read (real process)', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nettwin-read-limit-'));
    // Sparse: 100 MB on paper, nothing on disk.
    for (const name of ['big.clab.yml', 'big.intent.json']) {
      fs.writeFileSync(path.join(dir, name), 'x');
      fs.truncateSync(path.join(dir, name), 100 * 1024 * 1024);
    }
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it.each([
    ['import', ['import', 'big.clab.yml', '--out', 'p.nettwin'], 'big.clab.yml'],
    ['recommend', ['recommend', '--intent', 'big.intent.json'], 'big.intent.json'],
  ])('%s refuses a 100 MB file in one line, exit 2, and writes nothing', (_name, args, file) => {
    const r = spawnSync(process.execPath, [cli, ...args], { cwd: dir, encoding: 'utf8' });
    expect(r.status).toBe(2);
    const lines = r.stderr.split('\n').filter((l) => l !== '');
    expect(lines).toEqual([expect.stringMatching(new RegExp(`${file.replace('.', '\\.')}: file is 100\\.0 MB, larger than the 64 MB NetTwin reads from one file`))]);
    expect(fs.existsSync(path.join(dir, 'p.nettwin'))).toBe(false);
  });
});
