import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { parseRepetitaDemandColumns, parseRepetitaDemands, parseRepetitaDemandVolumes, repetitaDemands, repetitaDemandVolumes, routerId } from '../../../src-shared/io/repetita';
import { scanDemandVolumes } from '../../../src-shared/io/repetita-scan';
import { mulberry32 } from '../../../src-shared/lib/rng';

/**
 * The REPETITA demand reader as columns (what `simulate` hands the sweep)
 * against the row reader and repetitaDemands, the path it replaced: the same
 * rows, the same demands in the same order, the same volumes to the bit,
 * on hand-laid files and on generated ones with every field form the format
 * allows (leading zeros, decimals, exponents, 15- and 16-digit figures,
 * tabs, CRLF, extra fields, self-demands, zero demands).
 */
function asRows(text: string, nodes: number): { src: number; dest: number; bwKbps: number }[] {
  const c = parseRepetitaDemandColumns(text, nodes, 'm.demands');
  return Array.from(c.src, (src, r) => ({ src, dest: c.dest[r]!, bwKbps: c.bwKbps[r]! }));
}

/** The format read the plainest way, independently of both readers: split lines, split fields, Number(). */
function reference(text: string): { src: number; dest: number; bwKbps: number }[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const count = Number(/DEMANDS\s+(\d+)/.exec(lines[0]!)![1]);
  return lines.slice(2, 2 + count).map((l) => {
    const f = l.trim().split(/\s+/);
    return { src: Number(f[1]), dest: Number(f[2]), bwKbps: Number(f[3]) };
  });
}

function sameAsRowReader(text: string, nodes: number): void {
  const rows = parseRepetitaDemands(text, nodes, 'm.demands');
  expect(rows.map(({ src, dest, bwKbps }) => ({ src, dest, bwKbps }))).toEqual(reference(text));
  const got = asRows(text, nodes);
  expect(got).toHaveLength(rows.length);
  got.forEach((g, r) => {
    expect(Object.is(g.src, rows[r]!.src) && Object.is(g.dest, rows[r]!.dest) && Object.is(g.bwKbps, rows[r]!.bwKbps)).toBe(true);
  });
  const objects = repetitaDemands(rows);
  const v = repetitaDemandVolumes(parseRepetitaDemandColumns(text, nodes, 'm.demands'));
  expect(v.src).toHaveLength(objects.length);
  objects.forEach((d, i) => {
    expect([routerId(v.src[i]!), routerId(v.dest[i]!)]).toEqual([d.source, d.target]);
    expect(Object.is(v.volume[i], d.volume)).toBe(true);
  });
  sameVolumes(text, nodes);
}

/** The one-scan volumes (what simulate reads) against the two steps they fuse, bit for bit, same length. */
function sameVolumes(text: string, nodes: number): void {
  const two = repetitaDemandVolumes(parseRepetitaDemandColumns(text, nodes, 'm.demands'));
  const one = parseRepetitaDemandVolumes(text, nodes, 'm.demands');
  for (const k of ['src', 'dest', 'volume'] as const) {
    expect(one[k]).toHaveLength(two[k].length);
    expect(Buffer.from(one[k].buffer, one[k].byteOffset, one[k].byteLength).equals(Buffer.from(two[k].buffer, two[k].byteOffset, two[k].byteLength))).toBe(true);
  }
}

const BW_FORMS = ['5029', '0', '007', '1500.5', '1e3', '2.5E2', '999999999999999', '9007199254740993', '12345678901234567', '99999999999999999999999', '9007199254740995123', '0.000001', '.5', '5.'];

function generated(seed: number, rows: number, nodes: number): string {
  const rand = mulberry32(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const lines = [`DEMANDS ${rows}`, 'label src dest bw'];
  for (let r = 0; r < rows; r++) {
    const s = Math.floor(rand() * nodes);
    const t = rand() < 0.05 ? s : Math.floor(rand() * nodes);
    const bw = rand() < 0.5 ? String(Math.floor(rand() * 1e7)) : pick(BW_FORMS);
    const sep = (): string => pick([' ', '  ', '\t']);
    const zeros = rand() < 0.1 ? '00' : '';
    lines.push(`${pick(['', ' '])}demand_${r}${sep()}${zeros}${s}${sep()}${t}${sep()}${bw}${rand() < 0.1 ? ' extra' : ''}`);
  }
  return lines.join(rand() < 0.5 ? '\n' : '\r\n');
}

describe('REPETITA demands as columns', () => {
  it('reads the same rows and demands as the row reader and repetitaDemands, on generated files', () => {
    for (let seed = 1; seed <= 12; seed++) sameAsRowReader(generated(seed, 400, 37), 37);
  });

  it('reads the same on the hand-laid layouts, and through the line reader when the scan refuses', () => {
    const lines = ['DEMANDS 3', 'label src dest bw', 'd0 0 3 5029', '  d_1\t3  0\t1500.5  ', 'd2 2 1 1e3 extra fields', 'after the count: ignored'];
    sameAsRowReader(lines.join('\n'), 4);
    sameAsRowReader(`\uFEFF${lines.join('\r\n')}`, 4);
    // A label outside printable ASCII: the scan gives up, the line reader reads it.
    sameAsRowReader(lines.join('\n').replace('d0', 'dé'), 4);
    expect(asRows(lines.join('\n').replace('d0', 'dé'), 4)[0]).toEqual({ src: 0, dest: 3, bwKbps: 5029 });
  });

  it('reads the real REPETITA matrices in one scan as the two steps do', () => {
    const dir = process.env['NETTWIN_REPETITA'] ?? path.resolve(__dirname, '../../../../shared/data/repetita');
    const files = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.demands')) : [];
    for (const f of files) {
      const text = fs.readFileSync(path.join(dir, f), 'utf8');
      expect(scanDemandVolumes(text, Number.MAX_SAFE_INTEGER)).not.toBeNull();
      sameVolumes(text, Number.MAX_SAFE_INTEGER);
    }
  });

  it('names the line of what is wrong, as the row reader does', () => {
    const lines = ['DEMANDS 3', 'label src dest bw', 'd0 0 3 5029', 'd1 3 0 1500', 'd2 2 1 1000'];
    expect(() => parseRepetitaDemandColumns(lines.join('\n').replace('DEMANDS 3', 'DEMANDS 5'), 4, 'm.demands')).toThrow(/m\.demands: line 6: demand: expected 4 fields/);
    // A count no file of that size could hold is refused, not allocated.
    expect(() => parseRepetitaDemandColumns(lines.join('\n').replace('DEMANDS 3', 'DEMANDS 900000000000'), 4, 'm.demands')).toThrow(/m\.demands: line 6: demand: expected 4 fields/);
    expect(() => parseRepetitaDemandColumns(lines.join('\n').replace('1500', '-2'), 4, 'm.demands')).toThrow(/m\.demands: line 4: bw "-2" is not a number ≥ 0/);
    expect(() => parseRepetitaDemandColumns(lines.join('\n'), 3, 'm.demands')).toThrow(/m\.demands: line 3: demand d0: dest 3 is not one of the network's 3 nodes/);
    // The one-scan volumes refuse exactly as the two steps do, naming the same line.
    expect(() => parseRepetitaDemandVolumes(lines.join('\n').replace('1500', '-2'), 4, 'm.demands')).toThrow(/m\.demands: line 4: bw "-2" is not a number ≥ 0/);
    expect(() => parseRepetitaDemandVolumes(lines.join('\n'), 3, 'm.demands')).toThrow(/m\.demands: line 3: demand d0: dest 3 is not one of the network's 3 nodes/);
  });
});
