/**
 * `npm run bench:cancel`: how long Cancel takes to end optimise:run and
 * recommend:verified. Each job runs as the IPC handler starts it (JobManager,
 * services, a worker thread of its own) on a 300-site hybrid design /
 * intent, is cancelled on its first progress event after the work began,
 * and the time from job:cancel to job:finished is measured. Also prints how
 * long the same work runs when not cancelled, the progress events seen and
 * the longest stall of the host's event loop meanwhile (what any other call waits).
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { harness, trace } from '../../test/main/jobs/cancel-harness';

const RUNS = Number(process.env['RUNS'] ?? 5);
const h = harness();
const ms = (x: number): string => `${x.toFixed(1)} ms`;
const stats = (xs: number[]): string => {
  const s = [...xs].sort((a, b) => a - b);
  return `median ${ms(s[Math.floor(s.length / 2)]!)}, max ${ms(s.at(-1)!)} over ${s.length} runs`;
};

try {
  const s = h.services;
  const optimise = (maxSteps: number) => (ctx: Parameters<Parameters<typeof s.jobs.start>[1]>[0]) =>
    s.optimise.run({ projectId: h.projectId, designId: h.designId, strategy: 'cost', maxSteps }, ctx);
  const verify = (ctx: Parameters<Parameters<typeof s.jobs.start>[1]>[0]) =>
    s.recommend.verified({ intent: h.intent, options: 3 }, ctx);

  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  const full = await trace(s, 'optimise:run', optimise(10));
  loop.disable();
  console.log(`optimise:run, 10 steps, not cancelled: ${ms(full.totalMs)}, longest event-loop stall ${ms(loop.max / 1e6)}, ${full.progress.length} progress events (${full.progress.map((p) => `${p.done}/${p.total}`).join(' ')})`);
  // The optimiser applied those steps: later runs start from the improved design, as a user's would.
  const cancels: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = await trace(s, 'optimise:run', optimise(40), 1);
    if (t.code !== 'CANCELLED' || t.cancelMs === null) throw new Error(`optimise:run was not cancelled (${t.code ?? 'ok'})`);
    cancels.push(t.cancelMs);
  }
  console.log(`optimise:run Cancel → job:finished: ${stats(cancels)}`);

  loop.reset();
  loop.enable();
  const fullV = await trace(s, 'recommend:verified', verify);
  loop.disable();
  console.log(`recommend:verified, 4 families × 3 variants, not cancelled: ${ms(fullV.totalMs)}, longest event-loop stall ${ms(loop.max / 1e6)}, ${fullV.progress.length} progress events`);
  const cancelsV: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = await trace(s, 'recommend:verified', verify, 1);
    if (t.code !== 'CANCELLED' || t.cancelMs === null) throw new Error(`recommend:verified was not cancelled (${t.code ?? 'ok'})`);
    cancelsV.push(t.cancelMs);
  }
  console.log(`recommend:verified Cancel → job:finished: ${stats(cancelsV)}`);
} finally {
  h.close();
}
