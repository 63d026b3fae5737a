import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_PRICE_BOOK } from '../../../src-shared/cost/pricebook';
import { costDesign } from '../../../src-shared/cost/cost';
import type { Result } from '../../../src-shared/contract/result';
import type { TopologyRecord, TopologySummary } from '../../../src-shared/model/records';
import type { ValidationResult } from '../../../src-shared/validate/types';
import { validateDesign } from '../../../src-shared/validate/validate';
import { electronTransport, type Transport } from '../../helpers/transports';
import { zooGraphml } from '../../shared/io/huge-graphml';

const value = <T>(r: Result<unknown>): T => {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value as T;
};
interface JobEvent {
  jobId: string;
  kind: string;
  done?: number;
  total?: number;
  message?: string;
  ok?: boolean;
  value?: unknown;
  error?: { code: string; message: string };
}

/** Every job event from the shared bus, so a test can wait for one job's end and read its progress. */
function jobEvents(t: Transport): { progress: JobEvent[]; finished(jobId: string): Promise<JobEvent> } {
  const progress: JobEvent[] = [];
  const ended = new Map<string, JobEvent>();
  const waiting = new Map<string, (e: JobEvent) => void>();
  t.services.bus.subscribe((name, payload) => {
    const e = payload as JobEvent;
    if (name === 'job:progressed') progress.push(e);
    if (name === 'job:finished') {
      ended.set(e.jobId, e);
      waiting.get(e.jobId)?.(e);
    }
  });
  return {
    progress,
    finished: (jobId) => new Promise((r) => (ended.has(jobId) ? r(ended.get(jobId)!) : waiting.set(jobId, r))),
  };
}

/** Calls app:info every 20 ms until `until` settles; returns each answer's latency. */
async function probe(t: Transport, until: Promise<unknown>): Promise<number[]> {
  let running = true;
  void until.finally(() => (running = false));
  const latencies: number[] = [];
  while (running) {
    const t0 = performance.now();
    expect(value<{ mode: string }>(await t.call('app:info', {})).mode).toBe('browser');
    latencies.push(performance.now() - t0);
    await new Promise((r) => setTimeout(r, 20));
  }
  return latencies;
}

// 4,000 devices: over the 2,000 validated on the host's thread, and a
// validation long enough (seconds) to see the host answer during it.
const DEVICES = 4_000;

describe(`validating a ${DEVICES.toLocaleString('en-US')}-device design off the host's thread`, () => {
  let t: Transport;
  let projectId: string;
  let design: TopologySummary;
  let events: ReturnType<typeof jobEvents>;
  const records = (): number => t.services.projects.get(projectId).validations.listFor(design.id).length;

  beforeAll(async () => {
    t = electronTransport();
    events = jobEvents(t);
    projectId = value<{ id: string }>(await t.call('project:create', { name: 'Validate huge' })).id;
    design = value<{ summary: TopologySummary }>(await t.call('design:import', { projectId, fileName: 'zoo4k.graphml', text: zooGraphml(DEVICES) })).summary;
    expect(design.nodeCount).toBe(DEVICES);
  });
  afterAll(async () => {
    await t.close();
  });

  it('design:validateJob reports site pairs checked, keeps the host answering, and records what validateDesign computes', async () => {
    const before = records();
    const started = performance.now();
    const { jobId } = value<{ jobId: string }>(await t.call('design:validateJob', { projectId, designId: design.id }));
    const done = events.finished(jobId);
    const latencies = await probe(t, done);
    const took = performance.now() - started;
    const end = await done;
    expect(end.ok, end.error?.message).toBe(true);
    // The host answered all along, never waiting anything like the validation's length.
    expect(latencies.length).toBeGreaterThanOrEqual(5);
    expect(Math.max(...latencies)).toBeLessThan(Math.min(500, took / 3));
    const mine = events.progress.filter((p) => p.jobId === jobId && p.message!.includes('site pairs'));
    expect(mine.length).toBeGreaterThanOrEqual(2);
    const dones = mine.map((p) => p.done!);
    expect(dones).toEqual([...dones].sort((a, b) => a - b));
    expect(mine.at(-1)!.message).toMatch(/^validating 4,000 devices: [\d,]+ of [\d,]+ site pairs$/);
    // The same result as validating here, with the project's prices, and a ValidationRecord of it.
    const rec = value<TopologyRecord>(await t.call('design:get', { projectId, designId: design.id }));
    const here = validateDesign(rec.topology, undefined, { cost: costDesign(rec.topology, DEFAULT_PRICE_BOOK) });
    expect(end.value as ValidationResult).toEqual(here);
    expect(here.metrics.diameterHops).toBeGreaterThan(0);
    expect(records()).toBe(before + 1);
  }, 120_000);

  it('cancelled while checking site pairs, it ends CANCELLED and records nothing', async () => {
    const before = records();
    const { jobId } = value<{ jobId: string }>(await t.call('design:validateJob', { projectId, designId: design.id }));
    const done = events.finished(jobId);
    while (!events.progress.some((p) => p.jobId === jobId && p.message!.includes('site pairs'))) await new Promise((r) => setTimeout(r, 5));
    expect(value<{ cancelled: boolean }>(await t.call('job:cancel', { jobId })).cancelled).toBe(true);
    const end = await done;
    expect(end.ok).toBe(false);
    expect(end.error?.code).toBe('CANCELLED');
    await new Promise((r) => setTimeout(r, 200));
    expect(records()).toBe(before);
  }, 120_000);

  it('plain design:validate on it does not hold the host either', async () => {
    const call = t.call('design:validate', { projectId, designId: design.id });
    const latencies = await probe(t, call);
    const result = value<ValidationResult>(await call);
    expect(result.checks.map((c) => c.id)).toContain('latency');
    expect(latencies.length).toBeGreaterThanOrEqual(5);
    expect(Math.max(...latencies)).toBeLessThan(500);
  }, 120_000);

  it('a missing design is refused at once, before any job starts', async () => {
    const r = await t.call('design:validateJob', { projectId, designId: 'no-such-design' });
    expect(r.ok ? null : r.error.code).toBe('NOT_FOUND');
  });
});
