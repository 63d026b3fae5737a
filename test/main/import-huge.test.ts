import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Result } from '../../src-shared/contract/result';
import type { TopologySummary } from '../../src-shared/model/records';
import { electronTransport, httpTransport, type Transport } from '../helpers/transports';
import { zooGraphml } from '../shared/io/huge-graphml';

type Ok<T> = T;
const value = <T>(r: Result<unknown>): Ok<T> => {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value as T;
};
interface Progress {
  jobId: string;
  done: number;
  total: number;
  message: string;
}
interface Finished {
  jobId: string;
  ok: boolean;
  value?: { summary: TopologySummary; report: { mapped: string[]; guessed: string[]; dropped: string[] } };
  error?: { code: string; message: string };
}

/** Every event of a job, in order, from the bus the transports share. */
function follow(t: Transport): { progress: Progress[]; finished: Promise<Finished>; setJob(id: string): void } {
  const progress: Progress[] = [];
  let jobId: string | null = null;
  const early: Finished[] = [];
  let resolve: (f: Finished) => void = () => undefined;
  const finished = new Promise<Finished>((r) => (resolve = r));
  const off = t.services.bus.subscribe((name, payload) => {
    if (name === 'job:progressed') progress.push(payload as Progress);
    if (name === 'job:finished') {
      const f = payload as Finished;
      if (jobId === null) early.push(f);
      else if (f.jobId === jobId) {
        off();
        resolve(f);
      }
    }
  });
  return {
    progress,
    finished,
    setJob(id) {
      jobId = id;
      const f = early.find((e) => e.jobId === id);
      if (f) {
        off();
        resolve(f);
      }
    },
  };
}

describe('importing a 50,000-node GraphML as a job', () => {
  let t: Transport;
  let projectId: string;
  const big = zooGraphml(50_000);
  const edges = big.match(/<edge /g)!.length;
  const loops = [...big.matchAll(/<edge source="(\d+)" target="(\d+)"/g)].filter((m) => m[1] === m[2]).length;

  beforeAll(async () => {
    t = electronTransport();
    projectId = value<{ id: string }>(await t.call('project:create', { name: 'Huge' })).id;
  });
  afterAll(async () => {
    await t.close();
  });

  it('completes with progress while other calls keep answering', async () => {
    const job = follow(t);
    const started = performance.now();
    const { jobId } = value<{ jobId: string }>(await t.call('design:importJob', { projectId, fileName: 'zoo50k.graphml', text: big }));
    job.setJob(jobId);
    let running = true;
    const latencies: number[] = [];
    const probe = (async () => {
      while (running) {
        const t0 = performance.now();
        expect(value<{ mode: string }>(await t.call('app:info', {})).mode).toBe('browser');
        latencies.push(performance.now() - t0);
        await new Promise((r) => setTimeout(r, 20));
      }
    })();
    const done = await job.finished;
    const importMs = performance.now() - started;
    running = false;
    await probe;

    expect(done.ok, done.error?.message).toBe(true);
    expect(done.value!.summary.nodeCount).toBe(50_000);
    expect(done.value!.summary.linkCount).toBe(edges - loops);
    // app:info answered all along, never waiting anything like the import's length.
    expect(latencies.length).toBeGreaterThanOrEqual(10);
    expect(Math.max(...latencies)).toBeLessThan(Math.min(2500, importMs / 2));
    // Progress: reading by bytes, in order, then storing; the last figure is the whole.
    const mine = job.progress.filter((p) => p.jobId === jobId);
    const reading = mine.filter((p) => p.message.startsWith('reading zoo50k.graphml: '));
    expect(reading.length).toBeGreaterThanOrEqual(3);
    expect(mine.map((p) => p.done)).toEqual([...mine.map((p) => p.done)].sort((a, b) => a - b));
    expect(mine.some((p) => p.message.startsWith('storing 50,000 devices'))).toBe(true);
    // A report a person can read, stored in the audit, and said plainly that validation waits.
    const report = done.value!.report;
    expect(report.guessed.length).toBeLessThanOrEqual(100);
    expect(report.dropped.some((l) => l.startsWith('validation at import: 50,000 devices'))).toBe(true);
    const listed = value<TopologySummary[]>(await t.call('design:list', { projectId }));
    expect(listed.map((d) => d.nodeCount)).toEqual([50_000]);
  }, 60_000);

  it('cancelled while reading, stores nothing', async () => {
    const before = value<TopologySummary[]>(await t.call('design:list', { projectId })).length;
    const job = follow(t);
    const { jobId } = value<{ jobId: string }>(await t.call('design:importJob', { projectId, fileName: 'again.graphml', text: big }));
    job.setJob(jobId);
    while (!job.progress.some((p) => p.jobId === jobId && p.message.startsWith('reading'))) await new Promise((r) => setTimeout(r, 5));
    expect(value<{ cancelled: boolean }>(await t.call('job:cancel', { jobId })).cancelled).toBe(true);
    const done = await job.finished;
    expect(done.ok).toBe(false);
    expect(done.error?.code).toBe('CANCELLED');
    expect(value<TopologySummary[]>(await t.call('design:list', { projectId })).length).toBe(before);
  }, 60_000);
});

describe('a file over the limits, through both transports', () => {
  let e: Transport;
  let h: Transport;
  beforeAll(async () => {
    e = electronTransport();
    h = await httpTransport();
  });
  afterAll(async () => {
    await e.close();
    await h.close();
  });

  it('is refused with the file, the count found and the limit, and nothing is stored', async () => {
    const parts = ['<graphml><graph>'];
    for (let i = 0; i <= 100_000; i++) parts.push(`<node id="n${i}"/>`);
    const text = parts.join('\n') + '</graph></graphml>';
    for (const t of [e, h]) {
      const projectId = value<{ id: string }>(await t.call('project:create', { name: `Limits ${t.name}` })).id;
      const r = await t.call('design:import', { projectId, fileName: 'country.graphml', text });
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.error.code).toBe('INVALID_INPUT');
        expect(r.error.message).toMatch(/^country\.graphml: 100,001 nodes, more than the 100,000 nodes NetTwin imports in one design/);
      }
      expect(value<unknown[]>(await t.call('design:list', { projectId }))).toEqual([]);
    }
  }, 60_000);
});
