import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CliError, type CliIo } from '../../../src-main/cli/command';
import { generateCommand } from '../../../src-main/cli/commands/generate';
import { validateCommand } from '../../../src-main/cli/commands/validate';
import { openProjectFile } from '../../../src-main/store/projectFile';
import { TOPOLOGY_FAMILIES } from '../../../src-shared/model/topology';

const root = path.resolve(__dirname, '../../..');
const fixture = (name: string) => path.join(root, 'test', 'fixtures', 'intents', name);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'nettwin-generate-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

async function run(command: typeof generateCommand, args: string[]): Promise<{ code: number; out: string; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { out: (t) => out.push(t), err: (t) => err.push(t) };
  const code = await command.run(args, io);
  return { code, out: out.join('\n'), err };
}

interface JsonDoc {
  designs: { family: string; seed: number; topology: { nodes: unknown[]; links: unknown[] }; cost: { totalUsd: number; capexUsd: number; mrcUsd: number; tcoUsd: number }; capexUsd: number; mrcUsd: number; tcoUsd: number; validation: { score: number; passed: boolean; checks: { id: string }[] } }[];
  skipped: unknown[];
}

describe('nettwin generate', () => {
  it('--json prints one document with every family, its topology, cost and validation', async () => {
    const r = await run(generateCommand, ['--intent', fixture('regional-retail.intent.json'), '--all', '--seed', '3', '--json']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out) as JsonDoc;
    // A retailer's HQ, DC and 40 stores: leaf-spine (a datacenter fabric), rings (42 sites) and a full mesh
    // are listed as not applicable, with the reason, instead of being priced (issue 16).
    const notApplicable = ['leaf-spine', 'ring', 'dual-ring', 'full-mesh'];
    expect(doc.designs.map((d) => d.family)).toEqual(TOPOLOGY_FAMILIES.filter((f) => !notApplicable.includes(f)));
    for (const d of doc.designs) {
      expect(d.seed).toBe(3);
      expect(d.topology.nodes.length).toBeGreaterThan(0);
      expect(d.topology.links.length).toBeGreaterThan(0);
      expect(d.cost.totalUsd).toBeGreaterThan(0);
      // The headline figures a script reads first, beside the whole breakdown.
      expect([d.capexUsd, d.mrcUsd, d.tcoUsd]).toEqual([d.cost.capexUsd, d.cost.mrcUsd, d.cost.tcoUsd]);
      expect(d.tcoUsd).toBe(d.cost.totalUsd);
      expect(d.validation.score).toBeGreaterThanOrEqual(0);
      expect(d.validation.checks.map((c) => c.id)).toContain('redundancy.standard');
    }
    expect(doc.skipped).toEqual(
      notApplicable.map((family) => ({ family, reason: expect.stringMatching(/^not applicable, because /), notApplicable: true })),
    );
    const text = await run(generateCommand, ['--intent', fixture('regional-retail.intent.json'), '--all', '--seed', '3']);
    expect(text.out).toMatch(/^leaf-spine: not applicable, because leaf-spine \(Clos\) is a datacenter fabric/m);
  });

  it('is deterministic: the same seed prints the same bytes, another seed moves synthetic sites', async () => {
    const args = ['--intent', fixture('regional-retail.intent.json'), '--family', 'partial-mesh', '--json'];
    const a = await run(generateCommand, [...args, '--seed', '9']);
    const b = await run(generateCommand, [...args, '--seed', '9']);
    const c = await run(generateCommand, [...args, '--seed', '10']);
    expect(b.out).toBe(a.out);
    expect(c.out).not.toBe(a.out);
  });

  it('a bad intent prints one line per problem naming the field path, exits 2 and generates nothing', async () => {
    const file = fixture('bad-fields.intent.json');
    const r = await run(generateCommand, ['--intent', file, '--json']);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toEqual([
      `${file}: name: Too small: expected string to have >=1 characters`,
      `${file}: siteGroups.0: give either count or sites`,
      expect.stringMatching(/siteGroups\.1\.role: Invalid option/),
      expect.stringMatching(/redundancy: Invalid option/),
      `${file}: constraints.maxHops: Too small: expected number to be >=1`,
      `${file}: constraints: Unrecognized key: "colour"`,
    ]);
  });

  it('turns unreadable files, unknown families and impossible families into one-line errors', async () => {
    await expect(run(generateCommand, ['--intent', fixture('not-json.intent.json')])).rejects.toThrow(/is not valid JSON/);
    await expect(run(generateCommand, ['--intent', path.join(tmp, 'missing.json')])).rejects.toThrow(/no such file/);
    await expect(run(generateCommand, ['--intent', fixture('regional-retail.intent.json'), '--family', 'star'])).rejects.toThrow(/unknown family "star"/);
    await expect(run(generateCommand, ['--intent', fixture('regional-retail.intent.json'), '--all', '--family', 'ring'])).rejects.toThrow(CliError);
    await expect(run(generateCommand, ['--intent', fixture('regional-retail.intent.json'), '--seed', 'x'])).rejects.toThrow(/--seed must be a whole number/);
    const big = path.join(tmp, 'big.intent.json');
    fs.writeFileSync(big, JSON.stringify({ siteGroups: [{ role: 'branch', count: 600 }] }));
    await expect(run(generateCommand, ['--intent', big, '--family', 'full-mesh'])).rejects.toThrow(/not applicable, because a full mesh of 600 sites needs 179,700 circuits/);
  });

  it('--out records every design and its validation in the project file', async () => {
    const project = path.join(tmp, 'retail.nettwin');
    const r = await run(generateCommand, ['--intent', fixture('regional-retail.intent.json'), '--out', project, '--json']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out) as JsonDoc;
    const p = openProjectFile(project, { readOnly: true, lock: false });
    try {
      const list = p.topologies.list();
      expect(list.map((t) => t.family).sort()).toEqual(doc.designs.map((d) => d.family).sort());
      expect(list.length).toBeGreaterThan(0);
      for (const summary of list) {
        const rec = p.topologies.get(summary.id);
        const design = doc.designs.find((d) => d.family === rec.family)!;
        expect(rec.topology.links).toHaveLength(design.topology.links.length);
        expect(summary.costUsd).toBe(design.cost.totalUsd);
        const v = p.validations.latestFor(summary.id)!;
        expect(v.score).toBe(design.validation.score);
        expect(v.passed).toBe(design.validation.passed);
      }
      expect(p.intents.list()).toHaveLength(1);
    } finally {
      p.close();
    }
  });
});

describe('nettwin validate', () => {
  it('validates the designs of a generate --json file against an intent (exit 1 when one fails)', async () => {
    const designs = path.join(tmp, 'designs.json');
    const gen = await run(generateCommand, ['--intent', fixture('regional-retail.intent.json'), '--json']);
    fs.writeFileSync(designs, gen.out);
    const r = await run(validateCommand, [designs, '--intent', fixture('regional-retail.intent.json'), '--json']);
    const doc = JSON.parse(r.out) as { designs: { family: string; validation: { score: number; passed: boolean } }[] };
    const generated = (JSON.parse(gen.out) as JsonDoc).designs;
    // Same intent, same price book: the same verdicts as at generation.
    expect(doc.designs.map((d) => [d.family, d.validation.score, d.validation.passed])).toEqual(
      generated.map((d) => [d.family, d.validation.score, d.validation.passed]),
    );
    expect(r.code).toBe(doc.designs.every((d) => d.validation.passed) ? 0 : 1);
    const text = await run(validateCommand, [designs, '--intent', fixture('regional-retail.intent.json')]);
    expect(text.out).toMatch(/^design\s+devices\s+links\s+capex\s+monthly\s+5-year TCO\s+score/);
  });

  it('validates a project file with the intent stored beside each design', async () => {
    const project = path.join(tmp, 'trading.nettwin');
    await run(generateCommand, ['--intent', fixture('trading-critical.intent.json'), '--family', 'dual-ring', '--out', project]);
    const r = await run(validateCommand, [project, '--json']);
    const doc = JSON.parse(r.out) as { designs: { intent: string; validation: { checks: { id: string; severity: string; passed: boolean; message: string }[] } }[] };
    expect(doc.designs).toHaveLength(1);
    expect(doc.designs[0]!.intent).toBe('Trading venues (critical)');
    const critical = doc.designs[0]!.validation.checks.find((c) => c.id === 'redundancy.critical')!;
    expect(critical.severity).toBe('error');
    // Both rings of a dual ring lie in the same ducts: two duct cuts split it, so it fails CRITICAL and the CLI says so (issue 15).
    expect(critical.passed).toBe(false);
    expect(critical.message).toMatch(/pairs of failures disconnect surviving sites/);
    expect(r.code).toBe(1);
  });

  it('rejects a broken design file in one line', async () => {
    const bad = path.join(tmp, 'bad-design.json');
    fs.writeFileSync(bad, JSON.stringify({ nodes: [{ id: 'a', name: 'a', role: 'router' }], links: [{ id: 'l', source: 'a', target: 'zz' }] }));
    await expect(run(validateCommand, [bad])).rejects.toThrow(/links\.l\.target: unknown node "zz"/);
    await expect(run(validateCommand, [])).rejects.toThrow(/FILE is required/);
  });
});

describe('through bin/nettwin.mjs', () => {
  it('a bad intent exits 2 with no stack trace', () => {
    const r = spawnSync(process.execPath, [path.join(root, 'bin', 'nettwin.mjs'), 'generate', '--intent', fixture('not-json.intent.json')], { encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^nettwin generate: .*not-json\.intent\.json is not valid JSON/)]);
  });
});

describe('--price-book', () => {
  it('prices with an edited price book, and reports a broken one line per problem', async () => {
    const book = JSON.parse(fs.readFileSync(path.join(root, 'resources', 'pricebook.json'), 'utf8')) as {
      devices: { extraPortUsd: number; default: { ports: number; usd: number }[]; byRole: Record<string, unknown> };
    };
    const args = ['--intent', fixture('regional-retail.intent.json'), '--family', 'partial-mesh', '--json'];
    const base = JSON.parse((await run(generateCommand, args)).out) as JsonDoc;
    // Routers are priced from the default tiers: make every one cost 1,000 more.
    book.devices.default = book.devices.default.map((t) => ({ ...t, usd: t.usd + 1000 }));
    const edited = path.join(tmp, 'book.json');
    fs.writeFileSync(edited, JSON.stringify(book));
    const dearer = JSON.parse((await run(generateCommand, [...args, '--price-book', edited])).out) as JsonDoc;
    const routers = base.designs[0]!.topology.nodes.length;
    // $1,000 more list price each, and 12 % of it a year in support over the 5-year term (rounding: a dollar a month).
    expect(dearer.designs[0]!.cost.capexUsd - base.designs[0]!.cost.capexUsd).toBe(1000 * routers);
    expect(Math.abs(dearer.designs[0]!.cost.totalUsd - base.designs[0]!.cost.totalUsd - 1000 * routers * (1 + 0.12 * 5))).toBeLessThanOrEqual(60);
    book.devices.extraPortUsd = -1;
    fs.writeFileSync(edited, JSON.stringify(book));
    const bad = await run(generateCommand, [...args, '--price-book', edited]);
    expect(bad.code).toBe(2);
    expect(bad.err).toEqual([expect.stringMatching(/book\.json: devices\.extraPortUsd: Too small/)]);
    expect(bad.out).toBe('');
  });
});
