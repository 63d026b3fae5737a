import { describe, expect, it } from 'vitest';
import { indexDesign } from '../../../src-shared/validate/design-index';
import { assessRedundancy } from '../../../src-shared/validate/redundancy';
import { design } from './build';

const assess = (t: ReturnType<typeof design>) => assessRedundancy(indexDesign(t));

describe('redundancy classes on hand-built designs', () => {
  it('two separate parts: not even NONE, with the unreachable devices as evidence', () => {
    const r = assess(design({ a: 'branch', b: 'branch', c: 'branch' }, [['a/r', 'b/r']], ['c/r']));
    expect(r.achieved).toBeNull();
    expect(r.levels.NONE.passed).toBe(false);
    expect(r.levels.NONE.evidence.nodes).toEqual(['c/r']);
  });

  it('a star with the HQ at its centre meets STANDARD but not HIGH (the hub is an articulation point)', () => {
    const r = assess(
      design({ hq: 'hq', b1: 'branch', b2: 'branch', b3: 'branch' }, [
        ['hq/r', 'b1/r'],
        ['hq/r', 'b2/r'],
        ['hq/r', 'b3/r'],
      ]),
    );
    expect(r.levels.STANDARD.passed).toBe(true);
    expect(r.levels.HIGH.passed).toBe(false);
    expect(r.levels.HIGH.evidence.nodes).toEqual(['hq/r']);
    expect(r.levels.HIGH.evidence.links).toEqual(['e0', 'e1', 'e2']);
    expect(r.levels.HIGH.message).toContain('stand on one device (hq)');
    expect(r.achieved).toBe('STANDARD');
  });

  it('a datacenter on a single spoke link fails STANDARD, naming that link', () => {
    const r = assess(
      design({ hq: 'hq', dc: 'datacenter', b1: 'branch', b2: 'branch' }, [
        ['hq/r', 'b1/r'],
        ['hq/r', 'b2/r'],
        ['hq/r', 'dc/r'],
      ]),
    );
    expect(r.levels.STANDARD.passed).toBe(false);
    expect(r.levels.STANDARD.evidence.links).toEqual(['e2']);
    expect(r.levels.STANDARD.evidence.nodes).toEqual(['dc/r']);
    expect(r.achieved).toBe('NONE');
  });

  it('a datacenter with two parallel circuits meets STANDARD', () => {
    const r = assess(
      design({ hq: 'hq', dc: 'datacenter', b1: 'branch' }, [
        ['hq/r', 'b1/r'],
        ['hq/r', 'dc/r'],
        ['hq/r', 'dc/r'],
      ]),
    );
    expect(r.levels.STANDARD.passed).toBe(true);
  });

  // Sites of one device are branches below: an HQ, datacenter or hub on one device fails HIGH by definition.
  it('an HQ standing on one device fails HIGH even in a triangle', () => {
    const r = assess(design({ a: 'hq', b: 'branch', c: 'branch' }, [['a/r', 'b/r'], ['b/r', 'c/r'], ['c/r', 'a/r']]));
    expect(r.achieved).toBe('STANDARD');
    expect(r.levels.HIGH.message).toContain('stand on one device (a)');
  });

  it('a triangle meets HIGH but two link failures cut it: not CRITICAL', () => {
    const r = assess(design({ a: 'branch', b: 'branch', c: 'branch' }, [['a/r', 'b/r'], ['b/r', 'c/r'], ['c/r', 'a/r']]));
    expect(r.achieved).toBe('HIGH');
    expect(r.levels.CRITICAL.message).toContain('pairs of failures disconnect surviving sites (e.g. link e0 + link e1');
    expect(r.levels.CRITICAL.evidence.links.slice(0, 2)).toEqual(['e0', 'e1']);
  });

  it('a 4-cycle with one chord names the one 2-edge cut it leaves', () => {
    // a-b-c-d-a plus the chord a-c: {a-b, b-c} isolates b and {c-d, d-a} isolates d.
    const r = assess(
      design({ a: 'branch', b: 'branch', c: 'branch', d: 'branch' }, [
        ['a/r', 'b/r'], ['b/r', 'c/r'], ['c/r', 'd/r'], ['d/r', 'a/r'], ['a/r', 'c/r'],
      ]),
    );
    expect(r.achieved).toBe('HIGH');
    // Link pairs {e0,e1} and {e2,e3}, and link + device mixes such as e0 with device c/r (isolating b).
    expect(r.levels.CRITICAL.message).toContain('link e0 + link e1');
    expect(r.levels.CRITICAL.message).toContain('link e0 + device c/r');
    expect(r.levels.CRITICAL.evidence.links).toContain('e3');
  });

  it('K4 (every pair linked, one device per site) meets CRITICAL', () => {
    const ids = ['a', 'b', 'c', 'd'];
    const links: [string, string][] = [];
    for (let i = 0; i < 4; i++) for (let j = i + 1; j < 4; j++) links.push([`${ids[i]}/r`, `${ids[j]}/r`]);
    const r = assess(design({ a: 'branch', b: 'branch', c: 'branch', d: 'branch' }, links));
    expect(r.achieved).toBe('CRITICAL');
  });

  it('K4 whose four links between {a,b} and {c,d} share one duct fails CRITICAL on that shared-risk group', () => {
    const duct = { srlgs: ['duct:x'] };
    const r = assess(
      design({ a: 'branch', b: 'branch', c: 'branch', d: 'branch' }, [
        ['a/r', 'b/r'],
        ['c/r', 'd/r'],
        ['a/r', 'c/r', duct],
        ['b/r', 'd/r', duct],
        ['a/r', 'd/r', duct],
        ['b/r', 'c/r', duct],
      ]),
    );
    // The duct alone splits {a,b} from {c,d}: a single shared-risk failure, so not even HIGH.
    expect(r.levels.STANDARD.passed).toBe(true);
    expect(r.levels.HIGH.passed).toBe(false);
    expect(r.levels.HIGH.message).toContain('shared-risk group duct:x');
    expect(r.levels.HIGH.evidence.links).toEqual(['e2', 'e3', 'e4', 'e5']);
  });

  it('the same K4 with the duct on two links only still meets CRITICAL', () => {
    const duct = { srlgs: ['duct:x'] };
    const r = assess(
      design({ a: 'branch', b: 'branch', c: 'branch', d: 'branch' }, [
        ['a/r', 'b/r'],
        ['c/r', 'd/r'],
        ['a/r', 'c/r', duct],
        ['b/r', 'd/r', duct],
        ['a/r', 'd/r'],
        ['b/r', 'c/r'],
      ]),
    );
    // Without the duct a 4-cycle a-b-c-d is left: any one more link or device still leaves a path.
    expect(r.achieved).toBe('CRITICAL');
  });

  it('two devices in one site whose loss splits the rest fail CRITICAL on the site outage', () => {
    // Two triangles joined only through site m (two devices, each linked to both triangles twice over).
    const links: [string, string][] = [
      ['x1/r', 'x2/r'], ['x2/r', 'x3/r'], ['x3/r', 'x1/r'],
      ['y1/r', 'y2/r'], ['y2/r', 'y3/r'], ['y3/r', 'y1/r'],
      ['m/a', 'x1/r'], ['m/a', 'y1/r'], ['m/b', 'x2/r'], ['m/b', 'y2/r'], ['m/a', 'x3/r'], ['m/b', 'y3/r'], ['m/a', 'm/b'],
    ];
    const roles = { x1: 'branch', x2: 'branch', x3: 'branch', y1: 'branch', y2: 'branch', y3: 'branch', m: 'hq' } as const;
    const r = assess(design(roles, links));
    expect(r.levels.HIGH.passed).toBe(true);
    expect(r.levels.CRITICAL.passed).toBe(false);
    expect(r.levels.CRITICAL.message).toContain('losing site m');
    expect(r.levels.CRITICAL.evidence.nodes).toContain('m/a');
    expect(r.levels.CRITICAL.evidence.nodes).toContain('m/b');
  });
});
