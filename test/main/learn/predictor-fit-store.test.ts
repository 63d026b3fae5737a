import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { compactFit, expandFit, fitPredictorModel, type CompactFit } from '../../../src-shared/learn/predictor';
import { currentSample, type LearningSample } from '../../../src-shared/learn/sample';
import { KnowledgeBase } from '../../../src-main/store/knowledge';
import { LearningService } from '../../../src-main/services/learning';
import { FIT_META_KEY, FIT_VERSION, fitDigest, readStoredFit, shippedFitFile, storedFitText } from '../../../src-main/services/predictor-fit-store';
import { referenceFitPredictorModel } from '../../helpers/predictor-reference';
import { randomHistory } from '../../helpers/random-history';
import { tempDir } from '../../helpers/tmp';

const root = path.resolve(__dirname, '../../..');
const BOOTSTRAP = path.join(root, 'resources/knowledge/bootstrap.nettwin');
const tmp = tempDir();
afterAll(tmp.cleanup);

describe('the fit shipped beside the bootstrap knowledge base', () => {
  it('is the fit of the shipped history, bit for bit (else: npm run knowledge:build -- --fit-only)', () => {
    const kb = KnowledgeBase.open(BOOTSTRAP, { readOnly: true });
    const history = kb.samples.list().flatMap((s) => currentSample(s) ?? []);
    kb.close();
    const fresh = fitPredictorModel(history);
    const shipped = readStoredFit(fs.readFileSync(shippedFitFile(BOOTSTRAP), 'utf8'), fitDigest(history));
    expect(shipped, 'no shipped fit of this history and FIT_VERSION').not.toBeNull();
    expect(JSON.stringify(expandFit(history, shipped!))).toBe(JSON.stringify(fresh));
    // The fast fit against the plain one on real rows: an eighth of the shipped history (the whole is compared at build time).
    const part = history.filter((_, i) => i % 8 === 1);
    expect(JSON.stringify(fitPredictorModel(part))).toBe(JSON.stringify(referenceFitPredictorModel(part)));
  });
});

describe('a stored fit', () => {
  const history = randomHistory(21, 240, 6);
  const fit = fitPredictorModel(history);
  const digest = fitDigest(history);

  it('round-trips through its text to the same fit, NaN and −0 included', () => {
    const odd: CompactFit = { ...compactFit(fit), heldOut: { ...fit.heldOut, downtimeMaeMin: NaN, downtimeMapePct: -0 } };
    const back = readStoredFit(storedFitText(digest, odd), digest)!;
    expect(Number.isNaN(back.heldOut.downtimeMaeMin)).toBe(true);
    expect(Object.is(back.heldOut.downtimeMapePct, -0)).toBe(true);
    expect(JSON.stringify(expandFit(history, readStoredFit(storedFitText(digest, compactFit(fit)), digest)!))).toBe(JSON.stringify(fit));
  });

  it('is ignored when missing, corrupt, of another version or of another history', () => {
    const text = storedFitText(digest, compactFit(fit));
    expect(readStoredFit(undefined, digest)).toBeNull();
    expect(readStoredFit(text.slice(0, text.length / 2), digest)).toBeNull();
    expect(readStoredFit(text.replace(/"sigma":\{"cost":[^,]*,/, '"sigma":{"cost":"0.5",'), digest)).toBeNull(); // parses, wrong shape
    expect(readStoredFit(text.replace(/"means":\[[^\]]*\]/, '"means":[1,"2"]'), digest)).toBeNull();
    expect(readStoredFit(text.replace(`"version":${FIT_VERSION}`, `"version":${FIT_VERSION + 1}`), digest)).toBeNull();
    // Any field the fit reads changes the digest: a label, a budget, a feature, the order.
    const changed = [
      history.map((s, i) => (i === 7 ? { ...s, label: { ...s.label, feasible: !s.label.feasible } } : s)),
      history.map((s, i) => (i === 8 ? { ...s, intent: { ...s.intent, budgetUsd: 1 } } : s)),
      history.map((s, i) => (i === 9 ? { ...s, features: s.features.map((v, j) => (j === 26 ? v + 1e-12 : v)) } : s)),
      [history[1]!, history[0]!, ...history.slice(2)],
    ];
    for (const h of changed) expect(readStoredFit(text, fitDigest(h))).toBeNull();
    // A sample without a family is not read by the fit, so not by the digest either.
    expect(fitDigest([...history, { ...history[0]!, id: 'zoo-x', family: null }])).toBe(digest);
    // Ridges of another history (a different family size) are refused when expanded.
    expect(expandFit(history.slice(0, 200), compactFit(fit))).toBeNull();
  });
});

describe('LearningService keeps the fit in the knowledge base', () => {
  const history: LearningSample[] = randomHistory(22, 200, 5);
  const bootstrap = path.join(tmp.dir, 'bootstrap.nettwin');
  const kb = KnowledgeBase.open(bootstrap, { now: () => 0 });
  kb.samples.add(history);
  kb.close();
  const service = (file: string, readOnly = false) =>
    new LearningService({ knowledgeFile: file, bootstrapFile: bootstrap, now: () => 1, ...(readOnly ? { readOnly } : {}) }, () => {
      throw new Error('no project in this test');
    });
  /** A stored fit that says where it came from: a trainedOn no real fit of this history has. */
  const planted = (h: readonly LearningSample[], trainedOn: number) => storedFitText(fitDigest(h), { ...compactFit(fitPredictorModel(h)), trainedOn });

  it('writes a fresh fit, reads it on the next start, and refits when it is corrupt or of another history', async () => {
    const file = path.join(tmp.dir, 'own.nettwin');
    const first = service(file);
    const h = first.history();
    expect(first.predictor().trainedOn).toBe(fitPredictorModel(h).trainedOn);
    const kept = first.knowledge().file.meta.get(FIT_META_KEY);
    expect(readStoredFit(kept, fitDigest(h))).not.toBeNull();
    first.knowledge().file.meta.set(FIT_META_KEY, planted(h, 4242));
    first.dispose();

    const second = service(file);
    expect((await second.predictorReady()).trainedOn).toBe(4242); // the stored fit, no worker started
    second.knowledge().file.meta.set(FIT_META_KEY, '{"version":1,"digest":'); // corrupt
    second.dispose();

    const third = service(file);
    expect(third.predictor().trainedOn).toBe(h.length - h.filter((s) => s.family === null).length); // refitted...
    expect(readStoredFit(third.knowledge().file.meta.get(FIT_META_KEY), fitDigest(h))).not.toBeNull(); // ...and kept again
    third.knowledge().file.meta.set(FIT_META_KEY, planted(h.slice(1), 4242)); // another history's fit
    third.dispose();
    const fourth = service(file);
    expect(fourth.predictor().trainedOn).not.toBe(4242);
    fourth.dispose();
  });

  it('starts a knowledge base seeded from the bootstrap with the fit shipped beside it; a read-only one writes nothing', () => {
    const seeded = service(path.join(tmp.dir, 'seeded.nettwin'));
    fs.writeFileSync(shippedFitFile(bootstrap), planted(seeded.history(), 777));
    expect(seeded.predictor().trainedOn).toBe(777);
    seeded.dispose();

    fs.writeFileSync(shippedFitFile(bootstrap), 'not json');
    const readOnly = service(bootstrap, true);
    expect(readOnly.predictor().trainedOn).toBe(fitPredictorModel(readOnly.history()).trainedOn);
    expect(readOnly.knowledge().file.meta.get(FIT_META_KEY)).toBeUndefined();
    readOnly.dispose();
  });
});
