import { TOPOLOGY_FAMILIES } from '../../../src-shared/model/topology';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { generateDesign } from '../../../src-shared/generate/generate';
import { intentGrid, intentOfShape } from '../../../src-shared/learn/intents';
import { samplesForIntents } from '../../../src-shared/learn/history';
import { estimateRecordPending } from '../../../src-shared/learn/estimate-record';
import { fitPredictor } from '../../../src-shared/learn/predictor';
import { learningReport } from '../../../src-shared/learn/report';
import { intentFeatures } from '../../../src-shared/learn/features';
import { openProjectFile, type ProjectFile } from '../../../src-main/store/projectFile';
import { KnowledgeBase } from '../../../src-main/store/knowledge';
import { LearningService } from '../../../src-main/services/learning';
import { RecommendService } from '../../../src-main/services/recommend';
import { EventBus } from '../../../src-main/services/events';
import { JobManager } from '../../../src-main/services/jobs';
import { rankVerified } from '../../../src-shared/learn/options';
import type { RecommendPartialShape, RecommendResultShape } from '../../../src-shared/contract/learn-types';
import { tempDir } from '../../helpers/tmp';

let tmp: ReturnType<typeof tempDir>;
let project: ProjectFile;
let clock = 5_000;
const now = () => ++clock;
// A small history: the grid's intents up to 16 sites (every class and region count).
const seedHistory = samplesForIntents(intentGrid().filter((i) => i.siteGroups.reduce((a, g) => a + (g.count ?? 0), 0) <= 16), { origin: 'bootstrap', softwareVersion: 'test', now: 0 });
let bootstrap: string;

beforeEach(() => {
  tmp = tempDir();
  bootstrap = path.join(tmp.dir, 'bootstrap.nettwin');
  const kb = KnowledgeBase.open(bootstrap, { now: () => 0 });
  kb.samples.add(seedHistory);
  kb.close();
  project = openProjectFile(path.join(tmp.dir, 'p.nettwin'), { create: { name: 'p' }, now });
});
afterEach(() => {
  project.close();
  tmp.cleanup();
});

const service = () => new LearningService({ knowledgeFile: path.join(tmp.dir, 'data', 'knowledge.nettwin'), bootstrapFile: bootstrap, now }, () => project);

describe('the predictor fitted in a worker', () => {
  it('warm() fits it off the host thread; the host then uses that fit, with the same predictions as a fit of its own', async () => {
    const learning = service();
    learning.warm();
    const ready = learning.predictorReady();
    expect(learning.predictorReady()).toBe(ready); // one fit for callers arriving meanwhile
    const p = await ready;
    expect(learning.predictor()).toBe(p); // no second fit on the host
    const own = fitPredictor(learning.history());
    expect(p.trainedOn).toBe(own.trainedOn);
    expect(p.heldOut).toEqual(own.heldOut);
    const x = intentFeatures(intentOfShape({ sites: 12, regions: 2, redundancy: 'HIGH', goal: 'cost', mix: 1 })).vector;
    for (const f of own.families) expect(p.predict(f, x)).toEqual(own.predict(f, x));
    // History grows (a generated design is recorded): the first paint may use the last fit while the refit runs.
    learning.record(samplesForIntents([intentOfShape({ sites: 4, regions: 1, redundancy: 'NONE', goal: 'cost', mix: 0, name: 'one more' })], { origin: 'project', softwareVersion: 'test', now: 7 }));
    expect(learning.lastPredictor()).toBe(p);
    const refit = await learning.predictorReady();
    expect(refit).not.toBe(p);
    expect(refit.trainedOn).toBeGreaterThan(p.trainedOn);
    expect(learning.lastPredictor()).toBe(refit);
    learning.dispose();
  });
});

describe('knowledge base', () => {
  it('is seeded from the bootstrap once and merges by id', () => {
    const learning = service();
    expect(learning.history()).toHaveLength(seedHistory.length);
    project.samples.add(seedHistory.slice(0, 5));
    expect(learning.mergeProject('p').added).toBe(0); // same ids: nothing new
    const fresh = samplesForIntents([intentOfShape({ sites: 5, regions: 1, redundancy: 'NONE', goal: 'cost', mix: 0, name: 'fresh' })], { origin: 'project', softwareVersion: 'test', now: 1 });
    project.samples.add(fresh);
    expect(learning.mergeProject('p').added).toBe(fresh.length);
    expect(learning.mergeProject('p').added).toBe(0);
    learning.dispose();
  });

  it("records a project's generated design as history, and skips a design without intent", () => {
    const learning = service();
    const intent = intentOfShape({ sites: 6, regions: 1, redundancy: 'HIGH', goal: 'cost', mix: 0 });
    const d = generateDesign(intent, 'dual-ring', 1);
    const intentId = project.intents.insert(intent.name, intent).id;
    const id = project.topologies.insert({ name: 'dr', topology: d.topology, source: 'generated', family: 'dual-ring', seed: 1, intentId, cost: d.cost }).id;
    const before = learning.history().length;
    const s = learning.recordDesign('p', id)!;
    expect(s.family).toBe('dual-ring');
    expect(s.label.success).toBe(true);
    expect(s.metrics.costUsd).toBe(d.cost.totalUsd);
    expect(learning.history()).toHaveLength(before + 1);
    const bare = project.topologies.insert({ name: 'bare', topology: d.topology, source: 'imported' }).id;
    expect(learning.recordDesign('p', bare)).toBeNull();
    learning.dispose();
  });
});

describe('recommendations through the service', () => {
  it('instant is recorded in the project and replays identically', async () => {
    const learning = service();
    const rec = new RecommendService(learning, () => project, now);
    const intent = intentOfShape({ sites: 9, regions: 2, redundancy: 'HIGH', goal: 'cost', mix: 1 });
    const r = await rec.instant({ intent, projectId: 'p' });
    expect(r.options).toHaveLength(9);
    expect(r.recordId).not.toBeNull();
    expect(project.recommendations.get(r.recordId!)!.chosenFamily).toBe(r.options[0]!.family);
    expect(rec.replay({ projectId: 'p', recommendationId: r.recordId! }).identical).toBe(true);
    // A record written before a release that reworded the notes and added a field: the same answer, and the
    // replay says that only the presentation differs (it used to say "not identical" and no more).
    const stored = project.recommendations.get(r.recordId!)!;
    const { realWorld: _added, ...older } = stored.result as Record<string, unknown>;
    const olderOptions = (older['options'] as Record<string, unknown>[]).map((o) => ({ ...o, rationale: `${String(o['rationale'])} (older words)` }));
    const old = project.recommendations.insert({ intentId: stored.intentId, mode: stored.mode, request: stored.request, result: { ...older, options: olderOptions }, chosenFamily: stored.chosenFamily });
    const replay = rec.replay({ projectId: 'p', recommendationId: old.id });
    expect(replay.identical).toBe(false);
    expect(replay.sameAnswer).toBe(true);
    expect(replay.answer).toEqual([]);
    expect(replay.presentation).toEqual(expect.arrayContaining(['realWorld (added since)', 'options[].rationale (reworded)']));
    expect(replay.summary).toMatch(/the same answer .* only its presentation differs/);
    // A figure changed is the answer differing.
    const changed = structuredClone(stored.result) as { options: { predicted: { costUsd: number } }[] };
    changed.options[0]!.predicted.costUsd += 1000;
    const drifted = project.recommendations.insert({ intentId: stored.intentId, mode: stored.mode, request: stored.request, result: changed, chosenFamily: stored.chosenFamily });
    const d = rec.replay({ projectId: 'p', recommendationId: drifted.id });
    expect(d.sameAnswer).toBe(false);
    expect(d.answer).toEqual([expect.stringMatching(/^options\[0\]\.predicted\.costUsd: \d+ → \d+$/)]);
    learning.dispose();
  });

  it('history alone answers the first paint, unrecorded; the full instant answer states the analytic estimate', async () => {
    const learning = service();
    const rec = new RecommendService(learning, () => project, now);
    const intent = intentOfShape({ sites: 9, regions: 2, redundancy: 'HIGH', goal: 'cost', mix: 1 });
    const before = project.recommendations.list().length;
    const paint = await rec.instant({ intent, projectId: 'p', historyOnly: true });
    expect(paint.recordId).toBeNull();
    expect(project.recommendations.list().length).toBe(before);
    expect(paint.options.every((o) => !o.rationale.startsWith('estimated from'))).toBe(true);
    const full = await rec.instant({ intent, projectId: 'p' });
    expect(full.recordId).not.toBeNull();
    const built = full.options.filter((o) => o.successProbability > 0);
    expect(built.length).toBeGreaterThan(2);
    for (const o of built) {
      expect(o.rationale).toMatch(/^estimated from its own design/);
      expect(o.predicted.costUsd).toBe(generateDesign(intent, o.family, 1).cost.totalUsd);
    }
    // History's record of the estimate was measured (in a worker) and kept: the next answer does not measure it.
    expect(estimateRecordPending(learning.history())).toBeNull();
    learning.dispose();
  });

  it('verified generates the top candidates, records them into history, and replays identically', async () => {
    const learning = service();
    const rec = new RecommendService(learning, () => project, now);
    const before = learning.history().length;
    const intent = intentOfShape({ sites: 7, regions: 1, redundancy: 'STANDARD', goal: 'latency', mix: 0 });
    const r = await rec.verified({ intent, projectId: 'p', options: 2 });
    expect(r.mode).toBe('verified');
    expect(r.options.length).toBeGreaterThanOrEqual(4);
    expect(r.paretoFront!.length).toBeGreaterThan(0);
    expect(learning.history().length).toBeGreaterThan(before);
    expect(project.samples.count()).toBe(learning.history().length - before);
    // The best verified option is at least as good on latency as every other successful one.
    const ok = r.options.filter((o) => o.confidence === 1);
    expect(ok.every((o) => o.predicted.p95LatencyMs! >= ok[0]!.predicted.p95LatencyMs!)).toBe(true);
    expect(rec.replay({ projectId: 'p', recommendationId: r.recordId! }).identical).toBe(true);
    learning.dispose();
  });
});

describe('verified after the instant estimate of the same intent', () => {
  it('takes the estimate’s sized designs (waiting for an estimate under way) instead of generating them again, and measures exactly what generating them gives', async () => {
    const intent = intentOfShape({ sites: 14, regions: 2, redundancy: 'HIGH', goal: 'cost', mix: 1 });
    const fresh = new RecommendService(service(), () => project, now);
    const alone = await fresh.verified({ intent, projectId: 'p' });
    expect(fresh.preparedBytes).toBe(0);
    const learning = service();
    const rec = new RecommendService(learning, () => project, now);
    // Verify asked while the estimate is still under way (as a quick click in the Options view does): it waits for
    // the estimate's sized designs and takes them.
    const estimating = rec.instant({ intent, projectId: 'p' });
    const after = await rec.verified({ intent, projectId: 'p' });
    await estimating;
    expect(rec.preparedBytes).toBeGreaterThan(0);
    const byFamily = (r: RecommendResultShape) => Object.fromEntries(r.options.map((o) => [o.family, o.verified]));
    expect(after.options.length).toBeGreaterThanOrEqual(4);
    expect(byFamily(after)).toEqual(byFamily(alone));
    expect(after.options.map((o) => o.family)).toEqual(alone.options.map((o) => o.family));
    learning.dispose();
  });
});

describe('verified recommendation streams each candidate as it lands', () => {
  it('every partial adds one candidate or left-out family, and the final ranking is the verified order of what streamed', async () => {
    const learning = service();
    const rec = new RecommendService(learning, () => project, now);
    const bus = new EventBus();
    const jobs = new JobManager(bus, 10_000); // a long throttle: events carrying a partial result must still all arrive
    const partials: RecommendPartialShape[] = [];
    const messages: { done: number; total: number }[] = [];
    bus.subscribe((name, payload) => {
      if (name !== 'job:progressed') return;
      const p = payload as { done: number; total: number; partial?: RecommendPartialShape };
      messages.push({ done: p.done, total: p.total });
      if (p.partial !== undefined) partials.push(p.partial);
    });
    const intent = intentOfShape({ sites: 6, regions: 1, redundancy: 'HIGH', goal: 'latency', mix: 1 });
    const out: { value: RecommendResultShape | null } = { value: null };
    const { done } = jobs.start('recommend:verified', async (ctx) => (out.value = await rec.verified({ intent, projectId: 'p' }, ctx)));
    await done;
    const r = out.value;
    if (r === null) throw new Error('the job gave no value');
    const total = messages[0]!.total;
    // The first partial names the not-applicable families before anything is generated; then one candidate per event.
    expect(partials[0]!.verified).toHaveLength(0);
    expect(partials.length).toBe(total + 1);
    for (let i = 1; i < partials.length; i++) {
      expect(partials[i]!.verified.length + partials[i]!.skipped.length).toBe(partials[i - 1]!.verified.length + partials[i - 1]!.skipped.length + 1);
    }
    const last = partials[partials.length - 1]!;
    // Every applicable family was evaluated: the final answer holds all that streamed, ranked in the one verified order.
    expect(r.options.length + (r.skipped ?? []).length).toBe(TOPOLOGY_FAMILIES.length);
    expect(r.options.map((o) => o.family)).toEqual(rankVerified('latency', last.verified).map((o) => o.family));
    expect(r.options.map((o) => o.verified!.measured)).toEqual(rankVerified('latency', last.verified).map((o) => o.measured));
    learning.dispose();
  }, 300_000);
});

describe('outcomes and the learning report', () => {
  it('with verified recommendations in history, the report (accuracy over time) is computed in a worker and equals the one computed here', async () => {
    const learning = service();
    const verified = samplesForIntents([intentOfShape({ sites: 6, regions: 1, redundancy: 'HIGH', goal: 'cost', mix: 0, name: 'verified-later' })], {
      origin: 'verified', softwareVersion: 'test', now: 100,
    });
    learning.record(verified);
    const history = learning.history();
    const report = await learning.report();
    expect(report.accuracyOverTime).toHaveLength(1);
    expect(report.accuracyOverTime[0]!.intents).toBe(1);
    expect(report).toEqual(learningReport(history, learning.predictor(history)));
    learning.dispose();
  }, 120_000);

  it('imports CSV measurements next to predictions and reports their error', async () => {
    const intent = intentOfShape({ sites: 6, regions: 1, redundancy: 'HIGH', goal: 'cost', mix: 0 });
    const d = generateDesign(intent, 'ring', 1);
    const id = project.topologies.insert({ name: 'ring-eu', topology: d.topology, source: 'generated', family: 'ring', seed: 1, cost: d.cost }).id;
    const learning = service();
    const csv = 'design,metric,value,measuredAt\nring-eu,latencyMs,30,2026-05-01\nring-eu,utilisation,45%,\n' + `${id},incidents,4,\n`;
    const fixed = csv.replace('45%', '45');
    const r = learning.importOutcomes({ projectId: 'p', text: fixed, source: 'telemetry.csv' });
    expect(r.imported).toBe(3);
    expect(r.rows.map((x) => x.metric)).toEqual(['latencyMs', 'utilisation', 'incidents']);
    expect(r.rows[1]!.actual).toBeCloseTo(0.45);
    expect(r.rows.every((x) => x.predicted !== null && x.predicted > 0)).toBe(true);
    const report = await learning.report({ projectId: 'p' });
    expect(report.outcomes.map((o) => o.metric)).toEqual(['incidents', 'latencyMs', 'utilisation']);
    // Leaf-spine is a datacenter fabric, not applicable to the learner's WAN intents (issue 16): the other eight.
    expect(report.perFamily.map((f) => f.family).sort()).toEqual(TOPOLOGY_FAMILIES.filter((f) => f !== 'leaf-spine').sort());
    expect(report.predictor.costMapePct).toBeGreaterThan(0);
    expect(() => learning.importOutcomes({ projectId: 'p', text: 'design,metric,value\nnope,latencyMs,3\n', source: 'x' })).toThrow(/no design "nope"/);
    expect(() => learning.importOutcomes({ projectId: 'p', text: '[{"design":"ring-eu","metric":"jitter","value":1}]', source: 'x' })).toThrow(/unknown metric/);
    learning.dispose();
    expect(fs.existsSync(path.join(tmp.dir, 'data', 'knowledge.nettwin'))).toBe(true);
  });
});
