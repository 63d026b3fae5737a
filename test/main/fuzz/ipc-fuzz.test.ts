import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNELS, type Channel } from '../../../src-shared/contract/channels';
import { electronTransport, httpTransport, type Transport } from '../../helpers/transports';
import { applyPlan, planArb } from './arbitraries';
import { JOBS } from './effects';
import { buildWorld, touchedUntouchables, validPayload, type World } from './world';

/**
 * Every IPC channel, through Electron's handler and the HTTP host, with
 * random values and mutations of a valid payload (ledger.ts says what each
 * answer must satisfy). Replay a failure with the seed it prints:
 * `FUZZ_SEED=<seed> npx vitest run test/main/fuzz/ipc-fuzz.test.ts`.
 */

const SEED = Number(process.env['FUZZ_SEED'] ?? 20_260_808);
const RUNS = Number(process.env['FUZZ_RUNS'] ?? 20);
/** Jobs run a sweep, nine generators or a verified recommendation per accepted payload. */
const JOB_RUNS = Math.max(4, Math.round(RUNS / 2));
/**
 * Calls that are not jobs but compute a whole answer per accepted payload (an estimate of every family,
 * a rendered report, a learning report): as many runs as a job, ~0.5–1 s each. They still meet every
 * mutation kind the plan arbitrary draws and must refuse some of them (asserted below).
 */
const HEAVY: ReadonlySet<Channel> = new Set<Channel>(['recommend:instant', 'report:generate', 'learn:report']);

const prototypesBefore = snapshotPrototypes();

function snapshotPrototypes(): string {
  return [Object.prototype, Array.prototype, Function.prototype, String.prototype]
    .map((p) => Object.getOwnPropertyNames(p).sort().join(','))
    .join('|');
}

const runsFor = (c: Channel) => (JOBS.has(c) || HEAVY.has(c) ? JOB_RUNS : RUNS);

describe.each([
  ['electron', async () => electronTransport()],
  ['http', async () => httpTransport()],
] as const)('IPC fuzz over %s', (name, open) => {
  let t: Transport;
  let w: World;
  let started = 0;
  beforeAll(async () => {
    started = Date.now();
    t = await open();
    w = await buildWorld(t);
  });
  afterAll(async () => {
    const total = [...w.ledger.tally.values()].reduce((s, x) => s + x.ok + x.failed, 0);
    console.log(`fuzz ${name}: ${CHANNELS.length} channels, ${total} calls in ${((Date.now() - started) / 1000).toFixed(1)} s (seed ${SEED}, ${RUNS} runs, jobs ${JOB_RUNS})`);
    if (process.env['FUZZ_VERBOSE']) for (const [c, x] of w.ledger.tally) console.log(`  ${c}: ok ${x.ok}, refused ${JSON.stringify(x.codes)}`);
    await t.close();
  });

  it.each(CHANNELS.map((c, i) => [c, i] as const))('%s answers a value or a clean error and writes only what it may', async (channel, i) => {
    const seed = SEED + i;
    const valid = await w.ledger.call(channel, await validPayload(w, channel));
    expect(valid.ok ? null : valid.error, `${channel}: the valid payload`).toBeNull();
    await fc.assert(
      fc.asyncProperty(planArb(name), async (plan) => {
        await w.ledger.call(channel, applyPlan(await validPayload(w, channel), plan, w.ids));
      }),
      { seed, numRuns: runsFor(channel), endOnFailure: true },
    );
    const tally = w.ledger.tally.get(channel)!;
    expect(tally.ok + tally.failed).toBeGreaterThanOrEqual(runsFor(channel));
    expect(tally.failed, `${channel}: every hostile payload was accepted`).toBeGreaterThan(0);
  });

  it('afterwards: every project file intact and holding exactly the rows the successful calls wrote', async () => {
    expect(w.ledger.verifyAll()).toEqual([]);
    expect(touchedUntouchables(w)).toEqual([]);
    const info = await t.call('app:info', {});
    expect(info.ok).toBe(true);
    expect(snapshotPrototypes()).toBe(prototypesBefore);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(t.services.jobs.activeCount).toBe(0);
  });
});
