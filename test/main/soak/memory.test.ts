import { describe, expect, it } from 'vitest';
import { heapReturned, rssReturned } from '../../../scripts/soak/memory';

const MiB = 1024 * 1024;

describe('soak memory rules', () => {
  it('RSS: baseline + max(50 %, 128 MiB)', () => {
    expect(rssReturned(200 * MiB, 328 * MiB)).toBe(true);
    expect(rssReturned(200 * MiB, 329 * MiB)).toBe(false);
    expect(rssReturned(400 * MiB, 600 * MiB)).toBe(true);
    expect(rssReturned(400 * MiB, 601 * MiB)).toBe(false);
  });

  it('live JS heap: baseline + max(25 %, 16 MiB)', () => {
    expect(heapReturned(20 * MiB, 36 * MiB)).toBe(true);
    expect(heapReturned(20 * MiB, 37 * MiB)).toBe(false);
    expect(heapReturned(100 * MiB, 126 * MiB)).toBe(false);
  });
});
