import { describe, expect, it } from 'vitest';
import { replayDifferences } from '../../../src-main/services/recommend-replay';

/** A small verified answer: two options, one failing the budget. */
const doc = () => ({
  mode: 'verified',
  goal: 'cost',
  novelty: 'This intent is unlike anything in history; the ranking is measured.',
  options: [
    {
      family: 'tree', confidence: 1, successProbability: 1, predicted: { costUsd: 100, p95LatencyMs: 10, availability: 0.999 },
      rationale: 'meets the intent', pros: ['cheap'], cons: [] as string[],
      verified: { family: 'tree', seed: 1, success: true, measured: { costUsd: 100 }, goalMeasure: 100, failed: [] as { id: string; title: string; message: string; shortfall: number }[], onFront: true },
    },
    {
      family: 'ring', confidence: 0, successProbability: 0, predicted: { costUsd: 120, p95LatencyMs: 12, availability: 0.998 },
      rationale: 'fails the budget', pros: [] as string[], cons: ['over budget'],
      verified: { family: 'ring', seed: 1, success: false, measured: { costUsd: 120 }, goalMeasure: 120, failed: [{ id: 'budget', title: 'Budget', message: 'over by 20', shortfall: 0.2 }], onFront: false },
    },
  ],
});

describe('replayDifferences: the answer against its presentation', () => {
  it('identical documents', () => {
    const r = replayDifferences(doc(), doc());
    expect(r).toMatchObject({ identical: true, sameAnswer: true, answer: [], presentation: [] });
  });

  it('reworded notes, a failed check retitled and a field added since: the same answer', () => {
    const now = doc() as ReturnType<typeof doc> & { realWorld?: string };
    now.novelty = 'This intent is unlike anything in history (fewer than 3 close past intents); the ranking is measured by generation and simulation.';
    now.options[1]!.verified.failed[0]!.title = 'Budget (stated)';
    now.options[0]!.rationale = 'generated and simulated: meets the intent';
    now.realWorld = 'no real network of this size';
    const r = replayDifferences(doc(), now);
    expect(r.identical).toBe(false);
    expect(r.sameAnswer).toBe(true);
    expect(r.answer).toEqual([]);
    expect(r.presentation.sort()).toEqual(['novelty (reworded)', 'options[].rationale (reworded)', 'options[].verified.failed[].title (reworded)', 'realWorld (added since)']);
    expect(r.summary).toMatch(/^Replayed: the same answer/);
  });

  it('a changed order, figure, verdict or failed check is the answer differing', () => {
    const swapped = doc();
    swapped.options.reverse();
    const a = replayDifferences(doc(), swapped);
    expect(a.sameAnswer).toBe(false);
    expect(a.answer[0]).toBe('ranking: was tree, ring; now ring, tree');

    const figure = doc();
    figure.options[0]!.verified.measured.costUsd = 101;
    expect(replayDifferences(doc(), figure).answer).toEqual(['options[0].verified.measured.costUsd: 100 → 101']);

    const verdict = doc();
    verdict.options[1]!.verified.success = true;
    expect(replayDifferences(doc(), verdict).answer).toEqual(['options[1].verified.success: false → true']);

    const oneMore = doc();
    oneMore.options[1]!.verified.failed.push({ id: 'hops', title: 'Hops', message: 'too many', shortfall: 0.1 });
    const m = replayDifferences(doc(), oneMore);
    expect(m.sameAnswer).toBe(false);
    expect(m.answer[0]).toMatch(/^options\[1\]\.verified\.failed\[1\]: absent → /);
  });
});
