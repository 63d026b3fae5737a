import { describe, expect, it } from 'vitest';
import { DEFAULT_PRICE_BOOK, type PriceBook } from '../../../src-shared/cost/pricebook';
import { availabilityOf } from '../../../src-shared/learn/availability';
import { compileTopology } from '../../../src-shared/sim/csr';
import { DRAWN_MAX, gatherReport, ReportInputError } from '../../../src-shared/report/gather';
import { restoreTopology } from '../../../src-shared/model/topology';
import { baseInput, lollipop, record, T0, validation } from './inputs';

describe('gatherReport: which design is presented', () => {
  it('without a decision, presents the design that passes validation with the highest score, and says nobody chose it', () => {
    const m = gatherReport(baseInput());
    // The intent asks for HIGH: the square (a ring) meets it, the lollipop (bridge C–D) does not.
    expect(m.chosen?.record.id).toBe('d-square');
    expect(m.chosen?.basis).toMatch(/No decision choosing a design is recorded/);
    expect(m.options.map((o) => [o.id, o.chosen, o.passed])).toEqual([
      ['d-lolly', false, false],
      ['d-square', true, true],
    ]);
  });

  it('a recorded decision wins over the ranking, newest decision first', () => {
    const decisions = [
      { id: 'x1', subjectKind: 'design', subjectId: 'd-square', decision: 'chosen', actor: 'Ana', reason: null, createdAt: T0 },
      { id: 'x2', subjectKind: 'design', subjectId: 'd-lolly', decision: 'Chosen', actor: 'Board', reason: 'cheaper', createdAt: T0 + 5 },
      { id: 'x3', subjectKind: 'optimization', subjectId: 'd-square', decision: 'approved', actor: 'Bo', reason: null, createdAt: T0 + 9 },
    ];
    const m = gatherReport(baseInput({ decisions }));
    expect(m.chosen?.record.id).toBe('d-lolly');
    // The date says when; the verb the app writes ("chosen", any case) is not repeated.
    expect(m.chosen?.basis).toBe(`Chosen by Board on ${new Date(T0 + 5).toISOString().slice(0, 10)}: cheaper`);
    // Asked for another design, the pack still names the decided one.
    const other = gatherReport(baseInput({ decisions, designId: 'd-square' }));
    expect(other.chosen?.record.id).toBe('d-square');
    expect(other.chosen?.basis).toMatch(/^Selected for this report by the person who produced it; the design decided is "lollipop" \(Chosen by Board/);
  });

  it('--design picks by id or unique name; an unknown or ambiguous one is an error', () => {
    expect(gatherReport(baseInput({ designId: 'd-lolly' })).chosen?.record.id).toBe('d-lolly');
    expect(gatherReport(baseInput({ designId: 'square' })).chosen?.record.id).toBe('d-square');
    expect(() => gatherReport(baseInput({ designId: 'nope' }))).toThrow(ReportInputError);
    const twins = [record('a', lollipop('same')), record('b', lollipop('same'))];
    expect(() => gatherReport(baseInput({ designs: twins, validations: [], designId: 'same' }))).toThrow(/names 2 designs/);
  });

  it('draws the design, except one too large to draw legibly on a page', () => {
    expect(gatherReport(baseInput()).chosen?.svg).toMatch(/^<svg /);
    const n = DRAWN_MAX + 1;
    const ring = restoreTopology({
      name: 'big ring',
      nodes: Array.from({ length: n }, (_, i) => ({ id: `n${i}`, name: `n${i}`, role: 'router' })),
      links: Array.from({ length: n }, (_, i) => ({ id: `l${i}`, source: `n${i}`, target: `n${(i + 1) % n}` })),
    });
    const m = gatherReport(baseInput({ designs: [record('big', ring)], validations: [] }));
    expect(m.chosen?.svg).toBeNull();
    expect(m.chosen?.resilience.bridges).toEqual([]);
  });

  it('an empty project gives a model with no design rather than failing', () => {
    const m = gatherReport(baseInput({ designs: [], validations: [] }));
    expect(m.chosen).toBeNull();
    expect(m.options).toEqual([]);
  });
});

describe('gatherReport: resilience of the presented design', () => {
  it('finds the minimal cut sets of a hand-built lollipop', () => {
    const r = gatherReport(baseInput({ designId: 'd-lolly' })).chosen!.resilience;
    expect(r.bridges).toEqual([{ id: 'cd', label: 'dev C – dev D' }]);
    expect(r.cutNodes).toEqual([{ id: 'C', label: 'dev C' }]);
    expect(r.twoLinkCutClasses.map((c) => c.map((x) => x.id).sort())).toEqual([['ab', 'bc', 'ca']]);
    expect(r.components).toBe(1);
  });

  it('a ring has no single point of failure and one 2-link class of all its links', () => {
    const r = gatherReport(baseInput({ designId: 'd-square' })).chosen!.resilience;
    expect(r.bridges).toEqual([]);
    expect(r.cutNodes).toEqual([]);
    expect(r.twoLinkCutClasses.map((c) => c.length)).toEqual([4]);
  });

  it('every option carries the failure-model availability of its own design', () => {
    const input = baseInput();
    const m = gatherReport(input);
    for (const o of m.options) {
      const t = input.designs.find((d) => d.id === o.id)!.topology;
      expect(o.availability).toEqual(availabilityOf(t, compileTopology(t)));
    }
    // A bridge and a cut device cost availability: the lollipop is strictly worse than the ring.
    expect(m.options[0]!.availability.availability).toBeLessThan(m.options[1]!.availability.availability);
  });

  it('reports the newest stored validation when it is for the current revision', () => {
    const input = baseInput();
    const older = { ...validation(input.designs[1]!, T0 - 10), score: 1 };
    const m = gatherReport({ ...input, validations: [older, ...input.validations] });
    expect(m.chosen?.validationNote).toBeNull();
    expect(m.options.every((o) => !o.validatedNow)).toBe(true);
    expect(m.chosen?.validation.score).toBe(input.validations[1]!.score);
  });

  it('validates again, and says why, when the stored validation is for an older revision or missing', () => {
    const input = baseInput();
    const sq = { ...input.designs[1]!, revision: 3 };
    const stale = { ...validation(sq, T0 + 10), topologyRevision: 2, score: 1, passed: false };
    const m = gatherReport({ ...input, designs: [input.designs[0]!, sq], validations: [stale] });
    expect(m.chosen?.record.id).toBe('d-square');
    expect(m.chosen?.validationNote).toBe(
      'The stored validation is for revision 2, the design is at revision 3; these checks were run for this report against its intent.',
    );
    // Run again against the intent (HIGH): the ring passes, whatever the stale record said.
    expect(m.chosen?.validation.passed).toBe(true);
    const lolly = m.options.find((o) => o.id === 'd-lolly')!;
    expect(lolly.validatedNow).toBe(true);
    expect(lolly.failingChecks).toContain('redundancy.high');
  });

  it('with one design and no decision, says it is the only one rather than the best', () => {
    const input = baseInput();
    const m = gatherReport({ ...input, designs: [input.designs[0]!], validations: [] });
    expect(m.chosen?.basis).toBe('The only design in this project; no decision about it is recorded.');
    expect(m.chosen?.validationNote).toMatch(/^No validation is stored for this design/);
  });
});

describe('gatherReport: stored cost and price book', () => {
  const own: PriceBook = {
    ...DEFAULT_PRICE_BOOK,
    name: 'Acme 2027 <negotiated>',
    circuits: { ...DEFAULT_PRICE_BOOK.circuits, intraSiteUsd: DEFAULT_PRICE_BOOK.circuits.intraSiteUsd + 1000 },
  };

  it('prices a design that has no stored cost with the project price book, and reports that book', () => {
    const input = baseInput({ priceBook: own });
    const bare = { ...input.designs[0]!, cost: null, costUsd: null };
    const m = gatherReport({ ...input, designs: [bare], validations: [], designId: bare.id });
    expect(m.chosen?.costSource).toBe('computed');
    // Four links inside one site, each $1,000 dearer in the project's book.
    expect(m.chosen?.cost.totalUsd).toBe(input.designs[0]!.costUsd! + 4 * 1000);
    expect(m.options[0]!.costUsd).toBe(m.chosen?.cost.totalUsd);
    expect(m.priceBook).toBe(own);
  });

  it('a stored cost is reported as stored; its book is the default one when the names match', () => {
    const m = gatherReport(baseInput({ priceBook: own }));
    expect(m.chosen?.costSource).toBe('stored');
    expect(m.priceBook).toBe(DEFAULT_PRICE_BOOK);
  });

  it('a book that is neither the project one nor the default is not invented', () => {
    const input = baseInput();
    const d = { ...input.designs[1]!, cost: { ...(input.designs[1]!.cost as object), priceBook: 'Lost book' } };
    expect(gatherReport({ ...input, designs: [d] }).priceBook).toBeNull();
  });
});
