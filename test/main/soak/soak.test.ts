import { describe, expect, it } from 'vitest';
import { formatReport } from '../../../scripts/soak/report';
import { runSoak } from '../../../scripts/soak/run';

// The soak logic end to end, short: a real host child process on loopback,
// 4 clients for 15 s, then the same checks `npm run soak` makes.
describe('soak (short)', () => {
  it('4 clients for 15 s: no unexpected error, every acknowledged write on disk, memory and descriptors back', async () => {
    const r = await runSoak({ seconds: 15, clients: 4, warmupSeconds: 4, settleSeconds: 6, seed: 3 });
    const text = formatReport(r);
    expect(r.failures, text).toEqual([]);
    expect(r.pass).toBe(true);
    expect(text.split('\n').at(-1)).toBe('PASS');
    // The run did what it claims: sweeps, edits, copies, shared-project conflicts and a refused second writer.
    expect(r.stats.simsCompleted).toBeGreaterThan(0);
    expect(r.verify.checked.positions + r.verify.checked.capacities).toBeGreaterThan(0);
    expect(r.verify.checked.copies).toBeGreaterThan(0);
    expect(r.verify.files.length).toBeGreaterThan(2);
    expect(r.lock.locked).toBeGreaterThan(0);
    expect(r.stats.codes.get('CONFLICT') ?? 0).toBeGreaterThan(0);
  }, 180_000);
});
