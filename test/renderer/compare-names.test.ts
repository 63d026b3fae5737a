import { describe, expect, it } from 'vitest';
import { distinctNames } from '../../src-renderer/features/compare/distinctNames';

describe('compare pickers: what tells the designs apart', () => {
  it('drops the head the names share, cut at a separator', () => {
    expect(distinctNames(['Retail chain, 500 sites — hub-spoke', 'Retail chain, 500 sites — dual-hub'])).toEqual(['hub-spoke', 'dual-hub']);
    // Shared characters past the last separator stay ("dual-" of dual-hub and dual-ring).
    expect(distinctNames(['Bank — dual-hub', 'Bank — dual-ring'])).toEqual(['dual-hub', 'dual-ring']);
  });

  it('keeps whole names when nothing is shared, a name would be left empty, or there is one', () => {
    expect(distinctNames(['tree', 'ring'])).toEqual(['tree', 'ring']);
    expect(distinctNames(['Retail — tree', 'Retail — tree copy', 'Retail'])).toEqual(['Retail — tree', 'Retail — tree copy', 'Retail']);
    expect(distinctNames(['Retail — tree'])).toEqual(['Retail — tree']);
  });
});
