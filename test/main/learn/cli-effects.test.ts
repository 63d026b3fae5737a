import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateDesign } from '../../../src-shared/generate/generate';
import { intentOfShape } from '../../../src-shared/learn/intents';
import type { LearntEffectsShape } from '../../../src-shared/contract/learn-types';
import type { Family } from '../../../src-shared/model/topology';
import { openProjectFile } from '../../../src-main/store/projectFile';
import { tempDir } from '../../helpers/tmp';

const root = path.resolve(__dirname, '../../..');
const bin = path.join(root, 'bin', 'nettwin.mjs');
const tmp = tempDir();
afterAll(() => tmp.cleanup());
const run = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', cwd: root });

describe('nettwin learn effects', () => {
  it('lists the effects with evidence, switches one on in the file, and prints the calibrated costs', () => {
    const file = path.join(tmp.dir, 'effects.nettwin');
    const p = openProjectFile(file, { create: { name: 'effects' } });
    const intent = intentOfShape({ sites: 6, regions: 1, redundancy: 'STANDARD', goal: 'cost', mix: 0, name: 'Shops' });
    const intentId = p.intents.insert(intent.name, intent).id;
    const rows: string[] = [];
    (['hub-spoke', 'dual-hub', 'ring', 'tree'] as Family[]).forEach((family, i) => {
      const d = generateDesign(intent, family, 1);
      p.topologies.insert({ name: family, topology: d.topology, source: 'generated', family, seed: 1, intentId, cost: d.cost });
      rows.push(`${family},capexUsd,${Math.round(d.cost.capexUsd * [1.05, 1.1, 1.08, 1.12][i]!)}`);
    });
    p.close();
    const csv = path.join(tmp.dir, 'capex.csv');
    fs.writeFileSync(csv, `design,metric,value\n${rows.join('\n')}\n`);
    expect(run('outcomes', 'import', file, '--file', csv).status).toBe(0);

    const listed = run('learn', 'effects', '--project', file);
    expect(listed.stderr).toBe('');
    expect(listed.status).toBe(0);
    expect(listed.stdout).toContain('[off] calibration:capexUsd');
    expect(listed.stdout).toMatch(/this organisation's one-time \(capex\) spend is \d+ % above the price book/);
    expect(listed.stdout).toContain('[on ] search-order');

    const on = run('learn', 'effects', '--project', file, '--on', 'calibration:capexUsd', '--actor', 'Finance', '--json');
    expect(on.stderr).toBe('');
    const doc = JSON.parse(on.stdout) as LearntEffectsShape;
    expect(doc.effects.find((e) => e.id === 'calibration:capexUsd')?.enabled).toBe(true);
    expect(doc.calibrated).toHaveLength(4);
    expect(doc.calibrated.every((c) => c.calibrated.value > c.raw && c.applied.includes('capex'))).toBe(true);
    // Stored in the file: a later run (read-only) sees it on.
    expect(run('learn', 'effects', '--project', file).stdout).toContain('[on ] calibration:capexUsd');

    const unknown = run('learn', 'effects', '--project', file, '--off', 'preference:ring|tree');
    expect(unknown.status).not.toBe(0);
    expect(unknown.stderr.trim().split('\n')).toHaveLength(1);
    expect(unknown.stderr).toContain('no learnt effect "preference:ring|tree"');
    expect(run('learn', 'effects').status).toBe(2);
  });
});
