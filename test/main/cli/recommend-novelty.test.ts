import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../helpers/tmp';

/**
 * `nettwin recommend --json` carries the note on an intent unlike history
 * (`novelty`), the same text the text output prints after "note:" — one rule
 * (learn/recommend.ts noveltyNote) for every surface, in both modes. Four
 * sites across the Atlantic are unlike anything in the shipped history; a
 * 30-branch CRITICAL European intent is like much of it (novelty null).
 */
const root = path.resolve(__dirname, '../../..');
const bin = path.join(root, 'bin', 'nettwin.mjs');
const tmp = tempDir();
afterAll(() => tmp.cleanup());
const run = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', cwd: root });

const UNFAMILIAR = {
  name: 'Transatlantic trading desks',
  redundancy: 'STANDARD',
  budgetUsd: 2_000_000,
  siteGroups: [
    { role: 'hq', region: 'us', sites: [{ name: 'New York', lat: 40.71, lon: -74.0 }] },
    { role: 'branch', region: 'eu', sites: [{ name: 'London', lat: 51.51, lon: -0.13 }, { name: 'Frankfurt', lat: 50.11, lon: 8.68 }] },
    { role: 'branch', region: 'us', name: 'us-branch', sites: [{ name: 'Chicago', lat: 41.88, lon: -87.63 }] },
  ],
  constraints: { maxLatencyMs: 20 },
};
const FAMILIAR = { siteGroups: [{ role: 'datacenter', count: 2, region: 'eu' }, { role: 'branch', count: 30, region: 'eu' }], redundancy: 'CRITICAL', goal: 'cost' };

/** The text output's "note: …" line, or null when it prints none. */
const noteOf = (out: string): string | null => /^note: (.*)$/m.exec(out)?.[1] ?? null;

describe('nettwin recommend --json: the novelty note', () => {
  for (const mode of ['instant', 'verified'] as const) {
    it(`${mode}: --json's novelty is the text output's note, worded for the mode`, () => {
      const file = path.join(tmp.dir, `unfamiliar-${mode}.json`);
      fs.writeFileSync(file, JSON.stringify(UNFAMILIAR));
      const j = run('recommend', '--intent', file, '--mode', mode, '--json');
      expect(j.stderr).toBe('');
      expect(j.status).toBe(0);
      const doc = JSON.parse(j.stdout) as { novelty: string | null };
      const t = run('recommend', '--intent', file, '--mode', mode);
      expect(t.status).toBe(0);
      expect(doc.novelty).toMatch(/^This intent is unlike anything in history/);
      expect(doc.novelty).toBe(noteOf(t.stdout));
      // A verified ranking is measured: its note says so and says nothing of confidence.
      if (mode === 'verified') expect(doc.novelty).toMatch(/the ranking is measured by generation and simulation/);
      else expect(doc.novelty).toMatch(/confidence/);
    }, 180_000);
  }

  it('an intent like history: novelty null, and no note in the text', () => {
    const file = path.join(tmp.dir, 'familiar.json');
    fs.writeFileSync(file, JSON.stringify(FAMILIAR));
    const doc = JSON.parse(run('recommend', '--intent', file, '--json').stdout) as Record<string, unknown>;
    expect(Object.keys(doc)).toContain('novelty');
    expect(doc['novelty']).toBeNull();
    expect(noteOf(run('recommend', '--intent', file).stdout)).toBeNull();
  }, 180_000);
});
