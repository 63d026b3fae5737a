// @vitest-environment happy-dom
import { act } from 'react';
import { describe, expect, it } from 'vitest';
import { TradeOffChart } from '../../src-renderer/features/options/TradeOffChart';
import { mountPerTest } from './mount';

const dom = mountPerTest();
const points = [
  { id: '1. tree', costUsd: 52_220_150, availability: 0.99994, latencyMs: 80.8 },
  { id: '2. dual-hub', costUsd: 55_170_450, availability: 0.9999, latencyMs: 61.1 },
];

describe('trade-off chart', () => {
  it('names the cost axis by where the figures come from: estimates, measurements, or both while verification streams in', () => {
    const axis = (basis: 'predicted' | 'measured' | 'mixed') => {
      act(() => dom.root.render(<TradeOffChart points={points} labels={{}} selected={null} onSelect={() => undefined} basis={basis} />));
      return [...dom.host.querySelectorAll('text.chart__label')].map((t) => t.textContent)[0];
    };
    expect(axis('predicted')).toBe('predicted cost ($52.2M – $55.2M)');
    expect(axis('measured')).toBe('measured cost ($52.2M – $55.2M)');
    expect(axis('mixed')).toBe('cost, measured where verified ($52.2M – $55.2M)');
  });
});
