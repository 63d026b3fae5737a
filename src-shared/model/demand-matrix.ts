/**
 * An explicit demand matrix typed or pasted by a planner, for the intent's
 * `traffic.demands` (model/planning.ts). Units: Gbit/s at the busy hour,
 * before the intent's growth headroom (applied once, by the traffic model);
 * a CSV whose header names `mbps` is read as Mbit/s and converted (said so).
 *
 * Accepted forms:
 * - CSV rows `from,to,gbps[,both]` (header optional; `both` yes/no, default
 *   yes: the same volume flows back);
 * - CSV site×site matrix: a header row whose first cell is empty or
 *   `from\to`, then one row per source site; cell = Gbit/s from the row's
 *   site to the column's (directed; empty or 0 = none);
 * - JSON: an array of `{ "from", "to", "gbps", "both"? }`, or an object
 *   `{ "from site": { "to site": gbps } }` (directed).
 * Every problem names its line (CSV) or item (JSON) and field.
 */
export interface ParsedDemand {
  from: string;
  to: string;
  gbps: number;
  both: boolean;
}

export type DemandMatrixResult =
  | { ok: true; demands: ParsedDemand[]; form: 'csv rows' | 'csv matrix' | 'json list' | 'json matrix' | 'empty'; notes: string[] }
  | { ok: false; problems: string[] };

const MAX_PROBLEMS = 20;

export function parseDemandMatrix(text: string): DemandMatrixResult {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: true, demands: [], form: 'empty', notes: [] };
  return trimmed.startsWith('[') || trimmed.startsWith('{') ? parseJson(trimmed) : parseCsv(text);
}

function finish(demands: ParsedDemand[], problems: string[], form: Exclude<DemandMatrixResult, { ok: false }>['form'], notes: string[]): DemandMatrixResult {
  if (problems.length > 0) {
    const shown = problems.slice(0, MAX_PROBLEMS);
    if (problems.length > MAX_PROBLEMS) shown.push(`… and ${problems.length - MAX_PROBLEMS} more problems`);
    return { ok: false, problems: shown };
  }
  const seen = new Map<string, number>();
  const dupes: string[] = [];
  demands.forEach((d, i) => {
    const key = `${d.from}\u0000${d.to}`;
    if (seen.has(key)) dupes.push(`${d.from} → ${d.to} appears twice (entries ${seen.get(key)! + 1} and ${i + 1}); the volumes are added`);
    else seen.set(key, i);
  });
  return { ok: true, demands, form, notes: [...notes, ...dupes.slice(0, 5)] };
}

/** A volume: a finite non-negative number (decimal point, optional thousands commas are not accepted in CSV cells). */
function volume(raw: string): number | string {
  const s = raw.trim();
  if (s === '') return 'is empty';
  const v = Number(s);
  if (!Number.isFinite(v)) return `"${s}" is not a number`;
  if (v < 0) return `${s} is negative`;
  return v;
}

function splitCsvLine(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cur += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',' || ch === ';' || ch === '\t') {
      out.push(cur.trim());
      cur = '';
    } else cur += ch;
  }
  out.push(cur.trim());
  return out;
}

function parseCsv(text: string): DemandMatrixResult {
  const lines = text
    .split(/\r?\n/)
    .map((raw, i) => ({ no: i + 1, cells: splitCsvLine(raw) }))
    .filter((l) => !(l.cells.length === 1 && l.cells[0] === '') && !l.cells[0]!.startsWith('#'));
  const first = lines[0]!;
  const isMatrix = first.cells.length >= 2 && (first.cells[0] === '' || /^from\s*[\\/]\s*to$/i.test(first.cells[0]!));
  return isMatrix ? csvMatrix(lines) : csvRows(lines);
}

function csvRows(lines: { no: number; cells: string[] }[]): DemandMatrixResult {
  const problems: string[] = [];
  const demands: ParsedDemand[] = [];
  const notes: string[] = [];
  let scale = 1;
  let body = lines;
  const head = lines[0]!.cells.map((c) => c.toLowerCase());
  if (head[0] === 'from' && head[1] === 'to') {
    if (head[2] === 'mbps') {
      scale = 0.001;
      notes.push('volumes read as Mbit/s (header "mbps") and converted to Gbit/s');
    } else if (head[2] !== 'gbps') problems.push(`line ${lines[0]!.no}, field 3: the header must name the unit, "gbps" or "mbps" (found "${lines[0]!.cells[2] ?? ''}")`);
    body = lines.slice(1);
  }
  for (const { no, cells } of body) {
    if (cells.length < 3 || cells.length > 4) {
      problems.push(`line ${no}: expected from,to,gbps[,both], found ${cells.length} field${cells.length === 1 ? '' : 's'}`);
      continue;
    }
    const [from, to, gbps, both] = cells as [string, string, string, string | undefined];
    if (from === '') problems.push(`line ${no}, field from: empty site name`);
    if (to === '') problems.push(`line ${no}, field to: empty site name`);
    if (from !== '' && from === to) problems.push(`line ${no}: from and to are the same site "${from}"`);
    const v = volume(gbps);
    if (typeof v === 'string') problems.push(`line ${no}, field gbps: ${v}`);
    let back = true;
    if (both !== undefined && both !== '') {
      const b = both.toLowerCase();
      if (['yes', 'y', 'true', '1', 'both'].includes(b)) back = true;
      else if (['no', 'n', 'false', '0', 'one-way'].includes(b)) back = false;
      else problems.push(`line ${no}, field both: "${both}" is not yes or no`);
    }
    if (typeof v === 'number' && from !== '' && to !== '' && from !== to) demands.push({ from, to, gbps: v * scale, both: back });
  }
  return finish(demands, problems, 'csv rows', notes);
}

function csvMatrix(lines: { no: number; cells: string[] }[]): DemandMatrixResult {
  const problems: string[] = [];
  const demands: ParsedDemand[] = [];
  const cols = lines[0]!.cells.slice(1);
  cols.forEach((c, j) => {
    if (c === '') problems.push(`line ${lines[0]!.no}, column ${j + 2}: empty site name in the header`);
  });
  for (const { no, cells } of lines.slice(1)) {
    const from = cells[0]!;
    if (from === '') {
      problems.push(`line ${no}, column 1: empty site name`);
      continue;
    }
    if (cells.length - 1 > cols.length) problems.push(`line ${no}: ${cells.length - 1} values for ${cols.length} columns`);
    for (let j = 1; j < cells.length && j - 1 < cols.length; j++) {
      const to = cols[j - 1]!;
      const raw = cells[j]!;
      if (raw === '') continue;
      const v = volume(raw);
      if (typeof v === 'string') {
        problems.push(`line ${no}, column ${j + 1} (${from} → ${to}): ${v}`);
        continue;
      }
      if (v === 0) continue;
      if (to === from) {
        problems.push(`line ${no}, column ${j + 1}: ${from} → itself must be empty or 0`);
        continue;
      }
      demands.push({ from, to, gbps: v, both: false });
    }
  }
  return finish(demands, problems, 'csv matrix', []);
}

function parseJson(text: string): DemandMatrixResult {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    return { ok: false, problems: [`not valid JSON: ${(err as Error).message}`] };
  }
  const problems: string[] = [];
  const demands: ParsedDemand[] = [];
  if (Array.isArray(data)) {
    data.forEach((item, i) => {
      const at = `item ${i + 1}`;
      if (typeof item !== 'object' || item === null || Array.isArray(item)) {
        problems.push(`${at}: expected an object { "from", "to", "gbps" }`);
        return;
      }
      const o = item as Record<string, unknown>;
      for (const k of Object.keys(o)) if (!['from', 'to', 'gbps', 'both'].includes(k)) problems.push(`${at}, field ${k}: unknown field (expected from, to, gbps, both)`);
      const from = typeof o['from'] === 'string' ? o['from'].trim() : '';
      const to = typeof o['to'] === 'string' ? o['to'].trim() : '';
      if (from === '') problems.push(`${at}, field from: expected a site name`);
      if (to === '') problems.push(`${at}, field to: expected a site name`);
      if (from !== '' && from === to) problems.push(`${at}: from and to are the same site "${from}"`);
      const g = o['gbps'];
      const ok = typeof g === 'number' && Number.isFinite(g) && g >= 0;
      if (!ok) problems.push(`${at}, field gbps: expected a non-negative number of Gbit/s`);
      const both = o['both'];
      if (both !== undefined && typeof both !== 'boolean') problems.push(`${at}, field both: expected true or false`);
      if (ok && from !== '' && to !== '' && from !== to) demands.push({ from, to, gbps: g, both: both !== false });
    });
    return finish(demands, problems, 'json list', []);
  }
  if (typeof data === 'object' && data !== null) {
    for (const [from, row] of Object.entries(data as Record<string, unknown>)) {
      if (typeof row !== 'object' || row === null || Array.isArray(row)) {
        problems.push(`"${from}": expected an object of destination site → Gbit/s`);
        continue;
      }
      for (const [to, g] of Object.entries(row as Record<string, unknown>)) {
        if (typeof g !== 'number' || !Number.isFinite(g) || g < 0) problems.push(`"${from}" → "${to}": expected a non-negative number of Gbit/s`);
        else if (from === to) {
          if (g !== 0) problems.push(`"${from}" → itself: must be 0`);
        } else if (g > 0) demands.push({ from: from.trim(), to: to.trim(), gbps: g, both: false });
      }
    }
    return finish(demands, problems, 'json matrix', []);
  }
  return { ok: false, problems: ['expected a JSON array of demands or an object of site → site → Gbit/s'] };
}

/** Stored demands as CSV rows, which parseDemandMatrix reads back to the same list (the wizard reopening an intent). */
export function demandsToCsv(demands: readonly { from: string; to: string; gbps: number; both?: boolean }[]): string {
  const q = (x: string): string => (/[",;\t]/.test(x) || x !== x.trim() ? `"${x.replace(/"/g, '""')}"` : x);
  return ['from,to,gbps,both', ...demands.map((d) => `${q(d.from)},${q(d.to)},${d.gbps},${d.both === false ? 'no' : 'yes'}`)].join('\n');
}
