import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FEATURE_SET_VERSION, intentFeatures } from '../../../src-shared/learn/features';
import { samplesForIntents } from '../../../src-shared/learn/history';
import { intentOfShape } from '../../../src-shared/learn/intents';
import { currentSample, MODEL_VERSION } from '../../../src-shared/learn/sample';
import { LearningService } from '../../../src-main/services/learning';
import { KnowledgeBase } from '../../../src-main/store/knowledge';
import { openProjectFile } from '../../../src-main/store/projectFile';
import { tempDir } from '../../helpers/tmp';

let cleanup: (() => void) | null = null;
afterEach(() => cleanup?.());

const intent = intentOfShape({ sites: 5, regions: 1, redundancy: 'STANDARD', goal: 'cost', mix: 0, name: 'fv' });
const [fresh] = samplesForIntents([intent], { origin: 'project', softwareVersion: 'test', now: 1 });

describe('learning samples, the feature-set version and the model version', () => {
  it('new samples record the current versions, and the store keeps them', () => {
    expect(fresh!.featureSetVersion).toBe(FEATURE_SET_VERSION);
    expect(fresh!.modelVersion).toBe(MODEL_VERSION);
    const tmp = tempDir();
    cleanup = tmp.cleanup;
    const p = openProjectFile(path.join(tmp.dir, 'fv.nettwin'), { create: { name: 'fv' } });
    try {
      p.samples.add([fresh!, { ...fresh!, id: 'older', featureSetVersion: FEATURE_SET_VERSION - 1, modelVersion: MODEL_VERSION - 1 }]);
      expect(p.samples.list().map((s) => [s.id, s.featureSetVersion, s.modelVersion])).toEqual([
        [fresh!.id, FEATURE_SET_VERSION, MODEL_VERSION],
        ['older', FEATURE_SET_VERSION - 1, MODEL_VERSION - 1],
      ]);
      expect(p.samples.countOfModel(MODEL_VERSION)).toBe(1);
    } finally {
      p.close();
    }
  });

  it('an older vector is recomputed from its intent, or left out when its intent cannot give it (a real network)', () => {
    const stale = { ...fresh!, featureSetVersion: FEATURE_SET_VERSION - 1, features: [1, 2, 3] };
    const redone = currentSample(stale)!;
    expect(redone.featureSetVersion).toBe(FEATURE_SET_VERSION);
    expect(redone.features).toEqual(intentFeatures(intent, stale.seed).vector);
    expect(currentSample({ ...stale, origin: 'zoo' })).toBeNull();
    expect(currentSample(fresh!)).toBe(fresh);
  });

  it('a sample measured by another model is left out, whatever its features', () => {
    expect(currentSample({ ...fresh!, modelVersion: MODEL_VERSION - 1 })).toBeNull();
    expect(currentSample({ ...fresh!, modelVersion: MODEL_VERSION + 1 })).toBeNull();
  });

  it('a re-measurement by a newer model replaces the older row of the same id; an older one never replaces a newer', () => {
    const tmp = tempDir();
    cleanup = tmp.cleanup;
    const p = openProjectFile(path.join(tmp.dir, 'mv.nettwin'), { create: { name: 'mv' } });
    try {
      const old = { ...fresh!, modelVersion: MODEL_VERSION - 1, metrics: { ...fresh!.metrics, costUsd: 1 } };
      expect(p.samples.add([old])).toBe(1);
      expect(p.samples.add([fresh!])).toBe(1);
      expect(p.samples.list().map((s) => [s.modelVersion, s.metrics.costUsd])).toEqual([[MODEL_VERSION, fresh!.metrics.costUsd]]);
      expect(p.samples.add([old])).toBe(0);
      expect(p.samples.add([fresh!])).toBe(0);
      expect(p.samples.list()[0]!.modelVersion).toBe(MODEL_VERSION);
    } finally {
      p.close();
    }
  });

  it('a knowledge base holding only older-model rows is seeded again from the bootstrap file', () => {
    const tmp = tempDir();
    cleanup = tmp.cleanup;
    const boot = KnowledgeBase.open(path.join(tmp.dir, 'boot.nettwin'));
    boot.samples.add([fresh!]);
    boot.close();
    const file = path.join(tmp.dir, 'kb.nettwin');
    const user = KnowledgeBase.open(file);
    user.samples.add([{ ...fresh!, id: 'mine', modelVersion: MODEL_VERSION - 1 }]);
    user.close();
    const again = KnowledgeBase.open(file, { bootstrap: path.join(tmp.dir, 'boot.nettwin') });
    try {
      expect(again.samples.list().map((s) => [s.id, s.modelVersion]).sort()).toEqual([[fresh!.id, MODEL_VERSION], ['mine', MODEL_VERSION - 1]].sort());
    } finally {
      again.close();
    }
  });

  it('history given to the predictor never mixes versions', () => {
    const tmp = tempDir();
    cleanup = tmp.cleanup;
    const learning = new LearningService({ knowledgeFile: path.join(tmp.dir, 'kb.nettwin'), bootstrapFile: null }, () => {
      throw new Error('no project');
    });
    try {
      const stale = { ...fresh!, id: 'stale', featureSetVersion: FEATURE_SET_VERSION - 1, features: [9, 9, 9] };
      const zoo = { ...stale, id: 'zoo-old', origin: 'zoo' as const };
      const oldModel = { ...fresh!, id: 'old-model', modelVersion: MODEL_VERSION - 1 };
      learning.record([fresh!, stale, zoo, oldModel]);
      const history = learning.history();
      expect(history.map((s) => s.id).sort()).toEqual([fresh!.id, 'stale'].sort());
      expect(history.every((s) => s.featureSetVersion === FEATURE_SET_VERSION && s.modelVersion === MODEL_VERSION)).toBe(true);
      expect(history.find((s) => s.id === 'stale')!.features).toEqual(fresh!.features);
    } finally {
      learning.dispose();
    }
  });
});
