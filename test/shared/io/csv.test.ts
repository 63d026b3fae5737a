import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvCell, parseCsv, readCsvTable, toCsv, unguardCell } from '../../../src-shared/io/csv';
import { exportNetboxCsv, importNetboxCsvBundle } from '../../../src-shared/io/netbox-csv';
import { sweepToCsv } from '../../../src-shared/io/sweep-csv';
import { restoreTopology } from '../../../src-shared/model/topology';

const cells = (text: string) => parseCsv(text, 'f.csv').map((r) => r.cells);

describe('parseCsv', () => {
  it('reads quoted cells with commas, doubled quotes and line breaks', () => {
    expect(cells('a,"b,c","say ""hi""","two\nlines"\n')).toEqual([['a', 'b,c', 'say "hi"', 'two\nlines']]);
  });
  it('strips a BOM, accepts CRLF and a missing final newline, skips blank lines', () => {
    expect(cells('\uFEFFx,y\r\n\r\n1,2')).toEqual([['x', 'y'], ['1', '2']]);
  });
  it('keeps empty cells and empty quoted cells', () => {
    expect(cells(',\n"",x\n')).toEqual([['', ''], ['', 'x']]);
  });
  it('reports the line a record starts on, after embedded line breaks', () => {
    expect(parseCsv('h\n"a\nb"\nc\n', 'f.csv').map((r) => r.line)).toEqual([1, 2, 4]);
  });
  it('rejects broken quoting with the line', () => {
    expect(() => parseCsv('a\n"open\n', 'f.csv')).toThrow('f.csv line 2: unterminated quoted field');
    expect(() => parseCsv('a\nx"y\n', 'f.csv')).toThrow('f.csv line 2: quote inside an unquoted field');
    expect(() => parseCsv('"a"b\n', 'f.csv')).toThrow('f.csv line 1: text after a closing quote');
  });
});

describe('readCsvTable', () => {
  it('matches headers ignoring case, spaces and underscores', () => {
    const t = readCsvTable('Device Type,SIDE_A_NAME\nMX204,et-0/0/0\n', 'f.csv');
    expect(t.rows[0]?.get('device_type')).toBe('MX204');
    expect(t.rows[0]?.get('side a name')).toBe('et-0/0/0');
    expect(t.rows[0]?.get('missing')).toBeUndefined();
  });
});

describe('toCsv', () => {
  it('quotes only what needs quoting', () => {
    expect([csvCell('plain'), csvCell('a,b'), csvCell('q"'), csvCell(' lead'), csvCell(3.5), csvCell(null)]).toEqual([
      'plain', '"a,b"', '"q"""', '" lead"', '3.5', '',
    ]);
  });
  it('round-trips any table of strings through parseCsv (and unguardCell for formula-like text)', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.string({ unit: 'grapheme' }), { minLength: 2, maxLength: 2 }), { maxLength: 8 }), (rows) => {
        const text = toCsv(rows, [
          { header: 'a', value: (r) => r[0] },
          { header: 'b', value: (r) => r[1] },
        ]);
        expect(cells(text).map((r) => r.map(unguardCell))).toEqual([['a', 'b'], ...rows]);
      }),
      { numRuns: 300, seed: 5 },
    );
  });
});

describe('formula injection (OWASP CSV injection)', () => {
  const hostile = ['=HYPERLINK("http://x","y")', '+1+1', '-2+3', '@SUM(A1)', '\tcmd', '\rcmd', "'=already", "''+twice"];

  it('prefixes text that a spreadsheet would run, and reads it back exactly', () => {
    for (const v of hostile) {
      const cell = csvCell(v);
      expect(cell.replace(/^"/, ''), v).toMatch(/^'/);
      const table = readCsvTable(`h\r\n${cell}\r\n`, 't.csv');
      expect(table.rows[0]!.get('h'), v).toBe(v);
    }
    // Numbers stay numbers; harmless text stays as it is.
    expect([csvCell(-3.7), csvCell('a-b'), csvCell("it's")]).toEqual(['-3.7', 'a-b', "it's"]);
  });

  it('guards the sweep CSV and every NetBox CSV, and NetBox names still import back', () => {
    expect(sweepToCsv([{ scenario: '=cmd|calc', kind: 'node', disconnectedPairs: 0, strandedDemand: 0, maxUtilisation: -1 }])).toContain("'=cmd|calc");
    const t = restoreTopology({
      sites: [{ id: 's', name: '@site', role: 'hq', region: '+EU' }],
      nodes: [{ id: 'a', name: '=HYPERLINK("x")', role: 'core', site: 's' }, { id: 'b', name: '-b', role: 'edge', site: 's', lon: -3.7, lat: 40.4 }],
      links: [{ id: '=l', source: 'a', target: 'b' }],
    });
    const bundle = exportNetboxCsv(t);
    for (const [file, text] of Object.entries(bundle)) {
      for (const line of text.split('\r\n')) for (const cell of line.split(',')) expect(cell.replace(/^"/, ''), `${file}: ${cell}`).not.toMatch(/^[=+@\t\r]|^-[^\d]/);
    }
    expect(importNetboxCsvBundle(bundle).topology).toMatchObject({ nodes: [{ name: '=HYPERLINK("x")' }, { name: '-b', lon: -3.7 }], links: [{ id: '=l' }], sites: [{ name: '@site', region: '+EU' }] });
  });
});
