import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/tmp';

/**
 * The layering rules must fail on a real violation, not only pass on the
 * tree as it is: each case plants one import into a copy of the layout
 * (real paths, so the rules' path patterns apply) and runs dependency-cruiser
 * with the project's own configuration, as `npm run lint:arch` does.
 */
const root = path.resolve(__dirname, '..', '..');
const config = path.join(root, 'test', 'architecture', 'dependency-cruiser.cjs');
const depcruise = path.join(root, 'node_modules', 'dependency-cruiser', 'bin', 'dependency-cruise.mjs');
const run = promisify(execFile);

let cleanup: (() => void) | null = null;
afterEach(() => {
  cleanup?.();
  cleanup = null;
});

/** A tree with a service, the store, a worker and one command whose imports are `commandImports` (and a service's, `serviceImports`). */
function plant(commandImports: string[], serviceImports: string[] = []): string {
  const tmp = tempDir('nettwin-layering-');
  cleanup = tmp.cleanup;
  const files: Record<string, string> = {
    'tsconfig.base.json': JSON.stringify({ compilerOptions: { module: 'ESNext', moduleResolution: 'Bundler', strict: true } }),
    'src-main/store/projectFile.ts': 'export const openProjectFile = (f: string): string => f;\n',
    'src-main/workers/pool.ts': 'export class WorkerPool {}\n',
    'src-main/services/designs.ts': "import { openProjectFile } from '../store/projectFile';\nexport const list = (f: string): string => openProjectFile(f);\n",
    'src-main/workers/planning.worker.ts': 'export interface PlanningRequest { kind: string }\n',
    'src-main/workers/clients/planning-worker.ts': "import type { PlanningRequest } from '../planning.worker';\nexport const plan = (r: PlanningRequest): string => r.kind;\n",
    'src-main/services/planted.ts': `${serviceImports.join('\n')}\nexport const plantedService = 1;\n`,
    'src-main/cli/commands/planted.ts': `${commandImports.join('\n')}\nexport const planted = 1;\n`,
  };
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(tmp.dir, name)), { recursive: true });
    fs.writeFileSync(path.join(tmp.dir, name), text);
  }
  return tmp.dir;
}

/** dependency-cruiser's verdict: exit code and the names of the rules it reports. */
async function cruise(dir: string): Promise<{ code: number; rules: string[] }> {
  try {
    await run(process.execPath, [depcruise, 'src-main', '--config', config, '--output-type', 'err'], { cwd: dir });
    return { code: 0, rules: [] };
  } catch (err) {
    const e = err as { code?: number; stdout?: string };
    const rules = [...(e.stdout ?? '').matchAll(/error ([a-z-]+):/g)].map((m) => m[1]!);
    return { code: e.code ?? -1, rules };
  }
}

describe('layering rules (dependency-cruiser)', () => {
  it('pass a command that goes through a service', async () => {
    const dir = plant(["import { list } from '../../services/designs';", 'void list;']);
    expect(await cruise(dir)).toEqual({ code: 0, rules: [] });
  }, 60_000);

  it('fail a command that opens the store itself', async () => {
    const dir = plant(["import { openProjectFile } from '../../store/projectFile';", 'void openProjectFile;']);
    const r = await cruise(dir);
    expect(r.code).not.toBe(0);
    expect(r.rules).toContain('cli-through-services');
  }, 60_000);

  it('fail a command that drives the workers itself, even for a type', async () => {
    const dir = plant(["import type { WorkerPool } from '../../workers/pool';", 'export type P = WorkerPool;']);
    const r = await cruise(dir);
    expect(r.code).not.toBe(0);
    expect(r.rules).toContain('cli-through-services');
  }, 60_000);

  it('pass a service that starts a worker through its client', async () => {
    const dir = plant([], ["import { plan } from '../workers/clients/planning-worker';", 'void plan;']);
    expect(await cruise(dir)).toEqual({ code: 0, rules: [] });
  }, 60_000);

  it('fail a service that imports a worker entry itself, even for a type', async () => {
    const dir = plant([], ["import type { PlanningRequest } from '../workers/planning.worker';", 'export type R = PlanningRequest;']);
    const r = await cruise(dir);
    expect(r.code).not.toBe(0);
    expect(r.rules).toContain('services-use-worker-clients');
  }, 60_000);

  it('fail a renderer feature that imports another feature\'s internals; pass one that uses its index.ts', async () => {
    const tmp = tempDir('nettwin-layering-');
    cleanup = tmp.cleanup;
    const files: Record<string, string> = {
      'tsconfig.base.json': JSON.stringify({ compilerOptions: { module: 'ESNext', moduleResolution: 'Bundler', strict: true } }),
      'src-renderer/features/sim/SweepPanel.ts': 'export const SweepPanel = 1;\n',
      'src-renderer/features/sim/index.ts': "export { SweepPanel } from './SweepPanel';\n",
      'src-renderer/features/whatif/Good.ts': "import { SweepPanel } from '../sim';\nexport const good = SweepPanel;\n",
    };
    const write = (name: string, text: string): void => {
      fs.mkdirSync(path.dirname(path.join(tmp.dir, name)), { recursive: true });
      fs.writeFileSync(path.join(tmp.dir, name), text);
    };
    for (const [name, text] of Object.entries(files)) write(name, text);
    const cruiseRenderer = async (): Promise<{ code: number; rules: string[] }> => {
      try {
        await run(process.execPath, [depcruise, 'src-renderer', '--config', config, '--output-type', 'err'], { cwd: tmp.dir });
        return { code: 0, rules: [] };
      } catch (err) {
        const e = err as { code?: number; stdout?: string };
        return { code: e.code ?? -1, rules: [...(e.stdout ?? '').matchAll(/error ([a-z-]+):/g)].map((m) => m[1]!) };
      }
    };
    expect(await cruiseRenderer()).toEqual({ code: 0, rules: [] });
    write('src-renderer/features/whatif/Bad.ts', "import { SweepPanel } from '../sim/SweepPanel';\nexport const bad = SweepPanel;\n");
    const r = await cruiseRenderer();
    expect(r.code).not.toBe(0);
    expect(r.rules).toEqual(['features-through-index']);
  }, 60_000);
});
