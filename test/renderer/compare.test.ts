import { describe, expect, it } from 'vitest';
import { deleteElements } from '../../src-renderer/actions/edits';
import { compareRows, designMetrics } from '../../src-renderer/features/compare/metrics';
import { squareWithTail } from './fixtures';

describe('compare metrics', () => {
  it('marks the cheaper design and the one with fewer single points of failure, and says by how much', () => {
    const full = designMetrics(squareWithTail(), null);
    const noTail = designMetrics({ ...deleteElements(squareWithTail(), ['e'], []), name: 'square only' }, null);
    expect(full.singlePoints).toBe(2); // bridge d-e and cut device d
    expect(noTail.singlePoints).toBe(0);
    const rows = compareRows([full, noTail]);
    const cost = rows.find((r) => r.label === 'TCO over the term')!;
    expect(cost.best).toEqual([1]);
    expect(cost.why).toMatch(/^square only: \$[\d,]+ cheaper over the term than the next best$/);
    const spof = rows.find((r) => r.label === 'Single points of failure')!;
    expect(spof.best).toEqual([1]);
    expect(rows.find((r) => r.label === 'Devices')!.best).toEqual([]);
  });

  it('ties mark nobody', () => {
    const a = designMetrics(squareWithTail(), null);
    const rows = compareRows([a, a]);
    expect(rows.every((r) => r.best.length === 0)).toBe(true);
  });
});
