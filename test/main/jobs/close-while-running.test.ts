import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createHandlers } from '../../../src-main/ipc/handlers';
import { createServices, type Services } from '../../../src-main/services/container';
import type { ProjectFile } from '../../../src-main/store/projectFile';
import { tempDir } from '../../helpers/tmp';

/**
 * A tab closed during a sweep sends project:close while the sweep still
 * runs on the project: closing at once pulled the database from under the
 * job ("The database connection is not open", found by the interrupted-jobs
 * e2e test). The close now waits for the project's jobs, and a reopen before
 * they end keeps the project open.
 */
let cleanup: (() => void) | null = null;
afterEach(() => cleanup?.());

function setup(): { s: Services; projectId: string; close: (id: string) => unknown } {
  const tmp = tempDir('nettwin-close-');
  const s = createServices({ mode: 'browser', projectsDir: path.join(tmp.dir, 'projects'), dataDir: path.join(tmp.dir, 'data') });
  cleanup = () => {
    s.dispose();
    tmp.cleanup();
  };
  const projectId = s.projects.create('close while running').id;
  const handlers = createHandlers(s);
  return { s, projectId, close: (id) => (handlers['project:close'] as (i: { id: string }) => unknown)({ id }) };
}

/** A job on the project that holds its file, as a sweep does, until released; then writes through it. */
function heldJob(s: Services, projectId: string): { release: () => void; done: Promise<void>; file: ProjectFile } {
  let release!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  const file = s.projects.writable(projectId);
  const { done } = s.jobs.start('sim:run', async () => {
    await gate;
    file.audit.append('system', 'sim.run', null, { stored: 'after the tab closed' });
    return null;
  }, { projectId });
  return { release, done, file };
}

describe('project:close while a job runs on the project', () => {
  it('waits for the job to store its result, then closes', async () => {
    const { s, projectId, close } = setup();
    const job = heldJob(s, projectId);
    close(projectId);
    expect(job.file.isOpen).toBe(true);
    job.release();
    await job.done;
    await new Promise((r) => setImmediate(r));
    expect(job.file.isOpen).toBe(false);
    expect(s.jobs.status([]).length).toBe(0);
    // What the job wrote after the close was asked is in the file.
    const reopened = s.projects.writable(projectId);
    expect(reopened.audit.list().some((e) => e.action === 'sim.run')).toBe(true);
  });

  it('keeps the project open when it is opened again before the job ends (a reload)', async () => {
    const { s, projectId, close } = setup();
    const job = heldJob(s, projectId);
    close(projectId);
    s.projects.openById(projectId);
    job.release();
    await job.done;
    await new Promise((r) => setImmediate(r));
    expect(job.file.isOpen).toBe(true);
  });

  it('closes at once when nothing runs on it, and a job on another project does not hold it', async () => {
    const { s, projectId, close } = setup();
    const other = s.projects.create('other').id;
    const job = heldJob(s, other);
    const file = s.projects.writable(projectId);
    close(projectId);
    expect(file.isOpen).toBe(false);
    job.release();
    await job.done;
  });
});
