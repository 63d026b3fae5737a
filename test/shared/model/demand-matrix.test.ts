import { describe, expect, it } from 'vitest';
import { parseDemandMatrix } from '../../../src-shared/model/demand-matrix';
import { IntentSchema } from '../../../src-shared/model/intent';
import { designDemands } from '../../../src-shared/model/traffic';
import { generateDesign } from '../../../src-shared/generate/generate';
import { compileTopology } from '../../../src-shared/sim/csr';
import { checkDraft, draftFromIntent, initialDraft } from '../../../src-renderer/features/intent/intentDraft';

const ok = (text: string) => {
  const r = parseDemandMatrix(text);
  if (!r.ok) throw new Error(r.problems.join('\n'));
  return r;
};
const problems = (text: string): string[] => {
  const r = parseDemandMatrix(text);
  if (r.ok) throw new Error('expected problems');
  return r.problems;
};

describe('explicit demand matrix', () => {
  it('reads CSV rows with or without a header; both directions unless told', () => {
    const r = ok('from,to,gbps,both\nLondon,Paris,2.5\nParis,Berlin,1,no\n# a comment\n\n');
    expect(r.form).toBe('csv rows');
    expect(r.demands).toEqual([
      { from: 'London', to: 'Paris', gbps: 2.5, both: true },
      { from: 'Paris', to: 'Berlin', gbps: 1, both: false },
    ]);
    expect(ok('London,Paris,3').demands).toEqual([{ from: 'London', to: 'Paris', gbps: 3, both: true }]);
  });

  it('converts a header in mbps and says so', () => {
    const r = ok('from,to,mbps\nA,B,500');
    expect(r.demands[0]!.gbps).toBeCloseTo(0.5, 12);
    expect(r.notes.join(' ')).toMatch(/Mbit\/s/);
  });

  it('reads a CSV site×site table as directed demands, skipping zeros and empties', () => {
    const r = ok(',A,B,C\nA,0,1.5,\nB,2,0,0.25\nC,,,0');
    expect(r.form).toBe('csv matrix');
    expect(r.demands).toEqual([
      { from: 'A', to: 'B', gbps: 1.5, both: false },
      { from: 'B', to: 'A', gbps: 2, both: false },
      { from: 'B', to: 'C', gbps: 0.25, both: false },
    ]);
  });

  it('reads JSON lists and JSON matrices', () => {
    expect(ok('[{"from":"A","to":"B","gbps":4,"both":false}]').demands).toEqual([{ from: 'A', to: 'B', gbps: 4, both: false }]);
    expect(ok('{"A":{"B":1,"C":0},"B":{"A":2}}').demands).toEqual([
      { from: 'A', to: 'B', gbps: 1, both: false },
      { from: 'B', to: 'A', gbps: 2, both: false },
    ]);
  });

  it('names the line and field of each problem', () => {
    expect(problems('from,to,gbps\nA,B,lots\nC,C,1\nD,E')).toEqual([
      'line 2, field gbps: "lots" is not a number',
      'line 3: from and to are the same site "C"',
      'line 4: expected from,to,gbps[,both], found 2 fields',
    ]);
    expect(problems('from,to,volume\nA,B,1')[0]).toMatch(/line 1, field 3: the header must name the unit/);
    expect(problems(',A,B\nA,0,-1')).toEqual(['line 2, column 3 (A → B): -1 is negative']);
    expect(problems('[{"from":"A","to":"B","gbps":"1"},{"from":"A","to":"B","gbps":1,"rate":2}]')).toEqual([
      'item 1, field gbps: expected a non-negative number of Gbit/s',
      'item 2, field rate: unknown field (expected from, to, gbps, both)',
    ]);
    expect(problems('[{"from":"A"')[0]).toMatch(/^not valid JSON/);
  });
});

describe('the matrix through the intent editor into every path', () => {
  it('the wizard stores typed demands in traffic.demands and the traffic model routes them', () => {
    const d = initialDraft();
    d.groups = [
      { ...d.groups[0]!, count: '', sites: 'Frankfurt DC\nAshburn DC, amer' },
      { ...d.groups[1]!, count: '', sites: 'London HQ' },
    ];
    d.trafficPattern = 'explicit';
    d.growthHeadroomPct = '0';
    d.demands = 'from,to,gbps\nLondon HQ,Frankfurt DC,4\nFrankfurt DC,Ashburn DC,10,no';
    const r = checkDraft(d);
    expect([...r.problems]).toEqual([]);
    expect(r.intent!.traffic.pattern).toBe('explicit');
    expect(r.intent!.traffic.demands).toEqual([
      { from: 'London HQ', to: 'Frankfurt DC', gbps: 4, both: true },
      { from: 'Frankfurt DC', to: 'Ashburn DC', gbps: 10, both: false },
    ]);
    // Generate and the traffic model every path uses: 4 + 4 + 10 Gbit/s, no growth.
    const intent = IntentSchema.parse(r.intent);
    const t = generateDesign(intent, 'partial-mesh', 1).topology;
    expect(designDemands(t, compileTopology(t), intent).totalGbps).toBeCloseTo(18, 9);
    // Reopened in the wizard, the matrix comes back as CSV and gives the same demands.
    const again = checkDraft(draftFromIntent(intent));
    expect(again.intent!.traffic).toEqual(intent.traffic);
  });

  it('a typed demand naming an unknown site is reported on the matrix field, naming the demand', () => {
    const d = initialDraft();
    d.groups = [{ ...d.groups[0]!, count: '', sites: 'Frankfurt DC\nParis DC' }];
    d.demands = 'Frankfurt DC,Paris DC,1\nFrankfurt DC,Atlantis,2';
    const r = checkDraft(d);
    expect(r.intent).toBeNull();
    expect(r.problems.get('traffic.demands')).toMatch(/^demand 2 \(Frankfurt DC → Atlantis\), field to: no explicit site is named "Atlantis"/);
    d.demands = 'A,B,x';
    expect(checkDraft(d).problems.get('traffic.demands')).toBe('line 1, field gbps: "x" is not a number');
    d.demands = '';
    d.trafficPattern = 'explicit';
    expect(checkDraft(d).problems.get('traffic.demands')).toMatch(/at least one demand/);
  });
});
