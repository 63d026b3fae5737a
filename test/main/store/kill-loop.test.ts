import { afterAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import { killLoop } from '../../../scripts/durability/killLoop';
import { tempDir } from '../../helpers/tmp';

// A few rounds of the kill loop (npm run durability: 60 killed creates and
// 200 kills across create, save, export, Save As copy, import and optimize).
// Before the fix a killed create left a 0-byte project that blocked its name,
// and killed saves and exports left temps that no restart removed.

const tmp = tempDir();
afterAll(tmp.cleanup);

describe('SIGKILL at random moments', () => {
  it('killed creates: each project appears whole or not at all, and the next process sweeps the temps', async () => {
    const r = await killLoop({ dir: path.join(tmp.dir, 'creates'), kills: 8, mode: 'create', maxDelayMs: 150, seed: 3 });
    expect(r.failures).toEqual([]);
    expect(r.kills).toBe(8);
    expect(r.killedDuring.create ?? 0).toBeGreaterThan(0);
  }, 120_000);

  it('killed writers (create, save, export, Save As, import, optimise): the project opens intact with every acknowledged write', async () => {
    const r = await killLoop({ dir: path.join(tmp.dir, 'mixed'), kills: 10, mode: 'mixed', seed: 14 });
    expect(r.failures).toEqual([]);
    expect(r.kills).toBe(10);
    expect(r.acknowledged).toBeGreaterThan(0); // how many depends on the machine's speed
  }, 180_000);
});
