/**
 * Builds the bootstrap knowledge base shipped in resources/knowledge/
 * (see resources/knowledge/README.md): every Topology Zoo network in
 * test/data/topology-zoo imported, priced, validated and measured, plus
 * every family generated and measured for the intent grid and for
 * REALISTIC_COUNT realistic-shaped intents (src-shared/learn/intents.ts:
 * intentGrid, realisticIntents — never the held-out bench set in
 * test/fixtures/intents/realistic). Every row carries the current
 * MODEL_VERSION and FEATURE_SET_VERSION. Deterministic: fixed seeds and a
 * fixed timestamp, so rebuilding gives the same rows.
 * Then fits the predictor on it and writes the fit beside it
 * (bootstrap.fit.json, src-main/services/predictor-fit-store.ts), so no
 * run fits the shipped history again; `--fit-only` writes that fit alone
 * for the existing file (after a change to the fit's code and FIT_VERSION).
 * Usage: npm run knowledge:build [-- --zoo DIR --out FILE] [-- --fit-only]
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { importGraphml } from '../src-shared/io/graphml';
import { samplesForIntents } from '../src-shared/learn/history';
import { intentGrid, realisticIntents } from '../src-shared/learn/intents';
import { FEATURE_SET_VERSION } from '../src-shared/learn/features';
import { MODEL_VERSION, currentSample } from '../src-shared/learn/sample';
import { sampleFromRealNetwork } from '../src-shared/learn/zoo';
import type { LearningSample } from '../src-shared/learn/sample';
import { APP_VERSION } from '../src-shared/lib/version';
import { KnowledgeBase } from '../src-main/store/knowledge';
import { compactFit, fitPredictorModel } from '../src-shared/learn/predictor';
import { fitDigest, shippedFitFile, storedFitText } from '../src-main/services/predictor-fit-store';

const { values } = parseArgs({
  options: {
    zoo: { type: 'string', default: path.resolve('test', 'data', 'topology-zoo') },
    out: { type: 'string', default: path.resolve('resources', 'knowledge', 'bootstrap.nettwin') },
    'fit-only': { type: 'boolean', default: false },
  },
});

/** Fits the predictor on the knowledge base `file` holds, as LearningService reads it, and writes the fit beside it. */
function writeShippedFit(file: string): void {
  const kb = KnowledgeBase.open(file, { readOnly: true });
  const history = kb.samples.list().flatMap((s) => currentSample(s) ?? []);
  kb.close();
  const fit = fitPredictorModel(history);
  const fitFile = shippedFitFile(file);
  fs.writeFileSync(fitFile, `${storedFitText(fitDigest(history), compactFit(fit))}\n`);
  console.log(`wrote ${fitFile}: the predictor's fit of ${fit.trainedOn} samples`);
}

if (values['fit-only']) {
  writeShippedFit(values.out);
  process.exit(0);
}
const BUILT_AT = Date.UTC(2026, 0, 1);
/** Realistic-shaped intents drawn for the knowledge base (seed REALISTIC_SEED). */
const REALISTIC_COUNT = 96;
const REALISTIC_SEED = 17;
const t0 = performance.now();
const secs = () => ((performance.now() - t0) / 1000).toFixed(1);

const zooDir = values.zoo;
const zoo: LearningSample[] = [];
const skipped: string[] = [];
const files = fs.existsSync(zooDir) ? fs.readdirSync(zooDir).filter((f) => f.endsWith('.graphml')).sort() : [];
for (const f of files) {
  try {
    const { topology } = importGraphml(fs.readFileSync(path.join(zooDir, f), 'utf8'), f);
    if (topology.nodes.length < 2) throw new Error('fewer than two nodes');
    zoo.push(sampleFromRealNetwork(topology, { id: `zoo-${path.basename(f, '.graphml')}`, name: path.basename(f, '.graphml'), softwareVersion: APP_VERSION, createdAt: BUILT_AT }));
  } catch (err) {
    skipped.push(`${f}: ${(err as Error).message.split('\n')[0]}`);
  }
}
console.log(`topology zoo: ${zoo.length} networks measured, ${skipped.length} skipped (${secs()} s)`);
for (const s of skipped) console.log(`  skipped ${s}`);

const grid = intentGrid();
const generated = samplesForIntents(grid, { origin: 'bootstrap', softwareVersion: APP_VERSION, now: BUILT_AT }, (done) => {
  if (done % 48 === 0) console.log(`  grid ${done}/${grid.length} intents (${secs()} s)`);
});
console.log(`grid: ${generated.length} designs from ${grid.length} intents (${secs()} s)`);

const realistic = realisticIntents(REALISTIC_SEED, REALISTIC_COUNT);
const realisticDesigns = samplesForIntents(realistic, { origin: 'bootstrap', softwareVersion: APP_VERSION, now: BUILT_AT }, (done) => {
  if (done % 24 === 0) console.log(`  realistic ${done}/${realistic.length} intents (${secs()} s)`);
});
generated.push(...realisticDesigns);
console.log(`realistic shapes: ${realisticDesigns.length} designs from ${realistic.length} intents (${secs()} s)`);

const out = values.out;
for (const f of [out, `${out}.lock`]) fs.rmSync(f, { force: true });
fs.mkdirSync(path.dirname(out), { recursive: true });
const kb = KnowledgeBase.open(out, { now: () => BUILT_AT });
kb.file.meta.set('name', 'NetTwin bootstrap knowledge');
kb.file.meta.set(
  'built',
  JSON.stringify({ zoo: zoo.length, grid: grid.length, realistic: realistic.length, designs: generated.length, modelVersion: MODEL_VERSION, featureSetVersion: FEATURE_SET_VERSION, softwareVersion: APP_VERSION }),
);
kb.samples.add([...zoo, ...generated]);
kb.file.vacuum();
kb.close();
writeShippedFit(out);
console.log(`wrote ${out}: ${(fs.statSync(out).size / 1048576).toFixed(2)} MB, ${zoo.length + generated.length} samples (${secs()} s)`);
