import { describe, expect, it } from 'vitest';
import { Ledger } from '../../../scripts/soak/ledger';

describe('soak ledger: the last acknowledged value of each key', () => {
  it('orders positions and capacities by the revision the host assigned, not by arrival', () => {
    const l = new Ledger();
    l.positions('p', 'd', 5, [{ id: 'n1', x: 1, y: 1 }]);
    l.positions('p', 'd', 4, [{ id: 'n1', x: 2, y: 2 }, { id: 'n2', x: 3, y: 3 }]); // answered later, written earlier
    l.capacity('p', 'd', 7, 'l1', 40);
    l.capacity('p', 'd', 6, 'l1', 10);
    const d = l.get('p', 'd')!;
    expect(d.positions.get('n1')).toEqual({ x: 1, y: 1, revision: 5 });
    expect(d.positions.get('n2')).toEqual({ x: 3, y: 3, revision: 4 });
    expect(d.capacities.get('l1')).toEqual({ gbps: 40, revision: 7 });
    expect(d.maxRevision).toBe(7);
    expect(l.editCount).toBe(3);
  });

  it('a copy must hold the live designs and their simulations, never scratch or deleted ones', () => {
    const l = new Ledger();
    l.design('p', 'keep');
    l.design('p', 'tmp', { scratch: true });
    l.design('p', 'gone');
    l.deleted('p', 'gone');
    l.design('q', 'other');
    l.sim('p', 's1', 'keep');
    l.sim('p', 's2', 'gone');
    expect(l.snapshot('p')).toEqual({ designs: ['keep'], sims: ['s1'] });
  });
});
