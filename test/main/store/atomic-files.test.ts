import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { toIpcError } from '../../../src-shared/contract/result';
import { EventBus } from '../../../src-main/services/events';
import { FolderLocator } from '../../../src-main/services/locator';
import { ProjectService } from '../../../src-main/services/projects';
import { RecentProjects } from '../../../src-main/services/recent';
import { publishNew, sweepDeadTemps, tempPathFor } from '../../../src-main/store/atomicFile';
import { openProjectFile } from '../../../src-main/store/projectFile';
import { taggedTopology } from '../../../scripts/durability/tagged';
import { tempDir } from '../../helpers/tmp';

const tmp = tempDir();
afterAll(tmp.cleanup);

function folder(name: string): { dir: string; projects: ProjectService } {
  const dir = path.join(tmp.dir, name);
  fs.mkdirSync(dir);
  return { dir, projects: new ProjectService(new FolderLocator(dir), new EventBus(), new RecentProjects(null)) };
}

function deadPid(): number {
  for (let pid = 4_100_000; ; pid += 7919) {
    try {
      process.kill(pid, 0);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ESRCH') return pid;
    }
  }
}

describe('temps', () => {
  it('are unique per call, even within one process and one millisecond', () => {
    const names = new Set(Array.from({ length: 1000 }, () => tempPathFor('/x/P.nettwin')));
    expect(names.size).toBe(1000);
  });

  it('the project list removes temps of dead processes (any name, old and new style) and keeps a live process\'s', async () => {
    const { dir, projects } = folder('sweep');
    const dead = deadPid();
    const live = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)']);
    try {
      const deadOnes = [
        `Gone.nettwin.tmp-${dead}-1733500000000`, // before issue 14: pid-ms
        `Gone.nettwin.tmp-${dead}-1733500000000-export`,
        `Share.nettwin.tmp-${dead}-1733500000000-export.tmp-${dead}-1733500000001`, // an export's nested temp
        path.basename(tempPathFor(path.join(dir, 'New.nettwin'))).replace(`tmp-${process.pid}-`, `tmp-${dead}-`),
        `${path.basename(tempPathFor(path.join(dir, 'New.nettwin'))).replace(`tmp-${process.pid}-`, `tmp-${dead}-`)}-journal`,
        `Report report 2026-12-06 2010.pdf.tmp-${dead}-1733500000000`,
        `.upload-${dead}-1733500000000-abc123`,
      ];
      const keep = [
        `Busy.nettwin.tmp-${live.pid}-1733500000000`, // a live process is still writing it
        path.basename(tempPathFor(path.join(dir, 'Mine.nettwin'))), // this process's own
        `holiday.tmp-${dead}-1733500000000`, // not one of ours
      ];
      for (const n of [...deadOnes, ...keep]) fs.writeFileSync(path.join(dir, n), 'x'.repeat(1000));
      projects.list();
      expect(fs.readdirSync(dir).sort()).toEqual([...keep].sort());
    } finally {
      live.kill();
    }
  });

  it('a temp of another machine (project folder on a share) is never swept', () => {
    const dir = path.join(tmp.dir, 'share');
    fs.mkdirSync(dir);
    const foreign = `P.nettwin.tmp-${deadPid()}-00000000-0123456789ab`;
    fs.writeFileSync(path.join(dir, foreign), 'x');
    expect(sweepDeadTemps(dir)).toEqual([]);
  });
});

describe('publishing a new file', () => {
  it('never replaces an existing file, and removes its temp either way', () => {
    const dir = path.join(tmp.dir, 'publish');
    fs.mkdirSync(dir);
    const dest = path.join(dir, 'P.nettwin');
    fs.writeFileSync(dest, 'theirs');
    const t = tempPathFor(dest);
    fs.writeFileSync(t, 'mine');
    expect(() => publishNew(t, dest)).toThrow(/P.nettwin already exists/);
    expect(fs.readFileSync(dest, 'utf8')).toBe('theirs');
    expect(fs.readdirSync(dir)).toEqual(['P.nettwin']);
  });
});

describe('Save As, create and export in the host', () => {
  it('20 rounds of two Save As to one name at once: one succeeds, the other is told the name is taken; no I/O error, no empty file, no temp', async () => {
    const { dir, projects } = folder('two-save-as');
    const src = openProjectFile(path.join(dir, 'src.nettwin'), { create: { name: 'src' } });
    for (let i = 0; i < 6; i++) src.topologies.insert({ name: `d${i}`, topology: taggedTopology(`d${i}`, 2000), source: 'imported' });
    src.close();
    for (let i = 0; i < 20; i++) {
      const results = await Promise.allSettled([projects.saveAs('src.nettwin', `V${i}`), projects.saveAs('src.nettwin', `V${i}`)]);
      const ok = results.filter((r) => r.status === 'fulfilled');
      const refused = results.filter((r) => r.status === 'rejected').map((r) => toIpcError((r).reason));
      expect(ok).toHaveLength(1);
      expect(refused.map((e) => e.code)).toEqual(['CONFLICT']);
      expect(refused[0]!.message).toMatch(new RegExp(`V${i}.nettwin" already exists`));
      projects.close(`V${i}.nettwin`);
      const copy = openProjectFile(path.join(dir, `V${i}.nettwin`), { readOnly: true });
      expect(copy.topologies.count()).toBe(6);
      expect(copy.name).toBe(`V${i}`);
      copy.close();
    }
    projects.closeAll();
    expect(fs.readdirSync(dir).filter((n) => /\.tmp-|-journal$|\.lock$/.test(n))).toEqual([]);
  }, 60_000);

  it('create refuses a name that exists, and takes over an empty file a killed create of an older NetTwin left', () => {
    const { dir, projects } = folder('create');
    projects.create('Taken');
    expect(toIpcError(tryCall(() => projects.create('Taken'))).code).toBe('CONFLICT');
    fs.writeFileSync(path.join(dir, 'Empty.nettwin'), '');
    const info = projects.create('Empty');
    expect(info.name).toBe('Empty');
    expect(fs.statSync(path.join(dir, 'Empty.nettwin')).size).toBeGreaterThan(0);
    projects.closeAll();
  });

  it('the CLI create over an empty file left by a killed create succeeds instead of "is empty, not a NetTwin project"', () => {
    const file = path.join(tmp.dir, 'F.nettwin');
    fs.writeFileSync(file, '');
    const p = openProjectFile(file, { create: { name: 'F' } });
    expect(p.name).toBe('F');
    p.close();
  });

  it('export never replaces a project created while it was being written', async () => {
    const { dir, projects } = folder('export');
    const src = openProjectFile(path.join(dir, 'src.nettwin'), { create: { name: 'src' } });
    for (let i = 0; i < 6; i++) src.topologies.insert({ name: `d${i}`, topology: taggedTopology(`d${i}`, 3000), source: 'imported' });
    src.close();
    const exporting = projects.exportShare('src.nettwin', 'Shared', false);
    // Another process creates the same name while the copy is written.
    const theirs = openProjectFile(path.join(dir, 'Shared.nettwin'), { create: { name: 'theirs' } });
    theirs.close();
    expect(toIpcError(await exporting.then(() => null, (e: unknown) => e)).code).toBe('CONFLICT');
    const kept = openProjectFile(path.join(dir, 'Shared.nettwin'), { readOnly: true });
    expect(kept.name).toBe('theirs');
    kept.close();
    projects.closeAll();
  });
});

function tryCall(fn: () => unknown): unknown {
  try {
    fn();
    return null;
  } catch (err) {
    return err;
  }
}
