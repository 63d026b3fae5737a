import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CliError, type CliIo } from '../../../src-main/cli/command';
import { generateCommand } from '../../../src-main/cli/commands/generate';
import { trafficCommand } from '../../../src-main/cli/commands/traffic';
import { openProjectFile } from '../../../src-main/store/projectFile';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'nettwin-traffic-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

async function run(command: typeof trafficCommand, args: string[]): Promise<{ code: number; out: string }> {
  const out: string[] = [];
  const io: CliIo = { out: (t) => out.push(t), err: () => undefined };
  const code = await command.run(args, io);
  return { code, out: out.join('\n') };
}

describe('nettwin traffic', () => {
  it('imports counters per period with a match report, keeps them in the project and estimates a matrix that fits them', async () => {
    const intent = path.join(tmp, 'intent.json');
    fs.writeFileSync(intent, JSON.stringify({ name: 'T', siteGroups: [{ role: 'hq', count: 1 }, { role: 'datacenter', count: 1 }, { role: 'branch', count: 3 }] }));
    const file = path.join(tmp, 'p.nettwin');
    expect((await run(generateCommand, ['--intent', intent, '--family', 'hub-spoke', '--out', file])).code).toBe(0);
    const pf = openProjectFile(file, {});
    const design = pf.topologies.list()[0]!;
    const links = pf.topologies.get(design.id).topology.links.filter((l) => l.source !== l.target);
    pf.close();
    const rows = ['time,link,in_bps,out_bps'];
    ['2027-01-04', '2027-02-04'].forEach((day, k) => links.forEach((l, i) => rows.push(`${day}T12:00:00Z,${l.id},${(i + 1 + k) * 1e8},${(i + 2 + k) * 1e8}`)));
    rows.push('2027-01-04T12:00:00Z,no-such-link,1,1');
    const csv = path.join(tmp, 'counters.csv');
    fs.writeFileSync(csv, rows.join('\n'));

    const imported = await run(trafficCommand, ['import', file, '--file', csv, '--json']);
    const r = JSON.parse(imported.out) as { report: { matched: number; samples: number; unmatched: { why: string }[]; unmeasuredLinks: string[] }; periods: { label: string; linksMeasured: number }[] };
    expect(r.report.matched).toBe(2 * links.length);
    expect(r.report.unmatched[0]!.why).toBe('link "no-such-link" is not in the design');
    expect(r.report.unmeasuredLinks).toEqual([]);
    expect(r.periods.map((p) => [p.label, p.linksMeasured])).toEqual([['2027-01', links.length], ['2027-02', links.length]]);

    // A re-import of the same periods replaces them: still two periods, not four.
    await run(trafficCommand, ['import', file, '--file', csv, '--json']);
    const again = openProjectFile(file, {});
    expect(again.traffic.list(design.id).map((p) => p.label)).toEqual(['2027-01', '2027-02']);
    again.close();

    const est = JSON.parse((await run(trafficCommand, ['estimate', file, '--period', '2027-01', '--method', 'tomogravity', '--json'])).out) as {
      period: string;
      fit: { measuredGbps: number; fittedGbps: number }[];
      fitError: number;
      demands: unknown[];
    };
    expect(est.period).toBe('2027-01');
    expect(est.fit).toHaveLength(2 * links.length);
    // Arbitrary per-link rates need not come from one matrix (a hub balances what it forwards), so the
    // fit is a least-squares one: tomogravity reaches the same floor as NNLS, and no worse than its prior.
    const fitOf = async (method: string): Promise<number> =>
      (JSON.parse((await run(trafficCommand, ['estimate', file, '--period', '2027-01', '--method', method, '--json'])).out) as { fitError: number }).fitError;
    const [gravity, nnls] = [await fitOf('gravity'), await fitOf('nnls')];
    expect(est.fitError).toBeLessThan(0.2);
    expect(est.fitError).toBeLessThanOrEqual(gravity + 1e-9);
    expect(Math.abs(est.fitError - nnls)).toBeLessThan(0.02);
    expect(est.demands.length).toBeGreaterThan(0);
    const growth = JSON.parse((await run(trafficCommand, ['growth', file, '--ahead', '2', '--json'])).out) as {
      links: number;
      periods: { totalGbps: number }[];
      fit: { rate: number; interval: null };
      forecast: { expected: number }[];
    };
    // February's rates are January's + 1e8 per direction and link.
    const [jan, feb] = growth.periods.map((p) => p.totalGbps);
    expect(feb! - jan!).toBeCloseTo(2 * links.length * 0.1, 6);
    expect(growth.fit.rate).toBeCloseTo(feb! / jan! - 1, 9);
    expect(growth.fit.interval).toBeNull();
    expect(growth.forecast[1]!.expected).toBeCloseTo(feb! * (feb! / jan!) ** 2, 6);
    const text = (await run(trafficCommand, ['estimate', file])).out;
    expect(text).toMatch(/tomogravity estimate for period 2027-02/);
  });

  it('refuses bad options and unknown periods with one clear line', async () => {
    await expect(run(trafficCommand, ['import', 'x.nettwin'])).rejects.toThrow(CliError);
    await expect(run(trafficCommand, ['estimate', 'x.nettwin', '--method', 'magic'])).rejects.toThrow(/--method must be one of gravity, tomogravity, nnls/);
    await expect(run(trafficCommand, ['frobnicate', 'x.nettwin'])).rejects.toThrow(/expected "import FILE.nettwin"/);
  });
});
