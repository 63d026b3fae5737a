import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FEATURE_SET_VERSION, intentFeatures } from '../../../src-shared/learn/features';
import { samplesForIntents } from '../../../src-shared/learn/history';
import { intentOfShape } from '../../../src-shared/learn/intents';
import { withCurrentFeatures } from '../../../src-shared/learn/sample';
import { LearningService } from '../../../src-main/services/learning';
import { openProjectFile } from '../../../src-main/store/projectFile';
import { tempDir } from '../../helpers/tmp';

let cleanup: (() => void) | null = null;
afterEach(() => cleanup?.());

const intent = intentOfShape({ sites: 5, regions: 1, redundancy: 'STANDARD', goal: 'cost', mix: 0, name: 'fv' });
const [fresh] = samplesForIntents([intent], { origin: 'project', softwareVersion: 'test', now: 1 });

describe('learning samples and the feature-set version', () => {
  it('new samples record the current version, and the store keeps it', () => {
    expect(fresh!.featureSetVersion).toBe(FEATURE_SET_VERSION);
    const tmp = tempDir();
    cleanup = tmp.cleanup;
    const p = openProjectFile(path.join(tmp.dir, 'fv.nettwin'), { create: { name: 'fv' } });
    try {
      p.samples.add([fresh!, { ...fresh!, id: 'older', featureSetVersion: FEATURE_SET_VERSION - 1 }]);
      expect(p.samples.list().map((s) => [s.id, s.featureSetVersion])).toEqual([[fresh!.id, FEATURE_SET_VERSION], ['older', FEATURE_SET_VERSION - 1]]);
    } finally {
      p.close();
    }
  });

  it('an older vector is recomputed from its intent, or left out when its intent cannot give it (a real network)', () => {
    const stale = { ...fresh!, featureSetVersion: FEATURE_SET_VERSION - 1, features: [1, 2, 3] };
    const redone = withCurrentFeatures(stale)!;
    expect(redone.featureSetVersion).toBe(FEATURE_SET_VERSION);
    expect(redone.features).toEqual(intentFeatures(intent, stale.seed).vector);
    expect(withCurrentFeatures({ ...stale, origin: 'zoo' })).toBeNull();
    expect(withCurrentFeatures(fresh!)).toBe(fresh);
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
      learning.record([fresh!, stale, zoo]);
      const history = learning.history();
      expect(history.map((s) => s.id).sort()).toEqual([fresh!.id, 'stale'].sort());
      expect(history.every((s) => s.featureSetVersion === FEATURE_SET_VERSION)).toBe(true);
      expect(history.find((s) => s.id === 'stale')!.features).toEqual(fresh!.features);
    } finally {
      learning.dispose();
    }
  });
});
