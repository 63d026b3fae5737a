// @vitest-environment happy-dom
import { act } from 'react';
import { describe, expect, it } from 'vitest';
import { calibrationOf } from '../../src-shared/learn/accuracy';
import { AccuracyOverTime, ReliabilityDiagram } from '../../src-renderer/features/learn/AccuracyCharts';
import { mountPerTest } from './mount';

const dom = mountPerTest();

describe('Learn view: reliability diagram', () => {
  it('plots one point per non-empty bin with its count, and says the calibration error in words', () => {
    const c = calibrationOf([
      { stated: 0.1, happened: true },
      { stated: 0.1, happened: false },
      { stated: 0.9, happened: true },
      { stated: 1.0, happened: true },
      { stated: 0.95, happened: true },
    ]);
    act(() => dom.root.render(<ReliabilityDiagram calibration={c} />));
    const svg = dom.host.querySelector('svg[role="img"]')!;
    expect(svg.querySelectorAll('circle')).toHaveLength(2);
    expect(svg.getAttribute('aria-label')).toBe('Stated against observed: 10 % stated, 50 % observed (n=2); 95 % stated, 100 % observed (n=3)');
    expect(svg.textContent).toContain('n=2');
    expect(svg.textContent).toContain('n=3');
    const caption = dom.host.querySelector('figcaption')!.textContent;
    expect(caption).toContain('dashed diagonal');
    expect(caption).toContain('Over 5 stated probabilities the mean gap, weighted by count, is 19.0 points');
  });

  it('says so when there is nothing to check', () => {
    act(() => dom.root.render(<ReliabilityDiagram calibration={calibrationOf([])} />));
    expect(dom.host.querySelector('svg')).toBeNull();
    expect(dom.host.textContent).toContain('Too little history');
  });
});

describe('Learn view: recommendation accuracy over time', () => {
  it('draws a point per period with its agreement, count and regret, explained under the chart', () => {
    const periods = [
      { from: Date.UTC(2026, 10, 1), to: Date.UTC(2026, 10, 2), intents: 4, trainedOn: 100, top1Pct: 50, meanRegretPct: 12.5 },
      { from: Date.UTC(2026, 11, 1), to: Date.UTC(2026, 11, 2), intents: 5, trainedOn: 140, top1Pct: 80, meanRegretPct: 2 },
    ];
    act(() => dom.root.render(<AccuracyOverTime periods={periods} />));
    const svg = dom.host.querySelector('svg[role="img"]')!;
    expect(svg.querySelectorAll('circle')).toHaveLength(2);
    expect(svg.getAttribute('aria-label')).toBe('Instant agreed with verified: 50 % of 4, regret 12.5 % → 80 % of 5, regret 2.0 %');
    expect(svg.textContent).toContain('n=5, regret 2.0 %');
    expect(dom.host.querySelector('figcaption')!.textContent).toContain('only the history recorded before its period');
  });

  it('explains the empty chart', () => {
    act(() => dom.root.render(<AccuracyOverTime periods={[]} />));
    expect(dom.host.textContent).toContain('No verified recommendation in history yet');
  });
});
