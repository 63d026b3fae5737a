// Pure helpers of the Electronegativity gate (scripts/electronegativity.mjs):
// read the tool's CSV, read the reviewed allowlist, and sort findings into
// allowed / new, with allowlist entries that no longer match reported as stale.
// No I/O here, so test/main/security proves the gate can fail.

export interface Finding {
  check: string;
  severity: string;
  confidence: string;
  /** Repository-relative, forward slashes, Vite hash replaced (see stableName). */
  file: string;
  location: string;
  sample: string;
  description: string;
}

export interface AllowEntry {
  check: string;
  file: string;
  justification: string;
}

export interface GateResult {
  allowed: { finding: Finding; entry: AllowEntry }[];
  unlisted: Finding[];
  stale: AllowEntry[];
  ok: boolean;
}

/** RFC 4180 CSV: quoted fields may hold commas, doubled quotes and line breaks. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (quoted) throw new Error('CSV ends inside a quoted field');
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows.filter((r) => !(r.length === 1 && r[0] === ''));
}

/**
 * Repository-relative name with forward slashes; in built output the Vite
 * content hash becomes HASH (out/renderer/assets/index-BvQdbwRA.js ->
 * index-HASH.js), so an allowlist entry survives a rebuild.
 */
export function stableName(file: string): string {
  const f = file.replaceAll('\\', '/');
  return f.startsWith('out/') ? f.replace(/-[A-Za-z0-9_-]{8}(\.[a-z]+)$/, '-HASH$1') : f;
}

/**
 * A file the tool could not parse was not checked at all: it becomes a
 * finding of this pseudo-check, allowed only by its own reviewed entry.
 */
export const UNPARSED = 'UNPARSED_FILE';

export function unparsedFindings(errors: readonly { file: string; message: string }[]): Finding[] {
  return errors.map((e) => ({
    check: UNPARSED, severity: 'HIGH', confidence: 'CERTAIN', file: stableName(e.file), location: '0:0', sample: '', description: e.message,
  }));
}

const COLUMNS = ['issue', 'severity', 'confidence', 'filename', 'location', 'sample', 'description', 'url'] as const;
type Column = (typeof COLUMNS)[number];

/** Findings from Electronegativity's CSV (header `issue, severity, …`); every row must have every column. */
export function findingsFromCsv(text: string): Finding[] {
  const [header, ...rows] = parseCsv(text);
  if (header === undefined) throw new Error('Electronegativity CSV is empty (no header line)');
  const names = header.map((h) => h.trim().toLowerCase());
  const at = {} as Record<Column, number>;
  for (const col of COLUMNS) {
    const i = names.indexOf(col);
    if (i < 0) throw new Error(`Electronegativity CSV has no "${col}" column (header: ${header.join(',')})`);
    at[col] = i;
  }
  return rows.map((r, n) => {
    if (r.length !== header.length) {
      throw new Error(`Electronegativity CSV line ${n + 2} has ${r.length} fields, the header has ${header.length}`);
    }
    const get = (col: Column): string => r[at[col]] ?? '';
    return {
      check: get('issue').trim(),
      severity: get('severity'),
      confidence: get('confidence'),
      file: stableName(get('filename')),
      location: get('location'),
      sample: get('sample'),
      description: get('description'),
    };
  });
}

const CHECK_ID = /^[A-Z][A-Z0-9_]*_CHECK$|^UNPARSED_FILE$/;
const FIELDS = ['check', 'file', 'justification'];

/**
 * The allowlist file: `{ "entries": [{ "check", "file", "justification" }] }`.
 * One entry allows one check in one file (any line: bundle lines move with
 * every build). No wildcards, no blanket entries, one reviewed line of why.
 */
export function parseAllowlist(json: unknown, source = 'allowlist'): AllowEntry[] {
  const fail = (msg: string): never => {
    throw new Error(`${source}: ${msg}`);
  };
  const entries = typeof json === 'object' && json !== null ? (json as { entries?: unknown }).entries : undefined;
  if (!Array.isArray(entries)) return fail('must be an object with an "entries" array');
  const seen = new Set<string>();
  return entries.map((e: unknown, i): AllowEntry => {
    const where = `entries[${i}]`;
    if (typeof e !== 'object' || e === null || Array.isArray(e)) return fail(`${where} must be an object`);
    const extra = Object.keys(e).filter((k) => !FIELDS.includes(k));
    if (extra.length > 0) fail(`${where} has unknown field(s) ${extra.join(', ')}`);
    const { check, file, justification } = e as Record<string, unknown>;
    if (typeof check !== 'string' || !CHECK_ID.test(check)) {
      return fail(`${where}.check must be one Electronegativity check id like PRELOAD_JS_CHECK, got ${JSON.stringify(check)}`);
    }
    if (typeof file !== 'string' || file === '') return fail(`${where}.file must be the relative path the finding names`);
    if (/[*?[\]{}]/.test(file)) fail(`${where}.file "${file}" contains a wildcard; name one file`);
    if (file !== 'N/A' && (file.startsWith('/') || /^[a-zA-Z]:/.test(file) || file.split(/[\\/]/).includes('..'))) {
      fail(`${where}.file "${file}" must be relative to the repository, without ".."`);
    }
    if (typeof justification !== 'string' || justification.trim().length < 20) {
      return fail(`${where}.justification must say why in at least 20 characters`);
    }
    if (/[\r\n]/.test(justification)) fail(`${where}.justification must be one line`);
    const key = `${check} ${file}`;
    if (seen.has(key)) fail(`${where} repeats ${check} for ${file}`);
    seen.add(key);
    return { check, file: file.replaceAll('\\', '/'), justification: justification.trim() };
  });
}

/** Sorts findings against the allowlist: allowed (with the entry), unlisted, and entries that matched nothing. */
export function applyAllowlist(findings: readonly Finding[], entries: readonly AllowEntry[]): GateResult {
  const used = new Map<AllowEntry, number>(entries.map((e) => [e, 0]));
  const allowed: GateResult['allowed'] = [];
  const unlisted: Finding[] = [];
  for (const f of findings) {
    const entry = entries.find((e) => e.check === f.check && e.file === f.file);
    if (entry === undefined) unlisted.push(f);
    else {
      used.set(entry, (used.get(entry) ?? 0) + 1);
      allowed.push({ finding: f, entry });
    }
  }
  const stale = entries.filter((e) => used.get(e) === 0);
  return { allowed, unlisted, stale, ok: unlisted.length === 0 && stale.length === 0 };
}
