/**
 * `npx tsx scripts/bench/optimise-step.ts`: one cost-cut step of the
 * optimiser on a generated hybrid of about 333 devices (benchIntent(295),
 * HIGH; BENCH_SITES=n for another size). The step validates up to
 * COST_CANDIDATES designs, each with a full capacity-under-failure run (the
 * check generation and verified recommendations share), so it measures that
 * check at the optimiser's scale. Prints CPU (the comparable figure under
 * load) and wall time with the load average, and the step found.
 */
import os from 'node:os';
import { buildTopology } from '../../src-shared/generate/generate';
import { proposeStep } from '../../src-shared/optimise/run';
import { benchIntent } from './intents';

const sites = Number(process.env['BENCH_SITES'] ?? 295);
const load = (): string => `load ${os.loadavg().map((x) => x.toFixed(2)).join(' ')}`;
const intent = benchIntent(sites);
const t = buildTopology(intent, 'hybrid', 1);
console.log(`optimiser cost step — hybrid of ${sites} sites: ${t.nodes.length} devices, ${t.links.length} links, keep HIGH (${load()})`);
const c0 = process.cpuUsage();
const w0 = performance.now();
const step = proposeStep(t, { strategy: 'cost', keep: 'HIGH', intent });
const c = process.cpuUsage(c0);
console.log(`  cpu ${((c.user + c.system) / 1000).toFixed(0)} ms, wall ${(performance.now() - w0).toFixed(0)} ms (${load()})`);
console.log(step === null ? '  no step: no removal keeps HIGH without a new failing check' : `  step: ${step.rule} — ${step.rationale}`);
