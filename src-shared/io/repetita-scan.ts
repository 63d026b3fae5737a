/**
 * The REPETITA demand file's fast reader (io/repetita.ts): one scan of the
 * characters straight into columns. Splitting 99k lines and each line's
 * fields by regular expression took ~0.1 s of the command line's start on
 * Sprint, and 99k demand objects (then 99k more named by device id, then
 * 99k more by node index) another ~50 ms and their garbage, all on the
 * path before the sweep's workers could start.
 */

/** A demand file's rows as columns: router indices as written (up to 15 digits, so Float64 is exact), capacity in kbit/s. */
export interface RepetitaDemandColumns {
  src: Float64Array;
  dest: Float64Array;
  bwKbps: Float64Array;
  /** Each row's label, when asked for. */
  labels: string[] | null;
}

/**
 * Explicit demands between routers named by index (router i is the device
 * `r<i>`), volume in Gbit/s: how simulate hands a REPETITA matrix to the
 * sweep, which maps each router index to its node once, not per demand.
 */
export interface RouterDemands {
  routers: true;
  src: Float64Array;
  dest: Float64Array;
  volume: Float64Array;
}

export function isRouterDemands(t: unknown): t is RouterDemands {
  return typeof t === 'object' && t !== null && 'routers' in t;
}

const SPACE = 32;
const TAB = 9;
const CR = 13;
const LF = 10;

/**
 * The rows of a well-formed demand file. Anything it does not expect (a
 * field missing, a node that is not plain digits, a node out of range, a
 * character outside printable ASCII in a label) returns null, and the
 * line-by-line reader gives the answer or names the line and field.
 */
export function scanDemandColumns(text: string, nodeCount: number, withLabels: boolean): RepetitaDemandColumns | null {
  const rows = scanRows(text, nodeCount, withLabels ? 'labels' : 'columns');
  return rows === null ? null : { src: rows.src, dest: rows.dest, bwKbps: rows.bw, labels: rows.labels };
}

/**
 * The demands of a well-formed file as simulate hands them to the sweep
 * (repetitaDemandVolumes of scanDemandColumns, in the same scan): a router's
 * demand to itself and zero ones left out, volume bwKbps / 1e6 Gbit/s. Every
 * row is still read and checked; null where scanDemandColumns gives null.
 * One pass instead of two: the second ran once per command line start,
 * cold (~12–20 ms of the main thread before the sweep's workers get their job).
 */
export function scanDemandVolumes(text: string, nodeCount: number): RouterDemands | null {
  const rows = scanRows(text, nodeCount, 'volumes');
  if (rows === null) return null;
  return { routers: true, src: rows.src.slice(0, rows.kept), dest: rows.dest.slice(0, rows.kept), volume: rows.bw.slice(0, rows.kept) };
}

/**
 * The one scan behind both: `labels` and `columns` keep every row (bw in
 * kbit/s), `volumes` only the counted demands (s ≠ d, bw > 0), bw / 1e6.
 */
function scanRows(text: string, nodeCount: number, mode: 'labels' | 'columns' | 'volumes'): { src: Float64Array; dest: Float64Array; bw: Float64Array; labels: string[] | null; kept: number } | null {
  const len = text.length;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const head = /^\s*DEMANDS[ \t]+(\d+)[ \t]*\r?\n[^\n]*\n/.exec(text.slice(i, i + 4096));
  if (head === null) return null;
  const count = Number(head[1]);
  // A row takes at least 8 characters ("a 0 0 0\n"): a count beyond what the text could hold is the
  // line reader's to refuse (it names the line), and is not allocated.
  if (count > (len + 1) / 8) return null;
  i += head[0].length;
  const src = new Float64Array(count);
  const dest = new Float64Array(count);
  const bwOut = new Float64Array(count);
  const labels: string[] | null = mode === 'labels' ? [] : null;
  const volumes = mode === 'volumes';
  let kept = 0;
  // Fields: 0 label, 1 src, 2 dest, 3 bw. One loop, locals only (closures over `i` kept it off registers).
  for (let r = 0; r < count; r++) {
    let s = 0;
    let d = 0;
    let bw = 0;
    for (let f = 0; f < 4; f++) {
      let c = i < len ? text.charCodeAt(i) : LF;
      while (c === SPACE || c === TAB || c === CR) c = ++i < len ? text.charCodeAt(i) : LF;
      const a = i;
      let v = 0;
      let digits = true;
      while (c !== SPACE && c !== TAB && c !== CR && c !== LF) {
        if (c < 33 || c > 126) return null;
        const digit = c - 48;
        if (digit < 0 || digit > 9) {
          if (f === 1 || f === 2) return null;
          digits = false;
        } else v = v * 10 + digit;
        c = ++i < len ? text.charCodeAt(i) : LF;
      }
      if (i === a) return null; // a field missing
      if (f === 0) {
        if (labels !== null) labels.push(text.slice(a, i));
      } else if (f === 3) {
        // Plain digits (every Rocketfuel file) summed exactly as Number() reads them; anything else by Number().
        bw = digits && i - a <= 15 ? v : Number(text.slice(a, i));
        if (!Number.isFinite(bw) || bw < 0) return null;
      } else if (i - a > 15 || v >= nodeCount) return null;
      else if (f === 1) s = v;
      else d = v;
    }
    // Fields beyond the fourth are ignored, as the line reader does.
    while (i < len && text.charCodeAt(i) !== LF) i++;
    i++;
    if (!volumes) {
      src[r] = s;
      dest[r] = d;
      bwOut[r] = bw;
    } else if (s !== d && bw > 0) {
      // As repetitaDemandVolumes: the demand counted, its volume in Gbit/s.
      src[kept] = s;
      dest[kept] = d;
      bwOut[kept++] = bw / 1e6;
    }
  }
  return { src, dest, bw: bwOut, labels, kept: volumes ? kept : count };
}
