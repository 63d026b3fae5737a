import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallInput, CallOutput, Channel } from '../../src-shared/contract/contract';
import type { EventPayload } from '../../src-shared/contract/events';
import type { Result } from '../../src-shared/contract/result';
import type { JobChannel, JobHandle } from '../../src-renderer/api/jobs';
import { buildExample, EXAMPLES, ExampleCancelled, freeName, type ExampleDeps, type ExampleProgress } from '../../src-renderer/features/projects/examples';
import { electronTransport, type Transport } from '../helpers/transports';

/** The renderer's call/runJob, over the real services (Electron's IPC handler, in process). */
function depsOver(t: Transport): ExampleDeps {
  const call = async <C extends Channel>(channel: C, input: CallInput<C>): Promise<CallOutput<C>> => {
    const r = (await t.call(channel, input)) as Result<CallOutput<C>>;
    if (!r.ok) throw new Error(`${channel}: ${r.error.message}`);
    return r.value;
  };
  const runJob = <T, C extends JobChannel>(channel: C, input: CallInput<C>, onProgress: (p: EventPayload<'job:progressed'>) => void): JobHandle<T> => {
    let jobId = '';
    const off = t.services.bus.subscribe((name, p) => {
      if (name === 'job:progressed' && (p as { jobId: string }).jobId === jobId) onProgress(p as EventPayload<'job:progressed'>);
    });
    const started = call(channel, input).then((r) => (jobId = (r as { jobId: string }).jobId));
    const result = started.then(async (id) => {
      const finished = (await (await t.listen('job:finished', (p) => p['jobId'] === id)).event) as EventPayload<'job:finished'>;
      off();
      if (!finished.ok) throw new Error(finished.error?.message ?? 'job failed');
      return finished.value as T;
    });
    return { jobId: started, result, cancel: async () => void (await call('job:cancel', { jobId: await started })) };
  };
  return { call, runJob };
}

describe('example projects', () => {
  let t: Transport;
  beforeAll(() => {
    t = electronTransport();
  });
  afterAll(() => t.close());

  it('names a new project without taking an existing name', () => {
    expect(freeName('Example — X', new Set())).toBe('Example — X');
    expect(freeName('Example — X', new Set(['Example — X', 'Example — X (2)']))).toBe('Example — X (3)');
  });

  it('every example is a valid intent or a readable network (the catalogue parses at load)', () => {
    expect(EXAMPLES.map((e) => e.source.kind)).toEqual(['intent', 'intent', 'intent', 'network']);
    const net = EXAMPLES.find((e) => e.source.kind === 'network')!;
    expect(net.source.kind === 'network' && net.source.text.includes('<graphml')).toBe(true);
  });

  it('an intent example becomes a project with every family, the recommended one swept, a decision pack', async () => {
    const deps = depsOver(t);
    const seen: ExampleProgress[] = [];
    const ex = EXAMPLES.find((e) => e.id === 'trading')!;
    const made = await buildExample(ex, deps, (p) => seen.push(p), new AbortController().signal);
    expect([...new Set(seen.map((p) => p.step))]).toEqual([1, 2, 3, 4, 5]);
    const designs = await deps.call('design:list', { projectId: made.projectId });
    expect(designs.length).toBeGreaterThanOrEqual(5);
    const chosen = designs.find((d) => d.id === made.designId)!;
    const rec = await deps.call('recommend:instant', { intent: ex.source.kind === 'intent' ? ex.source.intent : (null as never) });
    // The opened design is the best-ranked family that was generated.
    expect(chosen.family).toBe(rec.options.map((o) => o.family).find((f) => designs.some((d) => d.family === f)));
    expect(await deps.call('sim:list', { projectId: made.projectId, designId: made.designId! })).toHaveLength(1);
    expect(made.notes.join(' ')).toMatch(/Decision pack written: .*\.pdf/);
    // A second build of the same example gets a name of its own.
    const again = await buildExample(ex, deps, () => {}, new AbortController().signal);
    const names = (await deps.call('project:list', {})).map((p) => p.name);
    expect(names).toEqual(expect.arrayContaining(['Example — Trading venues (critical)', 'Example — Trading venues (critical) (2)']));
    expect(again.projectId).not.toBe(made.projectId);
  }, 120_000);

  it('the real-network example imports GÉANT and sweeps it', async () => {
    const deps = depsOver(t);
    const made = await buildExample(EXAMPLES.find((e) => e.id === 'geant')!, deps, () => {}, new AbortController().signal);
    const [design, ...rest] = await deps.call('design:list', { projectId: made.projectId });
    expect(rest).toEqual([]);
    expect(design).toMatchObject({ id: made.designId, nodeCount: 37, source: 'imported' });
    expect(await deps.call('sim:list', { projectId: made.projectId, designId: made.designId! })).toHaveLength(1);
  }, 120_000);

  it('cancel stops between steps: the project keeps its designs and has no sweep', async () => {
    const deps = depsOver(t);
    const stop = new AbortController();
    const ex = EXAMPLES.find((e) => e.id === 'retail')!;
    const run = buildExample(ex, deps, (p) => p.step === 3 && stop.abort(), stop.signal);
    await expect(run).rejects.toBeInstanceOf(ExampleCancelled);
    const project = (await deps.call('project:list', {})).find((p) => p.name === 'Example — Regional retail chain')!;
    const designs = await deps.call('design:list', { projectId: project.id });
    expect(designs.length).toBeGreaterThan(0);
    for (const d of designs) expect(await deps.call('sim:list', { projectId: project.id, designId: d.id })).toEqual([]);
  }, 120_000);
});
