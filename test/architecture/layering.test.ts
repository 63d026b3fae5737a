import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/tmp';

/**
 * The layering rules must fail on a real violation, not only pass on the
 * tree as it is: each case plants one import, in a file of its own, into a
 * copy of the layout (real paths, so the rules' path patterns apply), and
 * dependency-cruiser runs with the project's own configuration, as
 * `npm run lint:arch` does.
 */
const root = path.resolve(__dirname, '..', '..');
const config = path.join(root, 'test', 'architecture', 'dependency-cruiser.cjs');
const depcruise = path.join(root, 'node_modules', 'dependency-cruiser', 'bin', 'dependency-cruise.mjs');
const run = promisify(execFile);

/**
 * One tree holds every planted case, each in a file of its own, and
 * dependency-cruiser runs over it once (a run is a Node process that loads
 * TypeScript: seconds of CPU each): a case's verdict is the rules reported
 * for imports FROM its file, and the run must report exactly the planted
 * violations, so a passing case is one the rules leave alone beside a base
 * layout (a service, the store, a worker entry and its client, a feature
 * with an index.ts) that breaks none.
 */
const BASE: Record<string, string> = {
  'tsconfig.base.json': JSON.stringify({ compilerOptions: { module: 'ESNext', moduleResolution: 'Bundler', strict: true } }),
  'src-main/store/projectFile.ts': 'export const openProjectFile = (f: string): string => f;\n',
  'src-main/workers/pool.ts': 'export class WorkerPool {}\n',
  'src-main/services/designs.ts': "import { openProjectFile } from '../store/projectFile';\nexport const list = (f: string): string => openProjectFile(f);\n",
  'src-main/workers/planning.worker.ts': 'export interface PlanningRequest { kind: string }\n',
  'src-main/workers/clients/planning-worker.ts': "import type { PlanningRequest } from '../planning.worker';\nexport const plan = (r: PlanningRequest): string => r.kind;\n",
  'src-renderer/features/sim/SweepPanel.ts': 'export const SweepPanel = 1;\n',
  'src-renderer/features/sim/index.ts': "export { SweepPanel } from './SweepPanel';\n",
};

/** The planted files: a command (src-main/cli/commands/) or a service (src-main/services/) importing one thing each. */
const PLANTED: Record<string, string> = {
  'src-main/cli/commands/through-service.ts': "import { list } from '../../services/designs';\nvoid list;\nexport const planted = 1;\n",
  'src-main/cli/commands/opens-store.ts': "import { openProjectFile } from '../../store/projectFile';\nvoid openProjectFile;\nexport const planted = 1;\n",
  'src-main/cli/commands/drives-workers.ts': "import type { WorkerPool } from '../../workers/pool';\nexport type P = WorkerPool;\nexport const planted = 1;\n",
  'src-main/services/through-client.ts': "import { plan } from '../workers/clients/planning-worker';\nvoid plan;\nexport const plantedService = 1;\n",
  'src-main/services/imports-worker-entry.ts': "import type { PlanningRequest } from '../workers/planning.worker';\nexport type R = PlanningRequest;\nexport const plantedService = 1;\n",
  'src-renderer/features/whatif/Good.ts': "import { SweepPanel } from '../sim';\nexport const good = SweepPanel;\n",
  'src-renderer/features/whatif/Bad.ts': "import { SweepPanel } from '../sim/SweepPanel';\nexport const bad = SweepPanel;\n",
};

/** dependency-cruiser's verdict on the planted tree: exit code and each reported rule with the file it was reported FROM. */
let verdict: { code: number; found: { rule: string; from: string }[] };
let cleanup: (() => void) | null = null;

beforeAll(async () => {
  const tmp = tempDir('nettwin-layering-');
  cleanup = tmp.cleanup;
  for (const [name, text] of Object.entries({ ...BASE, ...PLANTED })) {
    fs.mkdirSync(path.dirname(path.join(tmp.dir, name)), { recursive: true });
    fs.writeFileSync(path.join(tmp.dir, name), text);
  }
  try {
    await run(process.execPath, [depcruise, 'src-main', 'src-renderer', '--config', config, '--output-type', 'err'], { cwd: tmp.dir });
    verdict = { code: 0, found: [] };
  } catch (err) {
    const e = err as { code?: number; stdout?: string };
    const found = [...(e.stdout ?? '').matchAll(/error ([a-z-]+): (\S+)/g)].map((m) => ({ rule: m[1]!, from: m[2]! }));
    verdict = { code: e.code ?? -1, found };
  }
}, 60_000);
afterAll(() => cleanup?.());

/** The rules reported for imports from `file`. */
const rulesFrom = (file: string): string[] => verdict.found.filter((f) => f.from === file).map((f) => f.rule);

/**
 * The run reports exactly the planted violations and exits non-zero: a
 * passing case is then one the rules leave alone, beside a base layout that
 * breaks none (checked with every passing case).
 */
function expectOnlyPlanted(): void {
  expect(verdict.code).not.toBe(0);
  expect(verdict.found.map((f) => `${f.from} ${f.rule}`).sort()).toEqual([
    'src-main/cli/commands/drives-workers.ts cli-through-services',
    'src-main/cli/commands/opens-store.ts cli-through-services',
    'src-main/services/imports-worker-entry.ts services-use-worker-clients',
    'src-renderer/features/whatif/Bad.ts features-through-index',
  ]);
}

describe('layering rules (dependency-cruiser)', () => {
  it('pass a command that goes through a service', () => {
    expect(rulesFrom('src-main/cli/commands/through-service.ts')).toEqual([]);
    expectOnlyPlanted();
  });

  it('fail a command that opens the store itself', () => {
    expect(rulesFrom('src-main/cli/commands/opens-store.ts')).toContain('cli-through-services');
  });

  it('fail a command that drives the workers itself, even for a type', () => {
    expect(rulesFrom('src-main/cli/commands/drives-workers.ts')).toContain('cli-through-services');
  });

  it('pass a service that starts a worker through its client', () => {
    expect(rulesFrom('src-main/services/through-client.ts')).toEqual([]);
    expectOnlyPlanted();
  });

  it('fail a service that imports a worker entry itself, even for a type', () => {
    expect(rulesFrom('src-main/services/imports-worker-entry.ts')).toContain('services-use-worker-clients');
  });

  it('fail a renderer feature that imports another feature\'s internals; pass one that uses its index.ts', () => {
    expect(rulesFrom('src-renderer/features/whatif/Good.ts')).toEqual([]);
    expect(rulesFrom('src-renderer/features/whatif/Bad.ts')).toEqual(['features-through-index']);
    expectOnlyPlanted();
  });
});
