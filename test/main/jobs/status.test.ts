import { describe, expect, it } from 'vitest';
import { EventBus } from '../../../src-main/services/events';
import { JobManager } from '../../../src-main/services/jobs';

/**
 * A page that comes back (a tab closed mid-sweep, reopened) asks what became
 * of the jobs it started: job:status answers from the JobManager's memory.
 */
describe('job status for a returning page', () => {
  it('follows a job from running (with its progress) to done', async () => {
    const jobs = new JobManager(new EventBus(), 0);
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const { jobId, done } = jobs.start('sim:run', async (ctx) => {
      ctx.progress(40, 100, 'link l3');
      await gate;
      return 1;
    });
    await new Promise((r) => setImmediate(r));
    await new Promise((r) => setImmediate(r));
    const [running] = jobs.status([jobId]);
    expect(running).toMatchObject({ jobId, kind: 'sim:run', state: 'running', done: 40, total: 100, message: 'link l3', endedAt: null, error: null });
    expect(running!.startedAt).toBeGreaterThan(0);
    release();
    await done;
    const [ended] = jobs.status([jobId]);
    expect(ended!.state).toBe('done');
    expect(ended!.endedAt).toBeGreaterThanOrEqual(ended!.startedAt!);
  });

  it('says failed with the message, cancelled when cancelled, unknown for an id it never ran', async () => {
    const jobs = new JobManager(new EventBus(), 0);
    const bad = jobs.start('design:import', () => Promise.reject(new Error('line 3: no such node')));
    await bad.done;
    const slow = jobs.start('optimise:run', (ctx) => new Promise((_, reject) => ctx.signal.addEventListener('abort', () => reject(new Error('aborted')))));
    await new Promise((r) => setImmediate(r));
    expect(jobs.cancel(slow.jobId)).toBe(true);
    await slow.done;
    const [failed, cancelled, unknown] = jobs.status([bad.jobId, slow.jobId, 'from-before-a-restart']);
    expect(failed).toMatchObject({ state: 'failed', kind: 'design:import' });
    expect(failed!.error).toContain('line 3: no such node');
    expect(cancelled).toMatchObject({ state: 'cancelled', error: 'optimise:run cancelled' });
    expect(unknown).toEqual({ jobId: 'from-before-a-restart', kind: null, state: 'unknown', done: 0, total: 0, message: '', startedAt: null, endedAt: null, error: null });
  });

  it('remembers the newest 200 ended jobs, never forgetting one still running', async () => {
    const jobs = new JobManager(new EventBus(), 0);
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const long = jobs.start('sim:run', () => gate);
    const ids: string[] = [];
    for (let i = 0; i < 210; i++) {
      const j = jobs.start('design:validate', () => Promise.resolve(i));
      ids.push(j.jobId);
      await j.done;
    }
    const states = jobs.status([long.jobId, ...ids]).map((s) => s.state);
    expect(states[0]).toBe('running');
    expect(states.slice(1, 11).every((s) => s === 'unknown')).toBe(true);
    expect(states.slice(11).every((s) => s === 'done')).toBe(true);
    release();
    await long.done;
  });
});
