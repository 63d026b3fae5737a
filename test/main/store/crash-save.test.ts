import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Topology } from '../../../src-shared/model/topology';
import { inspectProjectFile, openProjectFile } from '../../../src-main/store/projectFile';
import { tempDir } from '../../helpers/tmp';

const tmp = tempDir();
afterAll(tmp.cleanup);
const child = path.join(__dirname, 'fixtures', 'save-loop.ts');

function bigTopology(n: number): Topology {
  const nodes = Array.from({ length: n }, (_, i) => ({ id: `n${i}`, name: `n${i}-v0`, role: 'router' as const, ports: 48 }));
  const links = Array.from({ length: n - 1 }, (_, i) => ({
    id: `l${i}`, source: `n${i}`, target: `n${i + 1}`, capacityGbps: 10, igpWeight: 1, latencyMs: 1, srlgs: [`duct-${i % 7}`],
  }));
  return { formatVersion: 1, name: 'v0', sites: [], nodes, links };
}

/** The design is one whole revision: its name and every node agree on the tag. */
function assertConsistent(file: string, designId: string): string {
  const p = openProjectFile(file); // a read-write open rolls back the killed write's journal
  expect(inspectProjectFile(file).schemaVersion).toBeGreaterThan(0); // then: integrity_check ok
  try {
    const t = p.topologies.get(designId).topology;
    expect(t.name).toMatch(/^v\d+$/);
    for (const n of t.nodes) expect(n.name).toBe(`${n.id}-${t.name}`);
    return t.name;
  } finally {
    p.close();
  }
}

async function runAndKill(file: string, designId: string, copy: string, afterMs: number): Promise<void> {
  const proc = spawn(process.execPath, ['--import', 'tsx', child, file, designId, copy], { stdio: ['ignore', 'pipe', 'pipe'] });
  let err = '';
  proc.stderr.on('data', (d: Buffer) => (err += d.toString()));
  await new Promise<void>((resolve, reject) => {
    proc.stdout.once('data', () => resolve());
    proc.once('exit', (code) => reject(new Error(`child exited early (${code}): ${err}`)));
  });
  await new Promise((r) => setTimeout(r, afterMs));
  proc.kill('SIGKILL');
  await new Promise((r) => proc.once('exit', r));
}

describe('a crash in the middle of saving', () => {
  it('leaves the project at the old or the new revision, never damaged (killed at several points)', async () => {
    const file = path.join(tmp.dir, 'crash.nettwin');
    const copy = path.join(tmp.dir, 'crash-copy.nettwin');
    const p = openProjectFile(file, { create: { name: 'crash' } });
    const designId = p.topologies.insert({ name: 'big', topology: bigTopology(3000), source: 'imported' }).id;
    p.close();
    const seen = new Set<string>();
    for (const afterMs of [5, 40, 90, 160, 270, 430]) {
      await runAndKill(file, designId, copy, afterMs);
      seen.add(assertConsistent(file, designId));
      if (fs.existsSync(copy)) assertConsistent(copy, designId);
    }
    expect(seen.size).toBeGreaterThan(1); // the child really was writing when killed
    // The next save cleans up whatever temp a killed save left, and the copy is whole.
    const again = openProjectFile(file);
    await again.saveCopy(copy, { replace: true });
    again.close();
    expect(fs.readdirSync(tmp.dir).filter((f) => f.includes('.tmp-'))).toEqual([]);
    assertConsistent(copy, designId);
  }, 120_000);
});
