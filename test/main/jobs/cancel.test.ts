import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { intentOfShape } from '../../../src-shared/learn/intents';
import { harness, trace, type Harness } from './cancel-harness';

/**
 * optimise:run and recommend:verified run in a worker thread: progress
 * arrives while the work runs (not 0 then 1), and Cancel ends the job in the
 * middle of it, writing nothing. The latency figures themselves are printed
 * by `npm run bench:cancel`; here the bound is loose (a second, against work
 * that runs for several) so that a slow CI machine does not fail it.
 */
let h: Harness;
beforeAll(() => {
  h = harness();
});
afterAll(() => h.close());

describe('optimisation as a job', () => {
  it('reports every step while it runs and finishes', async () => {
    // Progress per step is what is checked here, not how long a step takes: a 30-site design of the same
    // shape and family takes three steps in well under a second each (the 300-site one is for Cancel below).
    const small = intentOfShape({ sites: 30, regions: 3, redundancy: 'HIGH', goal: 'cost', mix: 0 });
    const designId = h.services.designs.generate(h.projectId, small, 'hybrid').id;
    const t = await trace(h.services, 'optimise:run', (ctx) =>
      h.services.optimise.run({ projectId: h.projectId, designId, strategy: 'cost', maxSteps: 3 }, ctx));
    expect(t.ok).toBe(true);
    const during = t.progress.filter((p) => p.done > 0 && p.done < p.total);
    expect(during.length).toBeGreaterThan(0);
    // Every step of the run was reported as it finished: 1 and 2 of 3 before the end.
    expect(during.map((p) => p.done)).toEqual([1, 2]);
  }, 120_000);

  it('Cancel during a step ends the job at once and stores no step', async () => {
    const before = h.services.optimise.list({ projectId: h.projectId, designId: h.designId }).length;
    const revision = h.services.designs.get(h.projectId, h.designId).revision;
    const t = await trace(h.services, 'optimise:run', (ctx) =>
      h.services.optimise.run({ projectId: h.projectId, designId: h.designId, strategy: 'cost', maxSteps: 40 }, ctx), 1);
    expect(t.ok).toBe(false);
    expect(t.code).toBe('CANCELLED');
    expect(t.cancelMs).not.toBeNull();
    expect(t.cancelMs!).toBeLessThan(1000);
    expect(h.services.optimise.list({ projectId: h.projectId, designId: h.designId })).toHaveLength(before);
    expect(h.services.designs.get(h.projectId, h.designId).revision).toBe(revision);
  }, 120_000);
});

describe('verified recommendation as a job', () => {
  it('reports candidates while it runs, and Cancel ends it at once, recording nothing', async () => {
    const samples = h.services.learning.history().length;
    const t = await trace(h.services, 'recommend:verified', (ctx) =>
      h.services.recommend.verified({ intent: h.intent, options: 3, projectId: h.projectId }, ctx), 1);
    expect(t.progress.some((p) => p.done >= 1 && p.done < p.total)).toBe(true);
    expect(t.code).toBe('CANCELLED');
    expect(t.cancelMs!).toBeLessThan(1000);
    expect(h.services.learning.history().length).toBe(samples);
  }, 120_000);
});
