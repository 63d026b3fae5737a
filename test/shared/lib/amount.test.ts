import { describe, expect, it } from 'vitest';
import { parseAmount } from '../../../src-shared/lib/amount';

describe('parseAmount reads amounts as people type them', () => {
  it.each([
    ['30000000', 30_000_000],
    ['30,000,000', 30_000_000],
    ['30 000 000', 30_000_000],
    ["1'000'000", 1_000_000],
    ['30M', 30_000_000],
    ['30 M', 30_000_000],
    ['$30M', 30_000_000],
    ['1.1M', 1_100_000],
    ['1.5k', 1_500],
    ['2bn', 2_000_000_000],
    ['1,234.5', 1234.5],
    ['12.5 %', 12.5],
    ['0.5', 0.5],
    ['-3', -3],
    ['1e6', 1_000_000],
  ])('%s → %d', (raw, value) => {
    expect(parseAmount(raw)).toEqual({ ok: true, value });
  });

  it.each([
    ['', 'enter a number'],
    ['1,5', 'groups of three'],
    ['30,00,000', 'groups of three'],
    ['30X', '"X" is not a multiplier'],
    ['abc', 'enter a number'],
    ['many', 'enter a number'],
    ['1.2.3', 'enter a number'],
    ['--3', 'enter a number'],
  ])('refuses %j with a reason', (raw, reason) => {
    const r = parseAmount(raw);
    expect(r.ok).toBe(false);
    expect(r.ok ? '' : r.reason).toContain(reason);
  });
});
