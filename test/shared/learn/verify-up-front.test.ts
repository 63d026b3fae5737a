import { describe, expect, it } from 'vitest';
import { notApplicableFamilies } from '../../../src-shared/generate/applicability';
import { ESTIMATE_SIZING_MAX_DEVICES, skeletonOf } from '../../../src-shared/learn/estimate';
import { verifyUpFront } from '../../../src-shared/learn/verify-up-front';
import { IntentSchema } from '../../../src-shared/model/intent';
import { TOPOLOGY_FAMILIES } from '../../../src-shared/model/topology';
import { retailChain, smallRetail } from '../../helpers/retail-intents';

/** Devices of each applicable family's design as the estimate builds it (before sizing). */
const estimateDevices = (intent: ReturnType<typeof IntentSchema.parse>): number[] => {
  const out = new Set(notApplicableFamilies(intent).map((s) => s.family));
  return TOPOLOGY_FAMILIES.filter((f) => !out.has(f)).map((f) => skeletonOf(intent, f, 1, undefined, 'never').topology.nodes.length);
};

describe('verifyUpFront: verify every family at once exactly where the estimate would size them all', () => {
  it('a small intent and the 500-site chain: verified at once; the largest design is the estimate’s', () => {
    for (const raw of [smallRetail('Six shops', 5), retailChain(500, 'HIGH', 'cost')]) {
      const intent = IntentSchema.parse(raw);
      const d = verifyUpFront(intent, 2);
      const devices = estimateDevices(intent);
      expect(d.largestDevices).toBe(Math.max(...devices));
      expect(d.families).toBe(devices.length);
      expect(d.auto).toBe(true);
      expect(d.predictedSeconds).toBeGreaterThan(0);
    }
  });

  it('600 sites: a family over the estimate’s sizing limit, so the estimate comes first', () => {
    const intent = IntentSchema.parse(retailChain(600, 'HIGH', 'cost'));
    const d = verifyUpFront(intent, 2);
    expect(d.largestDevices).toBe(Math.max(...estimateDevices(intent)));
    expect(d.largestDevices).toBeGreaterThan(ESTIMATE_SIZING_MAX_DEVICES);
    expect(d.auto).toBe(false);
    expect(d.reason).toContain(`${d.largestDevices} devices`);
  });

  it('above 1,000 sites history alone answers first: nothing is generated', () => {
    const d = verifyUpFront(IntentSchema.parse(retailChain(1200, 'HIGH', 'cost')), 2);
    expect(d).toMatchObject({ auto: false, families: 0 });
  });

  it('the prediction shares the work between threads', () => {
    const intent = IntentSchema.parse(retailChain(150, 'CRITICAL', 'cost'));
    const one = verifyUpFront(intent, 1);
    const two = verifyUpFront(intent, 2);
    expect(two.predictedSeconds).toBeCloseTo(one.predictedSeconds / 2, 9);
  });
});
