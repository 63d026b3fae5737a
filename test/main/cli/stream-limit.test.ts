import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../../src-main/cli/main';

// Issue 14: `nettwin import /dev/zero --format graphml` reached 1.58 GB in
// 4 s: the 64 MB cap trusted the size stat reports, which is 0 for devices
// and pipes. The cap is now counted while reading.

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nettwin-stream-limit-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function run(argv: string[]): Promise<{ code: number; err: string[] }> {
  const err: string[] = [];
  const code = await main(argv, { out: () => undefined, err: (t) => err.push(t) });
  return { code, err };
}

describe('the CLI read cap holds for devices and pipes', () => {
  it('import /dev/zero stops at 64 MB with one line and exit 2, writing nothing', async () => {
    const out = path.join(dir, 'zero.nettwin');
    const before = process.memoryUsage().rss;
    const r = await run(['import', '/dev/zero', '--format', 'graphml', '--out', out]);
    expect(r.code).toBe(2);
    expect(r.err).toEqual([expect.stringMatching(/\/dev\/zero: larger than the 64 MB NetTwin reads from one file/)]);
    expect(process.memoryUsage().rss - before).toBeLessThan(400 * 1024 * 1024);
    expect(fs.existsSync(out)).toBe(false);
  });

  it('an intent read from a pipe that never ends is stopped the same way', async () => {
    const fifo = path.join(dir, 'endless.json');
    if (spawnSync('mkfifo', [fifo]).status !== 0) throw new Error('mkfifo is needed for this test');
    const writer = spawn('sh', ['-c', `yes '{"a":1}' > '${fifo}'`], { stdio: 'ignore' });
    try {
      const r = await run(['generate', '--intent', fifo, '--all']);
      expect(r.code).toBe(2);
      expect(r.err.join('\n')).toMatch(/endless\.json: larger than the 64 MB NetTwin reads from one file/);
    } finally {
      writer.kill();
    }
  });
});
