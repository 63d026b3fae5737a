import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CliError, type CliIo } from '../../../src-main/cli/command';
import { capacityCommand } from '../../../src-main/cli/commands/capacity';
import { generateCommand } from '../../../src-main/cli/commands/generate';
import { learnCommand } from '../../../src-main/cli/commands/learn';
import { trafficCommand } from '../../../src-main/cli/commands/traffic';
import { openProjectFile } from '../../../src-main/store/projectFile';
import type { StoredCapacityPlan } from '../../../src-shared/capacity/types';
import { storedPolicy } from '../../../src-shared/optimise/stored';
import { syntheticCounters } from '../../helpers/counters';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'nettwin-capacity-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

async function run(args: string[], command = capacityCommand): Promise<{ code: number; out: string }> {
  const out: string[] = [];
  const io: CliIo = { out: (t) => out.push(t), err: () => undefined };
  const code = await command.run(args, io);
  return { code, out: out.join('\n') };
}

describe('nettwin capacity', () => {
  it('plans from synthetic measured growth, governs each step, builds an approved one and compares the measured outcome', async () => {
    const intentFile = path.join(tmp, 'intent.json');
    fs.writeFileSync(
      intentFile,
      JSON.stringify({ name: 'Capacity', redundancy: 'STANDARD', siteGroups: [{ role: 'hq', count: 1, region: 'eu' }, { role: 'datacenter', count: 2, region: 'eu' }, { role: 'branch', count: 5, region: 'eu' }] }),
    );
    const file = path.join(tmp, 'p.nettwin');
    expect((await run(['--intent', intentFile, '--family', 'partial-mesh', '--out', file], generateCommand)).code).toBe(0);
    let pf = openProjectFile(file, {});
    const design = pf.topologies.list()[0]!;
    const topology = pf.topologies.get(design.id).topology;
    pf.close();
    // Four measured quarters growing 20 % a quarter, then the fifth (measured after the change is built).
    const measured = syntheticCounters(topology, { periods: 4, firstQuarter: '2026-Q1', defaultPct: 20, seed: 3 });
    const csv = path.join(tmp, 'counters.csv');
    fs.writeFileSync(csv, measured.csv);
    expect((await run(['import', file, '--file', csv, '--period', 'quarter', '--json'], trafficCommand)).code).toBe(0);

    const r = JSON.parse((await run(['plan', file, '--periods', '4', '--json'])).out) as StoredCapacityPlan;
    const plan = r.plan;
    expect(plan.basis.demands).toBe('measured');
    expect(plan.periods.map((p) => p.label)).toEqual(['2026-Q4', '2027-Q1', '2027-Q2', '2027-Q3', '2027-Q4']);
    // The fitted network growth recovers the 20 % the counters were made with, inside its interval.
    expect(plan.growth.network.intervalPct![0]).toBeLessThan(20);
    expect(plan.growth.network.intervalPct![1]).toBeGreaterThan(20);
    expect(plan.steps.length).toBeGreaterThan(1);
    expect(plan.steps.every((s) => s.verified)).toBe(true);
    expect(plan.periods.every((p) => p.overWithPlan === 0)).toBe(true);
    expect(plan.periods.at(-1)!.overAsIs).toBeGreaterThan(0);
    const aheads = plan.steps.map((s) => s.due.ahead);
    expect([...aheads].sort((a, b) => a - b)).toEqual(aheads);
    // Default policy: under $10k and one element → auto-approved; every step changes one link.
    for (const s of plan.steps) {
      const state = r.steps.find((x) => x.seq === s.seq)!;
      expect(state.status).toBe(Math.abs(s.tcoUsd) < 10_000 ? 'auto-approved' : 'proposed');
    }

    // A threshold between the cheapest and the dearest step: both verdicts, and the reason names the threshold.
    const costs = [...new Set(plan.steps.map((s) => Math.abs(s.tcoUsd)))].sort((a, b) => a - b);
    expect(costs.length).toBeGreaterThan(1);
    const threshold = (costs[0]! + costs[1]!) / 2;
    pf = openProjectFile(file, {});
    pf.meta.set('governance.policy', JSON.stringify(storedPolicy({ autoApproveMaxCostUsd: threshold, autoStrategies: ['load'], autoApproveMaxElements: 1 })));
    pf.close();
    const governed = JSON.parse((await run(['plan', file, '--periods', '4', '--json'])).out) as StoredCapacityPlan;
    const statuses = new Set(governed.steps.map((s) => s.status));
    expect(statuses).toEqual(new Set(['auto-approved', 'proposed']));
    const waiting = governed.steps.find((s) => s.status === 'proposed')!;
    expect(waiting.reason).toMatch(/is not below/);
    expect(waiting.decidedBy).toBeNull();

    // A decision needs a person and a reason.
    await expect(run(['approve', file, '--step', waiting.id, '--actor', 'Ada'])).rejects.toBeInstanceOf(CliError);
    const approved = JSON.parse((await run(['approve', file, '--step', waiting.id, '--actor', 'Ada Lovelace', '--reason', 'board approved the Q1 budget', '--json'])).out) as StoredCapacityPlan;
    const st = approved.steps.find((s) => s.id === waiting.id)!;
    expect([st.status, st.decidedBy, st.decisionReason]).toEqual(['approved', 'Ada Lovelace', 'board approved the Q1 budget']);
    const step = governed.plan.steps.find((s) => s.seq === waiting.seq)!;

    // Built: the design changes as the step says, at a new revision.
    const built = JSON.parse((await run(['built', file, '--step', waiting.id, '--actor', 'Ada Lovelace', '--json'])).out) as StoredCapacityPlan;
    expect(built.steps.find((s) => s.id === waiting.id)!.builtRevision).toBe(design.revision + 1);
    pf = openProjectFile(file, {});
    const after = pf.topologies.get(design.id).topology;
    const actions = pf.audit.list().map((a) => a.action);
    pf.close();
    const op = step.patch[0]!;
    if (op.op === 'set-capacity') expect(after.links.find((l) => l.id === op.linkId)!.capacityGbps).toBe(op.to.gbps);
    else if (op.op === 'add-link') expect(after.links.some((l) => l.id === op.link.id)).toBe(true);
    expect(actions).toEqual(expect.arrayContaining(['capacity.plan', 'capacity.auto-approved', 'capacity.proposed', 'capacity.approved', 'capacity.built']));

    // The quarters after it are measured (the same growth): predicted and measured utilisation side by side, close.
    const later = syntheticCounters(topology, { periods: 8, firstQuarter: '2026-Q1', defaultPct: 20, seed: 3 });
    const laterCsv = path.join(tmp, 'later.csv');
    const from = Date.UTC(2026, 9, 1) / 1000;
    fs.writeFileSync(laterCsv, [later.csv.split('\n')[0], ...later.csv.split('\n').slice(1).filter((l) => Number(l.split(',')[0]) >= from)].join('\n'));
    expect((await run(['import', file, '--file', laterCsv, '--period', 'quarter', '--json'], trafficCommand)).code).toBe(0);
    const outcomes = JSON.parse((await run(['outcomes', file, '--plan', governed.id, '--json'])).out) as StoredCapacityPlan;
    const m = outcomes.steps.find((s) => s.id === waiting.id)!.measured!;
    expect(m.length).toBeGreaterThan(0);
    for (const row of m) {
      expect(row.measured).toBeGreaterThan(0);
      expect(Math.abs(row.measured - row.predicted) / row.predicted).toBeLessThan(0.3);
    }
    // …and feed learning: the utilisation calibration counts them as evidence, predicted against measured.
    const effects = JSON.parse((await run(['effects', '--project', file, '--json'], learnCommand)).out) as { effects: { id: string; evidence?: unknown }[] };
    const utilisation = effects.effects.find((e) => e.id === 'calibration:utilisation');
    expect(utilisation, JSON.stringify(effects.effects.map((e) => e.id))).toBeDefined();
    expect(JSON.stringify(utilisation)).toContain('capacity plan step');

    // The text form: dated steps with their worst case before → after.
    const text = (await run(['plan', file, '--periods', '2'])).out;
    expect(text).toMatch(/by (Q\d \d{4}): /);
    expect(text).toContain('verified in the twin: yes');
  }, 120_000);

  it('names the bad option', async () => {
    const file = path.join(tmp, 'p.nettwin');
    await expect(run(['plan', file, '--growth', 'fast'])).rejects.toThrow(/--growth: "fast" is not a rate/);
    await expect(run(['plan', file, '--site-growth', 'Atlantis=5%'])).rejects.toThrow(/names no site, region or role/);
    await expect(run(['plan', file, '--bound', 'max'])).rejects.toThrow(/--bound must be one of expected, high/);
  });
});
