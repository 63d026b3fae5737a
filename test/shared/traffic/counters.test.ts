import { describe, expect, it } from 'vitest';
import { TopologySchema } from '../../../src-shared/model/topology';
import { compileTopology } from '../../../src-shared/sim/csr';
import { CounterError, parseCounterCsv, parsePrometheusRange } from '../../../src-shared/traffic/counters';
import { mapCounters, periodLoads } from '../../../src-shared/traffic/mapping';

// Paris (par1) – Frankfurt (fra1) – London (lon1), plus two parallel Paris–London circuits.
const design = TopologySchema.parse({
  nodes: [
    { id: 'par1', name: 'PAR-CORE-1', role: 'router' },
    { id: 'fra1', name: 'FRA-CORE-1', role: 'router' },
    { id: 'lon1', name: 'LON-CORE-1', role: 'router' },
  ],
  links: [
    { id: 'l1', source: 'par1', target: 'fra1', sourcePort: 'Ethernet1/1', targetPort: 'Ethernet1/1' },
    { id: 'l2', source: 'fra1', target: 'lon1' },
    { id: 'l3', source: 'par1', target: 'lon1' },
    { id: 'l4', source: 'par1', target: 'lon1' },
  ],
});

describe('counter CSV', () => {
  it('reads ISO and Unix times, aliases and empty rates', () => {
    const s = parseCounterCsv('timestamp,host,ifName,in_bps,out_bps\n2027-01-04T10:00:00Z,PAR-CORE-1,Ethernet1/1,1e9,2e9\n1799999999,fra1,Ethernet1/1,,5\n', 'poll.csv');
    expect(s).toHaveLength(2);
    expect(s[0]).toMatchObject({ time: Date.UTC(2027, 0, 4, 10) / 1000, device: 'PAR-CORE-1', iface: 'Ethernet1/1', inBps: 1e9, outBps: 2e9, where: 'poll.csv:2' });
    expect(s[1]!.inBps).toBeNaN();
    expect(s[1]!.time).toBe(1799999999);
  });

  it('names file, line and field in its errors', () => {
    expect(() => parseCounterCsv('time,device,interface,in_bps,out_bps\n2027-01-01,par1,e1,12,abc\n', 'poll.csv')).toThrow(
      'poll.csv line 2, out_bps: "abc" is not a rate',
    );
    expect(() => parseCounterCsv('time,device,interface,in_bps\nyesterday,par1,e1,1\n', 'poll.csv')).toThrow('poll.csv line 2, time: "yesterday" is not a time');
    expect(() => parseCounterCsv('when,device,in_bps\n', 'poll.csv')).toThrow(CounterError);
    expect(() => parseCounterCsv('time,device,in_bps\n', 'poll.csv')).toThrow(/needs an interface or peer column/);
  });
});

describe('Prometheus range query', () => {
  const doc = (result: unknown[]): string => JSON.stringify({ status: 'success', data: { resultType: 'matrix', result } });

  it('merges in and out series of one interface and converts bytes/s', () => {
    const text = doc([
      { metric: { __name__: 'ifHCInOctets', instance: 'par1', ifName: 'Ethernet1/1' }, values: [[1800000000, '125000000'], [1800000300, '250000000']] },
      { metric: { instance: 'par1', ifName: 'Ethernet1/1', direction: 'out' }, values: [[1800000000, '1000']] },
    ]);
    const s = parsePrometheusRange(text, 'prom.json', 'Bps');
    expect(s).toHaveLength(2);
    expect(s[0]).toMatchObject({ time: 1800000000, device: 'par1', iface: 'Ethernet1/1', inBps: 1e9, outBps: 8000 });
    expect(s[1]!.outBps).toBeNaN();
  });

  it('says what is wrong and where', () => {
    expect(() => parsePrometheusRange('{"status":"error"}', 'p.json')).toThrow('p.json, status: is "error", expected "success"');
    expect(() => parsePrometheusRange(JSON.stringify({ status: 'success', data: { resultType: 'vector', result: [] } }), 'p.json')).toThrow(/range query/);
    expect(() => parsePrometheusRange(doc([{ metric: { instance: 'par1', ifName: 'x' }, values: [] }]), 'p.json')).toThrow('p.json series 1, metric: cannot tell in from out');
    expect(() => parsePrometheusRange(doc([{ metric: { instance: 'par1', ifName: 'x', direction: 'in' }, values: [[1, 'NaNx']] }]), 'p.json')).toThrow(
      'p.json series 1 value 1, value',
    );
    expect(() => parsePrometheusRange('{', 'p.json')).toThrow(/p.json: not JSON/);
  });
});

describe('mapping counters onto the design', () => {
  it('matches by link id, interface (port plan) and device pair, and says why the rest did not match', () => {
    const csv = [
      'time,device,interface,link,peer,in_bps,out_bps',
      // l1 from Frankfurt's side, by its port name: out = fra1→par1 (slot 1).
      '2027-01-04T10:00:00Z,FRA-CORE-1,ethernet1/1,,,3e9,4e9',
      // l2 by id without a device: out = source→target (fra1→lon1, slot 2).
      '2027-01-04T10:00:00Z,,,l2,,1e9,5e9',
      // Paris–London by device pair: two parallel links share it.
      '2027-01-04T10:00:00Z,lon1,,,par1,8e9,6e9',
      '2027-01-04T10:00:00Z,ams1,eth1,,,1,1',
      '2027-01-04T10:00:00Z,par1,Loopback0,,,1,1',
      '2027-01-04T10:00:00Z,,,l9,,1,1',
      '2027-01-04T10:00:00Z,fra1,,,ams1,1,1',
    ].join('\n');
    const { mapped, report } = mapCounters(design, parseCounterCsv(csv, 'c.csv'));
    expect(report.matched).toBe(3);
    expect(report.byRule).toEqual({ link: 1, interface: 1, peer: 1 });
    expect(report.unmatched.map((u) => u.why).sort()).toEqual([
      'device "ams1" is not in the design',
      'interface "Loopback0" of par1 carries no inter-device link in the design (access or management port?)',
      'link "l9" is not in the design',
    ]);
    expect(report.unmatched.find((u) => u.why.includes('ams1'))!.count).toBe(2);
    expect(report.unmatched[0]!.examples[0]).toMatch(/^c\.csv:\d+$/);
    expect(report.unmeasuredLinks).toEqual([]);
    expect(report.notes.join()).toMatch(/split evenly/);
    const g = compileTopology(design);
    const [p] = periodLoads(mapped, 2 * g.linkIds.length, 'day', 'max');
    const loads = Array.from(p!.loadsGbps);
    // l1: fra1 sends 4 (slot 1 = target→source), receives 3 (slot 0).
    expect(loads.slice(0, 2)).toEqual([3, 4]);
    expect(loads.slice(2, 4)).toEqual([5, 1]);
    // l3, l4 (par1→lon1 is slot 2e): lon1 sends 6 → lon1→par1 (slot 2e+1) gets 3 each; receives 8 → 4 each.
    expect(loads.slice(4, 8)).toEqual([4, 3, 4, 3]);
    expect(p!.label).toBe('2027-01-04');
  });

  it('takes the 95th percentile per period and averages the two ends of a link', () => {
    const rows = ['time,link,in_bps,out_bps'];
    for (let i = 0; i < 100; i++) rows.push(`${Date.UTC(2027, 0, 1 + (i % 2 === 0 ? 0 : 40)) / 1000 + i * 300},l1,0,${(i + 1) * 1e9}`);
    rows.push(`${Date.UTC(2027, 0, 1) / 1000},l1,0,3e9`);
    const { mapped } = mapCounters(design, parseCounterCsv(rows.join('\n'), 'x.csv'));
    const periods = periodLoads(mapped, 8, 'month');
    expect(periods.map((p) => p.label)).toEqual(['2027-01', '2027-02']);
    // January: odd i → no; even i = 0..98 → 1, 3, …, 99 Gbit/s, and at i = 0 the two ends (1 and 3) average to 2.
    const jan = [2, ...Array.from({ length: 49 }, (_, k) => 3 + 2 * k)].sort((a, b) => a - b);
    expect(periods[0]!.loadsGbps[0]).toBe(jan[Math.ceil(0.95 * jan.length) - 1]);
    expect(periods[0]!.loadsGbps[2]).toBeNaN();
    expect(periodLoads(mapped, 8, 'week').map((p) => p.label)).toEqual(['2026-W53', '2027-W06']);
  });
});
