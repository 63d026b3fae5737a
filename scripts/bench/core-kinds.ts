/**
 * `npx tsx scripts/bench/core-kinds.ts [devices]` — CPU per N-1 scenario of a
 * generated hybrid by kind (leaf failures, core router failures, core link
 * failures), one thread, as the sweep job sets the evaluator up; and, with
 * CHECK=1, every sampled scenario against the general path (the
 * per-destination repair alone), field by field.
 */
import { buildTopology } from '../../src-shared/generate/generate';
import { compileTopology } from '../../src-shared/sim/csr';
import { ImpactEvaluator, IMPACT_FIELDS } from '../../src-shared/sim/impact';
import { DualHomedImpact } from '../../src-shared/sim/impact-dualhomed';
import { RoutingEngine } from '../../src-shared/sim/routing';
import { n1Scenarios, type FailureSpec } from '../../src-shared/sim/sweep';
import { uniformTraffic } from '../../src-shared/sim/traffic';
import { benchIntent } from './intents';

const size = Number(process.argv[2] ?? '5000');
const t = buildTopology(benchIntent(Math.round(size / 1.057)), 'hybrid', 1);
const g = compileTopology(t);
const cpu = (): number => {
  const c = process.cpuUsage();
  return (c.user + c.system) / 1e3;
};
let c0 = cpu();
const engine = new RoutingEngine(g, uniformTraffic(g));
const impact = new ImpactEvaluator(engine, { siteOf: t.nodes.map(() => -1), unitGbps: 1 });
const specs = n1Scenarios(g);
const leaves = DualHomedImpact.build(engine, impact, new Float64Array(g.nodeIds.length).fill(1), 1, specs);
// BEFORE=1: failed non-leaf routers left to the general path, as before dualhomed-corenode.ts (same run, same design).
if (leaves !== null) {
  impact.useSingleFailure(
    process.env['BEFORE'] === '1'
      ? { handles: (s) => leaves.isLeafFailure(s), stretch: (spec, f, sink, base) => leaves.stretch(spec, f, sink, base), loadFields: (...a) => leaves.loadFields(...a) }
      : leaves,
  );
}
console.log(`${g.nodeIds.length} devices, ${g.linkIds.length} links, ${specs.length} scenarios; set-up ${(cpu() - c0).toFixed(0)} ms CPU; leaf path ${leaves !== null}`);
const kind = (s: FailureSpec): string => (leaves?.isLeafFailure(s) ? 'leaf' : s.nodes.length === 1 ? `core node (${t.nodes[s.nodes[0]!]!.role})` : 'core link');
const groups = new Map<string, FailureSpec[]>();
for (const s of specs) groups.set(kind(s), [...(groups.get(kind(s)) ?? []), s]);
// The general path: every destination repaired on its own (no leaf closed form, no twin replay).
const check = process.env['CHECK'] === '1' ? new ImpactEvaluator(new RoutingEngine(g, uniformTraffic(g)), { siteOf: t.nodes.map(() => -1), unitGbps: 1 }, undefined, false) : null;
const F = IMPACT_FIELDS.length;
for (const [k, list] of groups) {
  if (process.env["ONLY"] && !k.startsWith(process.env["ONLY"])) continue;
  const c0c = { ...(leaves?.coreCounts ?? {}) };
  const t0 = { ...(impact.twinCounts ?? { replayed: 0, untouched: 0 }) };
  const per = Number(process.env["SAMPLE"] ?? "60");
  const sample = list.filter((_, i) => i % Math.max(1, Math.floor(list.length / per)) === 0);
  const out = new Float64Array(F * sample.length);
  c0 = cpu();
  for (let i = 0; i < sample.length; i += 32) {
    const blk = sample.slice(i, i + 32);
    impact.evaluateBlock(blk, out, blk.map((_, j) => (i + j) * F));
  }
  const ms = (cpu() - c0) / sample.length;
  let bad = 0;
  if (check !== null) {
    const want = new Float64Array(F);
    sample.forEach((s, i) => {
      check.evaluateInto(s, want, 0);
      for (let j = 0; j < F; j++) {
        const x = want[j]!;
        const y = out[i * F + j]!;
        if (!(x === y || (j !== 9 && Math.abs(x - y) <= 1e-9 * Math.max(1, Math.abs(x))))) {
          bad++;
          console.log(`  differs: ${k} ${JSON.stringify(s)} ${IMPACT_FIELDS[j]} ${x} vs ${y}`);
        }
      }
    });
  }
  const cc = leaves?.coreCounts;
  const tc = impact.twinCounts;
  const twins = tc ? `twins replayed ${tc.replayed - t0.replayed}, untouched ${tc.untouched - t0.untouched}; ` : '';
  console.log(`${k}: ${twins}${cc ? `destinations closed ${cc.closed - (c0c.closed ?? 0)}, repaired ${cc.repaired - (c0c.repaired ?? 0)}; ` : ""}${list.length} scenarios, ${sample.length} sampled: ${ms.toFixed(2)} ms CPU each (all: ${((ms * list.length) / 1000).toFixed(1)} s)${check ? `, ${bad} fields differ from the general path` : ''}`);
}
