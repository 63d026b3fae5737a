import fs from 'node:fs';
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../../src-main/cli/main';
import { openProjectFile } from '../../../src-main/store/projectFile';
import { importClab } from '../../../src-shared/io/clab-import';
import { parseCsv } from '../../../src-shared/io/csv';
import { importDesignJson } from '../../../src-shared/io/design-json';
import { tempDir } from '../../helpers/tmp';
import { ZOO_DIR } from '../../helpers/data';

// `nettwin import` / `nettwin export` end to end on real project files (the
// io layer's CLI; kept beside the io tests it drives).
const tmp = tempDir();
afterAll(tmp.cleanup);
const at = (name: string) => path.join(tmp.dir, name);
const ZOO = ZOO_DIR;
const NETBOX = path.join(process.cwd(), 'test/fixtures/io/netbox');

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (t) => (out += `${t}\n`), err: (t) => (err += `${t}\n`) });
  return { code, out, err };
}

function designsIn(file: string) {
  const p = openProjectFile(file, { readOnly: true, lock: false });
  try {
    return p.topologies.list().map((d) => p.topologies.get(d.id));
  } finally {
    p.close();
  }
}

describe('nettwin import', () => {
  it('imports a Topology Zoo file into a new project and reports what it guessed', async () => {
    const r = await run('import', path.join(ZOO, 'Abilene.graphml'), '--out', at('zoo.nettwin'), '--role', 'New York=hub');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^imported "Abilene" from .*Abilene\.graphml \(graphml\): 11 devices, 14 links/);
    expect(r.out).toContain('  guessed: role of "Chicago": router (from its degree 2)');
    expect(r.out).toContain('  corrected: role of "0": hub');
    const [design] = designsIn(at('zoo.nettwin'));
    expect(design?.source).toBe('imported');
    expect(design?.topology.nodes.find((n) => n.name === 'New York')?.role).toBe('hub');
  });

  it('finds the cables and sites files beside a NetBox devices export', async () => {
    const r = await run('import', path.join(NETBOX, 'devices.csv'), '--out', at('nb.nettwin'), '--json');
    expect(r.code).toBe(0);
    const summary = JSON.parse(r.out) as { format: string; nodes: number; links: number; report: { dropped: string[] } };
    expect(summary).toMatchObject({ format: 'netbox-csv', nodes: 6, links: 5 });
    expect(summary.report.dropped).toContain('cables.csv line 6: device "fra-fw-02" is not in the devices list');
  });

  it('finds the siblings of a NetBox API devices file, and names them in errors', async () => {
    const r = await run('import', path.join(NETBOX, 'devices.json'), '--out', at('nbjson.nettwin'), '--json');
    expect(r.code, r.err).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ format: 'netbox-json', nodes: 4, links: 2 });
    fs.writeFileSync(at('devices.json'), fs.readFileSync(path.join(NETBOX, 'devices.json'), 'utf8'));
    fs.writeFileSync(at('cables.json'), '{"results": [7]}');
    const bad = await run('import', at('devices.json'), '--out', at('nbjson.nettwin'));
    expect([bad.code, bad.err.trim()]).toEqual([2, 'nettwin import: cables.json line 1, field "cables[0]": expected an object']);
  });

  it('adds to an existing project instead of replacing it', async () => {
    await run('import', path.join(ZOO, 'Aarnet.graphml'), '--out', at('zoo.nettwin'));
    expect(designsIn(at('zoo.nettwin')).map((d) => d.name)).toEqual(['Abilene', 'Aarnet']);
  });

  it.each([
    [['import', 'missing.graphml', '--out', 'x.nettwin'], 'nettwin import: cannot read missing.graphml: no such file'],
    [['import', path.join(NETBOX, 'devices.csv')], 'nettwin import: --out PROJECT.nettwin is required'],
    [['import', path.join(NETBOX, 'devices.json'), '--format', 'xls', '--out', 'x.nettwin'], /--format must be one of graphml, clab/],
    [['import', path.join(ZOO, 'Abilene.graphml'), '--role', 'Nowhere=core', '--out', 'x.nettwin'], 'nettwin import: role correction: unknown node "Nowhere"'],
  ])('refuses bad input with exit 2 and one line: %j', async (argv, message) => {
    const r = await run(...argv);
    expect(r.code).toBe(2);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err.trim()).toMatch(message);
  });

  it('names file, line and field of a broken import file', async () => {
    fs.writeFileSync(at('bad.clab.yml'), 'name: x\ntopology:\n  nodes:\n    a: 3\n');
    const r = await run('import', at('bad.clab.yml'), '--out', at('bad.nettwin'));
    expect([r.code, r.err.trim()]).toEqual([2, 'nettwin import: bad.clab.yml line 4, field "topology.nodes.a": node must be a mapping']);
    expect(fs.existsSync(at('bad.nettwin'))).toBe(false);
  });
});

describe('nettwin export', () => {
  it('writes every format from the latest design, each readable again', async () => {
    const project = at('zoo.nettwin');
    const [, aarnet] = designsIn(project);
    for (const format of ['containerlab', 'terraform', 'graphml', 'json', 'svg']) {
      const r = await run('export', project, '--format', format, '--out', at(`out.${format}`));
      expect(r.code, r.err).toBe(0);
      expect(r.err).toContain(`exported design "Aarnet"`);
      expect(r.out).toBe('');
    }
    expect(importDesignJson(fs.readFileSync(at('out.json'), 'utf8')).topology).toEqual(aarnet!.topology);
    expect(importClab(fs.readFileSync(at('out.containerlab'), 'utf8')).topology.nodes).toEqual(aarnet!.topology.nodes);
    expect(Object.keys((JSON.parse(fs.readFileSync(at('out.terraform'), 'utf8')) as { resource: object }).resource)).toContain('netbox_cable');
  });

  it('picks a design by name, and writes folders for multi-file formats', async () => {
    const project = at('zoo.nettwin');
    expect((await run('export', project, '--format', 'netbox-csv', '--design', 'Abilene', '--out', at('nbcsv'))).code).toBe(0);
    expect(fs.readdirSync(at('nbcsv')).sort()).toEqual([
      'IMPORT-ORDER.txt', 'cables.csv', 'custom-fields.csv', 'device-roles.csv', 'device-types.csv', 'devices.csv',
      'interfaces.csv', 'manufacturers.csv', 'regions.csv', 'sites.csv',
    ]);
    // The JSON bundle: same files as .json, and its devices file imports back with its siblings.
    expect((await run('export', project, '--format', 'netbox-json', '--design', 'Abilene', '--out', at('nbjson'))).code).toBe(0);
    expect(fs.readdirSync(at('nbjson')).sort()).toEqual([
      'IMPORT-ORDER.txt', 'cables.json', 'custom-fields.json', 'device-roles.json', 'device-types.json', 'devices.json',
      'interfaces.json', 'manufacturers.json', 'regions.json', 'sites.json',
    ]);
    const back = await run('import', at('nbjson/devices.json'), '--out', at('nbjson.nettwin'), '--json');
    expect(back.code, back.err).toBe(0);
    const [abilene] = designsIn(project);
    expect(JSON.parse(back.out)).toMatchObject({ format: 'netbox-json', nodes: abilene!.topology.nodes.length, links: abilene!.topology.links.length });
    expect((await run('export', project, '--format', 'ansible', '--design', 'Abilene', '--out', at('inv'))).code).toBe(0);
    expect(fs.readdirSync(at('inv/host_vars'))).toContain('New-York.yml');
    expect((await run('export', project, '--format', 'ansible', '--design', 'Abilene', '--out', at('hosts.yml'))).code).toBe(0);
    const inv = parseYaml(fs.readFileSync(at('hosts.yml'), 'utf8')) as { all: { children: Record<string, unknown> } };
    expect(Object.keys(inv.all.children)).toContain('role_hub');
  });

  it('applies --kind overrides to the containerlab export', async () => {
    const r = await run('export', at('zoo.nettwin'), '--format', 'containerlab', '--design', 'Abilene', '--kind', 'hub=juniper_crpd,crpd:23.4R1', '--out', at('k.clab.yml'));
    expect(r.code, r.err).toBe(0);
    const doc = parseYaml(fs.readFileSync(at('k.clab.yml'), 'utf8')) as { topology: { nodes: Record<string, { kind: string; image: string }> } };
    expect(doc.topology.nodes['New-York']).toMatchObject({ kind: 'juniper_crpd', image: 'crpd:23.4R1' });
  });

  it('exports the latest sweep of a design as CSV, and says so when there is none', async () => {
    const project = at('zoo.nettwin');
    const none = await run('export', project, '--format', 'csv', '--design', 'Abilene', '--out', at('sweep.csv'));
    expect([none.code, none.err.trim()]).toEqual([2, 'nettwin export: design "Abilene" has no sweep results to export; run a failure sweep first']);
    const [abilene] = designsIn(project);
    const p = openProjectFile(project);
    p.simulations.insert({
      topologyId: abilene!.id, topologyRevision: 1, scenarios: 'n1', traffic: 'uniform', summary: {}, metrics: [],
      result: {
        design: 'Abilene', nodes: 11, links: 14, traffic: 'uniform', baseline: { maxLoad: 3, maxUtilisation: 0.3, totalVolume: 110 }, elapsedMs: 5, threads: 1,
        scenarios: [
          { cls: 'n1-links', label: 'link e0', failedNodes: [], failedLinks: ['e0'], disconnectedPairs: 0, isolatedSites: 0, strandedDemand: 0,
            stretchP50: 1, stretchP95: 1.5, stretchMax: 2, maxLoad: 3.5, maxUtilisation: 0.35, overloadedLinks: 0, worstLink: 'e1' },
          { cls: 'n1-nodes', label: 'node 0', failedNodes: ['0'], failedLinks: [], disconnectedPairs: 10, isolatedSites: 1, strandedDemand: 20,
            stretchP50: 1, stretchP95: 1, stretchMax: 1, maxLoad: 3, maxUtilisation: 0.3, overloadedLinks: 0, worstLink: null },
        ],
      },
    });
    p.close();
    const r = await run('export', project, '--format', 'csv', '--design', 'Abilene', '--out', at('sweep.csv'));
    expect(r.code, r.err).toBe(0);
    expect(parseCsv(fs.readFileSync(at('sweep.csv'), 'utf8'), 'sweep.csv').map((x) => x.cells)).toEqual([
      ['scenario', 'kind', 'disconnectedPairs', 'strandedDemand', 'maxUtilisation', 'isolatedSites', 'stretchP50', 'stretchP95', 'stretchMax', 'maxLoad', 'overloadedLinks', 'failedNodes', 'failedLinks', 'worstLink'],
      ['link e0', 'n1-links', '0', '0', '0.35', '0', '1', '1.5', '2', '3.5', '0', '', 'e0', 'e1'],
      ['node 0', 'n1-nodes', '10', '20', '0.3', '1', '1', '1', '1', '3', '0', '0', '', ''],
    ]);
  });

  it.each([
    [['export', 'nope.nettwin', '--format', 'json', '--out', 'x'], /nope\.nettwin does not exist/],
    [['export', 'x.nettwin', '--format', 'pdf', '--out', 'x'], /--format must be one of containerlab, ansible/],
    [['export', 'x.txt', '--format', 'json', '--out', 'x'], 'nettwin export: x.txt: a project file name ends in .nettwin'],
  ])('refuses bad input with exit 2 and one line: %j', async (argv, message) => {
    const r = await run(...argv);
    expect(r.code).toBe(2);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err.trim()).toMatch(message);
  });
});

describe('nettwin and pipes: - for stdin and stdout, status on stderr, EPIPE quiet', () => {
  it('export --out - puts only the file on stdout and refuses multi-file formats', async () => {
    const r = await run('export', at('zoo.nettwin'), '--format', 'containerlab', '--design', 'Abilene', '--out', '-');
    expect(r.code, r.err).toBe(0);
    expect(importClab(r.out).topology.nodes).toHaveLength(11);
    expect(r.err).toContain('→ standard output');
    expect(fs.existsSync('-')).toBe(false);
    const multi = await run('export', at('zoo.nettwin'), '--format', 'netbox-csv', '--design', 'Abilene', '--out', '-');
    expect(multi.code).toBe(2);
    expect(multi.err).toMatch(/netbox-csv writes 10 files .*give --out FOLDER, not -/);
  });

  // The real binary in a child process: stdin and a closed pipe cannot be faked in-process.
  const bin = path.join(process.cwd(), 'bin/nettwin.mjs');
  it('import - reads standard input', () => {
    const text = fs.readFileSync(path.join(ZOO, 'Abilene.graphml'), 'utf8');
    const r = spawnSync(process.execPath, [bin, 'import', '-', '--format', 'graphml', '--out', at('stdin.nettwin')], { input: text, encoding: 'utf8', timeout: 120_000 });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^imported "Abilene" from - \(graphml\): 11 devices, 14 links/);
  }, 150_000);

  it('a reader that closes the pipe early gets no stack trace', async () => {
    // 180 kB of GraphML: more than a pipe holds, so the writer meets the closed pipe (Node's default was an
    // "Unhandled 'error' event" stack trace).
    expect((await run('import', path.join(ZOO, 'Colt.graphml'), '--out', at('colt.nettwin'))).code).toBe(0);
    const child = spawn(process.execPath, [bin, 'export', at('colt.nettwin'), '--format', 'graphml', '--out', '-'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(err).not.toMatch(/EPIPE|Unhandled|at .*\.js:\d+/);
    expect(code === 0 || code === null).toBe(true);
  }, 150_000);
});

describe('--design takes an id, a name in any case, or a unique family', () => {
  it('in export and in simulate', async () => {
    const r = await run('export', at('zoo.nettwin'), '--format', 'json', '--design', 'abilene', '--out', at('ab.json'));
    expect(r.code, r.err).toBe(0);
    expect(r.err).toContain('exported design "Abilene"');
    const s = await run('simulate', at('zoo.nettwin'), '--design', 'Abilene', '--scenarios', 'n1', '--json');
    expect(s.code, s.err).toBe(0);
    expect(s.out).toContain('Abilene');
    const missing = await run('simulate', at('zoo.nettwin'), '--design', 'leaf-spine');
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('no design "leaf-spine"');
  }, 120_000);
});

describe('simulate --save', () => {
  // Whether `export --format csv` then writes it rests on the sweep CSV reading the stored rows (issue 14's
  // `label`/`scenario` fix); here: the sweep is stored as the app stores its own.
  it('stores the sweep in the project, as the app does', async () => {
    const project = at('saved.nettwin');
    expect((await run('import', path.join(ZOO, 'Abilene.graphml'), '--out', project)).code).toBe(0);
    const before = await run('export', project, '--format', 'csv', '--out', at('none.csv'));
    expect(before.code).toBe(2);
    const r = await run('simulate', project, '--save', '--design', 'abilene', '--scenarios', 'n1');
    expect(r.code, r.err).toBe(0);
    expect(r.out, r.out).toMatch(/^saved sweep \S+ of "Abilene": 25 scenarios, \d+ disconnecting, worst utilisation [\d.]+%/);
    const p = openProjectFile(project, { readOnly: true, lock: false });
    try {
      const [design] = p.topologies.list();
      const sims = p.simulations.listFor(design!.id);
      expect(sims).toHaveLength(1);
      // 14 links and 11 devices fail one at a time.
      const stored = p.simulations.result(sims[0]!.id) as { design: string; scenarios: unknown[] };
      expect(stored.design).toBe('Abilene');
      expect(stored.scenarios).toHaveLength(25);
    } finally {
      p.close();
    }
    const refused = await run('simulate', project, '--save', '--seed', '3');
    expect(refused.code).toBe(2);
    expect(refused.err).toContain('--seed does not apply with --save');
  }, 120_000);
});
