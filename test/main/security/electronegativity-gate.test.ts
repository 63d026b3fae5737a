import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  applyAllowlist, findingsFromCsv, parseAllowlist, parseCsv, stableName, unparsedFindings,
} from '../../../scripts/electronegativity-lib';

// The tool's own CSV shape (header with ", ", unquoted id and url, doubled quotes inside fields).
const CSV = [
  'issue, severity, confidence, filename, location, sample, description, url',
  'PRELOAD_JS_CHECK,"MEDIUM","FIRM","src-main/app/window.ts","14:6","preload: path.join(here, "".."", ""preload""),","Review the use of preload scripts",https://github.com/doyensec/electronegativity/wiki/PRELOAD_JS_CHECK',
  'CSP_GLOBAL_CHECK,"LOW","FIRM","out/renderer/index.html","5:0","default-src \'none\'; script-src \'self\'","One or more CSP directives, maybe weak",https://github.com/doyensec/electronegativity/wiki/',
  'NODE_INTEGRATION_JS_CHECK,"INFORMATIONAL","CERTAIN","out/main/chunks/protocol-nb5RqEae.js","3:1",N/A,"Disable nodeIntegration",https://github.com/doyensec/electronegativity/wiki/NODE_INTEGRATION_JS_CHECK',
  '',
].join('\r\n');

const entry = (check: string, file: string) => ({ check, file, justification: 'reviewed: a reason that is long enough' });

describe('Electronegativity CSV', () => {
  it('parses quoted fields with commas, doubled quotes and CRLF lines', () => {
    const rows = parseCsv('a,"b, c","say ""hi"""\r\n"multi\nline",x,\n');
    expect(rows).toEqual([['a', 'b, c', 'say "hi"'], ['multi\nline', 'x', '']]);
  });

  it('turns the tool rows into findings with stable, repository-relative names', () => {
    const f = findingsFromCsv(CSV);
    expect(f.map((x) => [x.check, x.file, x.location])).toEqual([
      ['PRELOAD_JS_CHECK', 'src-main/app/window.ts', '14:6'],
      ['CSP_GLOBAL_CHECK', 'out/renderer/index.html', '5:0'],
      ['NODE_INTEGRATION_JS_CHECK', 'out/main/chunks/protocol-HASH.js', '3:1'],
    ]);
    expect(f[0]!.sample).toBe('preload: path.join(here, "..", "preload"),');
    expect(stableName('src-main\\app\\x-abcdefgh.ts')).toBe('src-main/app/x-abcdefgh.ts'); // hashes only in built output
  });

  it('refuses a CSV that is not the tool output, naming what is wrong', () => {
    expect(() => findingsFromCsv('')).toThrow(/empty/);
    expect(() => findingsFromCsv('id,file\nX,y\n')).toThrow(/no "issue" column/);
    expect(() => findingsFromCsv(`${CSV}BROKEN_CHECK,"LOW"\r\n`)).toThrow(/line 5 has 2 fields, the header has 8/);
    expect(() => parseCsv('a,"open')).toThrow(/inside a quoted field/);
  });
});

describe('the allowlist gate', () => {
  const findings = findingsFromCsv(CSV);
  const all = [
    entry('PRELOAD_JS_CHECK', 'src-main/app/window.ts'),
    entry('CSP_GLOBAL_CHECK', 'out/renderer/index.html'),
    entry('NODE_INTEGRATION_JS_CHECK', 'out/main/chunks/protocol-HASH.js'),
  ];

  it('passes when every finding is listed and every entry matches', () => {
    const r = applyAllowlist(findings, parseAllowlist({ entries: all }));
    expect(r).toMatchObject({ ok: true, unlisted: [], stale: [] });
    expect(r.allowed).toHaveLength(3);
  });

  it('fails on a finding nobody listed', () => {
    const r = applyAllowlist(findings, parseAllowlist({ entries: all.slice(0, 2) }));
    expect(r.ok).toBe(false);
    expect(r.unlisted.map((f) => f.check)).toEqual(['NODE_INTEGRATION_JS_CHECK']);
  });

  it('an entry for the same check in another file does not cover it', () => {
    const r = applyAllowlist(findings, parseAllowlist({ entries: [...all.slice(0, 2), entry('NODE_INTEGRATION_JS_CHECK', 'out/main/main.js')] }));
    expect(r.ok).toBe(false);
    expect(r.unlisted).toHaveLength(1);
    expect(r.stale.map((e) => e.file)).toEqual(['out/main/main.js']);
  });

  it('fails on a stale entry that matches no finding any more', () => {
    const r = applyAllowlist(findings, parseAllowlist({ entries: [...all, entry('AUXCLICK_JS_CHECK', 'src-main/app/pdf.ts')] }));
    expect(r.ok).toBe(false);
    expect(r.unlisted).toEqual([]);
    expect(r.stale).toEqual([entry('AUXCLICK_JS_CHECK', 'src-main/app/pdf.ts')]);
  });

  it('a file the tool could not parse is a finding too', () => {
    const unparsed = unparsedFindings([{ file: 'out/main/chunks/big-B9CLXC80.js', message: 'Unknown node type X' }]);
    const r = applyAllowlist([...findings, ...unparsed], parseAllowlist({ entries: all }));
    expect(r.unlisted.map((f) => [f.check, f.file])).toEqual([['UNPARSED_FILE', 'out/main/chunks/big-HASH.js']]);
  });

  it('refuses wildcards, blanket entries, missing or multi-line justifications and duplicates', () => {
    const bad: [unknown, RegExp][] = [
      [[], /"entries" array/],
      [{ entries: [entry('*', 'out/main/main.js')] }, /entries\[0\]\.check must be one Electronegativity check id/],
      [{ entries: [entry('PRELOAD_JS_CHECK', 'out/**')] }, /wildcard/],
      [{ entries: [entry('PRELOAD_JS_CHECK', '')] }, /entries\[0\]\.file/],
      [{ entries: [entry('PRELOAD_JS_CHECK', '/abs/main.js')] }, /relative/],
      [{ entries: [entry('PRELOAD_JS_CHECK', '../main.js')] }, /relative/],
      [{ entries: [{ check: 'PRELOAD_JS_CHECK', file: 'a.js' }] }, /justification/],
      [{ entries: [{ check: 'PRELOAD_JS_CHECK', file: 'a.js', justification: 'ok' }] }, /at least 20 characters/],
      [{ entries: [{ check: 'PRELOAD_JS_CHECK', file: 'a.js', justification: 'first line is long\nsecond line' }] }, /one line/],
      [{ entries: [{ ...entry('PRELOAD_JS_CHECK', 'a.js'), line: 3 }] }, /unknown field\(s\) line/],
      [{ entries: [entry('PRELOAD_JS_CHECK', 'a.js'), entry('PRELOAD_JS_CHECK', 'a.js')] }, /entries\[1\] repeats PRELOAD_JS_CHECK for a\.js/],
    ];
    for (const [json, message] of bad) expect(() => parseAllowlist(json, 'allow.json'), JSON.stringify(json)).toThrow(message);
  });

  it('the repository allowlist is well formed', () => {
    const file = path.resolve(__dirname, '../../security/electronegativity-allowlist.json');
    const entries = parseAllowlist(JSON.parse(fs.readFileSync(file, 'utf8')), file);
    expect(entries.length).toBeGreaterThan(0);
  });
});
