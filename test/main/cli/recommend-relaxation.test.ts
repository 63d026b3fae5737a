import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../helpers/tmp';

/**
 * `nettwin recommend --mode verified` when no option meets the intent: the
 * "what would it take" section in text and the `relaxations` field in JSON.
 * The intent asks 20 ms one way between New York, Chicago, London and
 * Frankfurt — below what light in fibre allows across the Atlantic.
 */
const root = path.resolve(__dirname, '../../..');
const bin = path.join(root, 'bin', 'nettwin.mjs');
const tmp = tempDir();
afterAll(() => tmp.cleanup());
const run = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', cwd: root });

const INTENT = {
  name: 'Transatlantic trading desks',
  redundancy: 'STANDARD',
  budgetUsd: 2_000_000,
  siteGroups: [
    { role: 'hq', region: 'us', sites: [{ name: 'New York', lat: 40.71, lon: -74.0 }] },
    { role: 'branch', region: 'eu', sites: [{ name: 'London', lat: 51.51, lon: -0.13 }, { name: 'Frankfurt', lat: 50.11, lon: 8.68 }] },
    { role: 'branch', region: 'us', name: 'us-branch', sites: [{ name: 'Chicago', lat: 41.88, lon: -87.63 }] },
  ],
  constraints: { maxLatencyMs: 20 },
};

interface Doc {
  mode: string;
  options: unknown[];
  relaxations: {
    binding: { constraint: string; failedBy: string[] }[];
    relaxations: { constraint: string; edit: { kind: string; from: number; to: number } | null; option: { family: string } | null; belowChecked: number | null; text: string }[];
    cheapestAtAnyPrice: unknown;
    atAnyPrice: string;
  } | null;
}

describe('nettwin recommend: what would it take', () => {
  const file = path.join(tmp.dir, 'transatlantic.intent.json');

  it('--json carries relaxations: the latency limit binds, its smallest relaxation, and no budget fixes it', () => {
    fs.writeFileSync(file, JSON.stringify(INTENT));
    const r = run('recommend', '--intent', file, '--mode', 'verified', '--json');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const doc = JSON.parse(r.stdout) as Doc;
    expect(Object.keys(doc)).toEqual(['mode', 'goal', 'novelty', 'options', 'notApplicable', 'notBuilt', 'relaxations']); // verified --json's shape (learn/cli.test.ts)
    const w = doc.relaxations!;
    expect(w).not.toBeNull();
    expect(w.binding[0]!.constraint).toBe('maxLatencyMs');
    const lat = w.relaxations.find((x) => x.constraint === 'maxLatencyMs')!;
    expect(lat.edit!.kind).toBe('maxLatencyMs');
    expect(lat.edit!.from).toBe(20);
    expect(lat.edit!.to).toBeGreaterThan(31);
    expect(lat.belowChecked).toBeCloseTo(lat.edit!.to - 0.1, 6);
    expect(lat.option).not.toBeNull();
    const budget = w.relaxations.find((x) => x.constraint === 'budget')!;
    expect(budget.edit).toBeNull();
    expect(budget.text).toMatch(/No budget alone/);
    expect(w.cheapestAtAnyPrice).toBeNull();
  }, 120_000);

  it('prints the section in text: binding constraints, each relaxation, the answer at any price', () => {
    fs.writeFileSync(file, JSON.stringify(INTENT));
    const r = run('recommend', '--intent', file, '--mode', 'verified');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const out = r.stdout;
    expect(out).toContain('No option meets the intent. What would it take:');
    expect(out).toMatch(/ {4}- latency limit: failed by .*hub-spoke/);
    expect(out).toMatch(/ {4}- allow \d+(\.\d)? ms between sites instead of 20 ms: \S+ then meets the intent: \$[\d.]+M, p95 [\d.]+ ms, availability [\d.]+ % .*\[\d+(\.\d)? ms checked: no option meets the intent\]/);
    expect(out).toMatch(/no relaxation of these alone is enough:\n {4}- No budget alone makes an option meet the intent/);
    expect(out).toMatch(/No option meets the intent at any price \(budget ignored\)/);
  }, 120_000);

  it('instant mode and a feasible intent carry relaxations: null', () => {
    fs.writeFileSync(file, JSON.stringify({ ...INTENT, budgetUsd: undefined, constraints: {} }));
    const instant = JSON.parse(run('recommend', '--intent', file, '--json').stdout) as Doc;
    expect(instant.relaxations).toBeNull();
    const verified = run('recommend', '--intent', file, '--mode', 'verified', '--json');
    expect(verified.status).toBe(0);
    expect((JSON.parse(verified.stdout) as Doc).relaxations).toBeNull();
    expect(run('recommend', '--intent', file, '--mode', 'verified').stdout).not.toContain('What would it take');
  }, 120_000);
});
