// The process the kill loop SIGKILLs: it writes to a project folder through
// NetTwin's own code paths, one operation after another, and prints one JSON
// line before each operation ({begin}) and one after each is acknowledged
// ({ack}, the moment a user would be told "done"). Usage:
//   killChild.ts DIR PROJECT.nettwin SEED mixed|create
import fs from 'node:fs';
import path from 'node:path';
import type { CliIo } from '../../src-main/cli/command';
import { main } from '../../src-main/cli/main';
import { openProjectFile } from '../../src-main/store/projectFile';
import { taggedTopology } from './tagged';

const [dir, project, seedArg, mode] = process.argv.slice(2) as [string, string, string, 'mixed' | 'create'];
let seed = Number(seedArg) >>> 0 || 1;
const rand = (n: number): number => {
  seed = (seed * 1103515245 + 12345) >>> 0;
  return (seed >>> 8) % n;
};
const say = (x: unknown): void => {
  fs.writeSync(1, `${JSON.stringify(x)}\n`); // synchronous: an ack printed is an ack the parent reads
};
const quiet: CliIo = { out: () => undefined, err: () => undefined };

function graphml(tag: string, n: number): string {
  const nodes = Array.from({ length: n }, (_, i) => `<node id="r${i}"><data key="l">${tag}-r${i}</data></node>`).join('');
  const edges = Array.from({ length: n }, (_, i) => `<edge source="r${i}" target="r${(i + 1) % n}"/>`).join('');
  return `<?xml version="1.0"?><graphml xmlns="http://graphml.graphdrawing.org/xmlns"><key id="l" for="node" attr.name="label" attr.type="string"/><graph edgedefault="undirected">${nodes}${edges}</graph></graphml>`;
}

const OPS = ['create', 'save', 'save', 'export', 'saveAs', 'import', 'optimise'] as const;
let k = 0;
const uid = (): string => `${process.pid}-${k}`;

async function step(): Promise<void> {
  const op = mode === 'create' ? 'create' : OPS[rand(OPS.length)]!;
  k++;
  say({ begin: op });
  switch (op) {
    case 'create': {
      const file = path.join(dir, `created-${uid()}.nettwin`);
      openProjectFile(file, { create: { name: `created ${uid()}` } }).close();
      say({ ack: op, file });
      return;
    }
    case 'save': {
      const p = openProjectFile(project);
      try {
        const designs = p.topologies.list().filter((d) => d.name.startsWith('tagged'));
        const d = designs[rand(designs.length)]!;
        const tag = `tagged-${uid()}`;
        const revision = p.topologies.update(d.id, taggedTopology(tag, 400));
        say({ ack: op, design: d.id, revision, tag });
      } finally {
        p.close();
      }
      return;
    }
    case 'export':
    case 'saveAs': {
      const file = path.join(dir, `${op}-${uid()}.nettwin`);
      const p = openProjectFile(project);
      try {
        if (op === 'export') await p.exportCopy(file, { includeHistory: rand(2) === 0, name: `export ${uid()}` });
        else await p.saveCopy(file, { name: `copy ${uid()}` });
        say({ ack: op, file, designs: p.topologies.count() });
      } finally {
        p.close();
      }
      return;
    }
    case 'import': {
      const src = path.join(dir, `in-${process.pid}.graphml`);
      fs.writeFileSync(src, graphml(`imp-${uid()}`, 40));
      const name = `imported-${uid()}`;
      const code = await main(['import', src, '--format', 'graphml', '--name', name, '--out', project], quiet);
      if (code !== 0) throw new Error(`import exited ${code}`);
      say({ ack: op, name });
      return;
    }
    case 'optimise': {
      const p = openProjectFile(project, { readOnly: true, lock: false });
      const generated = p.topologies.list().filter((d) => d.source === 'generated');
      p.close();
      const d = generated[rand(generated.length)]!;
      let out = '';
      const io: CliIo = { out: (t) => (out += t), err: () => undefined };
      const code = await main(['optimise', project, '--design', d.id, '--max-steps', '2', '--json'], io);
      if (code !== 0) throw new Error(`optimise exited ${code}`);
      const doc = JSON.parse(out) as { designs: { design: string; revision: number; steps: { id: string }[] }[] };
      for (const r of doc.designs) say({ ack: op, design: r.design, revision: r.revision, steps: r.steps.map((s) => s.id) });
      return;
    }
  }
}

say({ ready: true });
for (;;) {
  try {
    await step();
  } catch (err) {
    say({ error: `${(err as Error).name}: ${(err as Error).message}` });
    process.exit(3);
  }
}
