// @vitest-environment happy-dom
import { act } from 'react';
import { describe, expect, it } from 'vitest';
import { compareRows, designMetrics, summaryMetrics } from '../../../src-renderer/features/compare/metrics';
import type { LoadedDesign } from '../../../src-renderer/features/compare/useDesignMetrics';
import { CANVAS_MAX_DEVICES, tooBigToDraw } from '../../../src-renderer/features/import/limits';
import { CostSlide, EvidenceSlide, OptionsSlide } from '../../../src-renderer/features/present/slides';
import type { TopologySummary } from '../../../src-shared/model/records';
import { squareWithTail } from '../../renderer/fixtures';
import { mountPerTest } from '../../renderer/mount';

const huge: TopologySummary = {
  id: 'big', name: 'Carrier 50k', family: null, seed: null, source: 'imported', intentId: null, revision: 1,
  nodeCount: 50_000, linkCount: 65_061, costUsd: null, createdAt: 1, updatedAt: 1,
};

describe('a design over the canvas limit in Compare and Present', () => {
  it('is over the one shared limit', () => {
    expect(tooBigToDraw(huge.nodeCount)).toBe(true);
    expect(tooBigToDraw(CANVAS_MAX_DEVICES)).toBe(false);
  });

  it('shows its counts, "—" for what was not computed, and is never marked better on an unknown figure', () => {
    const small = designMetrics(squareWithTail(), null);
    const rows = compareRows([small, summaryMetrics(huge)]);
    const row = (label: string) => rows.find((r) => r.label === label)!;
    expect(row('Devices').values).toEqual(['5', '50000']);
    expect(row('Links').values).toEqual(['5', '65061']);
    for (const label of ['TCO over the term', 'Capex', 'Monthly recurring', 'Validation score', 'Redundancy achieved', 'Single points of failure', 'Diameter (hops)', 'Worst site-pair latency']) {
      expect(row(label).values[1], label).toBe('—');
      expect(row(label).best, label).not.toContain(1);
    }
    // A stored cost is a cheap figure: it is compared.
    const priced = compareRows([small, summaryMetrics({ ...huge, costUsd: 1 })]);
    expect(priced.find((r) => r.label === 'TCO over the term')!.best).toEqual([1]);
  });

  describe('slides', () => {
    const dom = mountPerTest();
    const big: LoadedDesign = { record: huge, intent: null, topology: null, metrics: summaryMetrics(huge), tooLarge: true };
    const small: LoadedDesign = {
      record: { ...huge, id: 'sq', name: 'square', nodeCount: 5, linkCount: 5 }, intent: null, topology: squareWithTail(),
      metrics: designMetrics(squareWithTail(), null), tooLarge: false,
    };

    it('evidence and costs say what is not computed instead of failing', () => {
      act(() => dom.root.render(<EvidenceSlide design={big} sweep={null} />));
      expect(dom.host.textContent).toContain('50,000 devices: too large to validate on this screen');
      act(() => dom.root.render(<CostSlide design={big} />));
      expect(dom.host.textContent).toContain('The cost breakdown of 50,000 devices is not computed on this screen.');
    });

    it('the options table ranks the analysed design first and shows "—" for the rest', () => {
      act(() => dom.root.render(<OptionsSlide designs={[big, small]} chosenId="big" />));
      const rows = [...dom.host.querySelectorAll('tbody tr')].map((tr) => [...tr.children].map((c) => c.textContent));
      expect(rows[0]![0]).toBe('square');
      expect(rows[1]).toEqual(['Carrier 50k ◀ chosen', '—', '—', '—', '—']);
    });
  });
});
