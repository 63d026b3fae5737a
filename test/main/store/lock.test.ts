import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { lockPathFor, ProjectLockedError } from '../../../src-main/store/lock';
import { openProjectFile } from '../../../src-main/store/projectFile';
import { tempDir } from '../../helpers/tmp';

const tmp = tempDir();
afterAll(tmp.cleanup);

describe('project lock', () => {
  it('a project held by another live process is refused for writing and offered read-only', async () => {
    const file = path.join(tmp.dir, 'held.nettwin');
    openProjectFile(file, { create: { name: 'held' } }).close();
    expect(fs.existsSync(lockPathFor(file))).toBe(false); // released on close
    const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)']);
    try {
      fs.writeFileSync(lockPathFor(file), JSON.stringify({ pid: other.pid, host: os.hostname(), app: 'NetTwin test', openedAt: 0 }));
      expect(() => openProjectFile(file)).toThrow(ProjectLockedError);
      expect(() => openProjectFile(file)).toThrow(/open it read-only instead/);
      const ro = openProjectFile(file, { readOnly: true });
      expect(ro.readOnly).toBe(true);
      expect(ro.name).toBe('held');
      ro.close();
      expect(fs.existsSync(lockPathFor(file))).toBe(true); // a reader never removes the writer's lock
    } finally {
      other.kill();
    }
  });

  it('a lock left by a crashed process is taken over', () => {
    const file = path.join(tmp.dir, 'stale.nettwin');
    openProjectFile(file, { create: { name: 'stale' } }).close();
    fs.writeFileSync(lockPathFor(file), JSON.stringify({ pid: 2 ** 22 + 12345, host: os.hostname(), app: 'crashed', openedAt: 0 }));
    const p = openProjectFile(file);
    expect(JSON.parse(fs.readFileSync(lockPathFor(file), 'utf8')).pid).toBe(process.pid);
    p.close();
    expect(fs.existsSync(lockPathFor(file))).toBe(false);
  });

  it('two opens in one process share the lock (also under another spelling of the path); it goes with the last close', () => {
    const file = path.join(tmp.dir, 'shared.nettwin');
    openProjectFile(file, { create: { name: 'shared' } }).close();
    const a = openProjectFile(file);
    const b = openProjectFile(path.relative(process.cwd(), file));
    a.close();
    expect(fs.existsSync(lockPathFor(file))).toBe(true);
    b.close();
    expect(fs.existsSync(lockPathFor(file))).toBe(false);
  });

  it('a lock file is never seen without its owner, and a stale takeover leaves no helper files', () => {
    const file = path.join(tmp.dir, 'clean.nettwin');
    openProjectFile(file, { create: { name: 'clean' } }).close();
    fs.writeFileSync(lockPathFor(file), JSON.stringify({ pid: 2 ** 22 + 777, host: os.hostname(), app: 'crashed', openedAt: 0 }));
    const p = openProjectFile(file);
    const info = JSON.parse(fs.readFileSync(lockPathFor(file), 'utf8')) as { pid: number; token: string };
    expect(info.pid).toBe(process.pid);
    expect(info.token).toMatch(/^[0-9a-f]{16}$/);
    p.close();
    expect(fs.readdirSync(tmp.dir).filter((n) => n.startsWith('clean.nettwin.'))).toEqual([]);
  });
});
