import { parseCsv } from '../io/csv';

/**
 * Measured interface traffic as SNMP pollers and Prometheus exporters give
 * it: one rate per interface and direction over time. Two readers:
 *
 * - CSV with a header naming `time`, `device`, `interface` or `link` (or
 *   `device` + `peer`), `in_bps`, `out_bps` (common aliases accepted, see
 *   COLUMN_ALIASES). `time` is ISO 8601 or Unix seconds (milliseconds when
 *   above 10¹¹). Rates are bit/s.
 * - A Prometheus range-query answer (`/api/v1/query_range`, resultType
 *   "matrix"): each series names its device (`device`, `instance`, `host`),
 *   its interface (`ifName`, `interface`, `ifDescr`, `ifAlias`) or `link`, and
 *   its direction (`direction` label, else `__name__` containing In/Out, as
 *   ifHCInOctets / node_network_receive). Rates are bit/s unless the caller
 *   says bytes/s (rate(ifHCInOctets[5m]) is bytes/s: multiply by 8).
 *
 * Direction: `out` is traffic the named device sends into the interface,
 * `in` what it receives. A row naming only a link reads `out` as the link's
 * source→target direction. Every error names the file, line (or series) and
 * field.
 */
export interface CounterSample {
  /** Unix seconds. */
  time: number;
  device?: string | undefined;
  iface?: string | undefined;
  link?: string | undefined;
  peer?: string | undefined;
  /** bit/s; NaN when this direction was not in the input. */
  inBps: number;
  outBps: number;
  /** "traffic.csv:12" or "export.json series 3". */
  where: string;
}

export class CounterError extends Error {
  constructor(
    readonly file: string,
    readonly at: string,
    readonly field: string,
    problem: string,
  ) {
    super(`${file}${at ? ` ${at}` : ''}${field ? `, ${field}` : ''}: ${problem}`);
    this.name = 'CounterError';
  }
}

const COLUMN_ALIASES: Record<string, readonly string[]> = {
  time: ['time', 'timestamp', 'ts', 'datetime', 'date'],
  device: ['device', 'host', 'hostname', 'router', 'node', 'instance'],
  iface: ['interface', 'ifname', 'if_name', 'ifdescr', 'port'],
  link: ['link', 'link_id', 'circuit'],
  peer: ['peer', 'remote_device', 'neighbor', 'neighbour'],
  in: ['in_bps', 'in', 'rx_bps', 'inbps', 'in_bits'],
  out: ['out_bps', 'out', 'tx_bps', 'outbps', 'out_bits'],
};

/** Largest input read (both formats): ample for a year of 5-minute samples on a few hundred interfaces. */
export const COUNTERS_MAX_BYTES = 256 * 1024 * 1024;

function parseTime(raw: string, file: string, at: string, field: string): number {
  const text = raw.trim();
  if (/^-?\d+(\.\d+)?$/.test(text)) {
    const v = Number(text);
    return v > 1e11 ? v / 1000 : v;
  }
  const ms = Date.parse(text);
  if (Number.isNaN(ms)) throw new CounterError(file, at, field, `"${raw}" is not a time (ISO 8601 or Unix seconds)`);
  return ms / 1000;
}

function parseRate(raw: string, file: string, at: string, field: string): number {
  const text = raw.trim();
  if (text === '' || /^(nan|null|-)$/i.test(text)) return Number.NaN;
  const v = Number(text);
  if (!Number.isFinite(v) || v < 0) throw new CounterError(file, at, field, `"${raw}" is not a rate (a non-negative number of bit/s)`);
  return v;
}

/** Reads the CSV form. */
export function parseCounterCsv(text: string, file = 'counters.csv'): CounterSample[] {
  if (text.length > COUNTERS_MAX_BYTES) throw new CounterError(file, '', '', `larger than ${COUNTERS_MAX_BYTES / 1024 / 1024} MiB`);
  const rows = parseCsv(text, file);
  if (rows.length === 0) throw new CounterError(file, '', '', 'empty file');
  const header = rows[0]!.cells.map((h) => h.trim().toLowerCase());
  const col = (key: string): number => header.findIndex((h) => COLUMN_ALIASES[key]!.includes(h));
  const at = { time: col('time'), device: col('device'), iface: col('iface'), link: col('link'), peer: col('peer'), in: col('in'), out: col('out') };
  const need = (ok: boolean, what: string): void => {
    if (!ok) throw new CounterError(file, `line ${rows[0]!.line}`, 'header', `${what} (header: ${rows[0]!.cells.join(', ')})`);
  };
  need(at.time >= 0, 'no time column (time, timestamp)');
  need(at.in >= 0 || at.out >= 0, 'no rate column (in_bps, out_bps)');
  need(at.link >= 0 || at.device >= 0, 'no device or link column');
  need(at.link >= 0 || at.iface >= 0 || at.peer >= 0, 'a device needs an interface or peer column to name its link');
  const out: CounterSample[] = [];
  for (let i = 1; i < rows.length; i++) {
    const r = rows[i]!.cells;
    const line = rows[i]!.line;
    const where = `line ${line}`;
    const cell = (c: number): string | undefined => (c >= 0 && r[c] !== undefined && r[c].trim() !== '' ? r[c].trim() : undefined);
    const time = parseTime(r[at.time] ?? '', file, where, header[at.time]!);
    const s: CounterSample = {
      time,
      device: cell(at.device),
      iface: cell(at.iface),
      link: cell(at.link),
      peer: cell(at.peer),
      inBps: at.in >= 0 ? parseRate(r[at.in] ?? '', file, where, header[at.in]!) : Number.NaN,
      outBps: at.out >= 0 ? parseRate(r[at.out] ?? '', file, where, header[at.out]!) : Number.NaN,
      where: `${file}:${line}`,
    };
    if (s.link === undefined && s.device === undefined) throw new CounterError(file, where, 'device', 'neither a device nor a link is named');
    out.push(s);
  }
  return out;
}

const label = (m: Record<string, unknown>, keys: readonly string[]): string | undefined => {
  for (const k of keys) {
    const v = m[k];
    if (typeof v === 'string' && v !== '') return v;
  }
  return undefined;
};

/** Reads a Prometheus range-query answer. `unit` says what the values are. */
export function parsePrometheusRange(text: string, file = 'prometheus.json', unit: 'bps' | 'Bps' = 'bps'): CounterSample[] {
  if (text.length > COUNTERS_MAX_BYTES) throw new CounterError(file, '', '', `larger than ${COUNTERS_MAX_BYTES / 1024 / 1024} MiB`);
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    throw new CounterError(file, '', '', `not JSON (${(e as Error).message})`);
  }
  const d = doc as { status?: unknown; data?: { resultType?: unknown; result?: unknown } };
  if (d.status !== 'success') throw new CounterError(file, '', 'status', `is ${JSON.stringify(d.status)}, expected "success"`);
  if (d.data?.resultType !== 'matrix') throw new CounterError(file, '', 'data.resultType', `is ${JSON.stringify(d.data?.resultType)}, expected "matrix" (a range query)`);
  if (!Array.isArray(d.data.result)) throw new CounterError(file, '', 'data.result', 'is not a list');
  const factor = unit === 'Bps' ? 8 : 1;
  const merged = new Map<string, CounterSample>();
  d.data.result.forEach((series: unknown, i) => {
    const at = `series ${i + 1}`;
    const s = series as { metric?: unknown; values?: unknown };
    if (typeof s.metric !== 'object' || s.metric === null) throw new CounterError(file, at, 'metric', 'missing');
    if (!Array.isArray(s.values)) throw new CounterError(file, at, 'values', 'missing or not a list');
    const m = s.metric as Record<string, unknown>;
    const device = label(m, ['device', 'instance', 'host', 'hostname']);
    const iface = label(m, ['ifName', 'interface', 'ifDescr', 'ifAlias', 'port']);
    const link = label(m, ['link', 'link_id', 'circuit']);
    const peer = label(m, ['peer', 'neighbor', 'neighbour']);
    if (link === undefined && (device === undefined || (iface === undefined && peer === undefined))) {
      throw new CounterError(file, at, 'metric', `names no link and no device with interface (labels: ${Object.keys(m).join(', ') || 'none'})`);
    }
    const dirLabel = label(m, ['direction', 'dir']);
    const name = label(m, ['__name__']) ?? '';
    let dir: 'in' | 'out' | undefined;
    if (dirLabel !== undefined) dir = /^(in|rx|receive)/i.test(dirLabel) ? 'in' : /^(out|tx|transmit)/i.test(dirLabel) ? 'out' : undefined;
    else if (/(In(Octets|Bits)|_in_|receive|_rx_)/i.test(name)) dir = 'in';
    else if (/(Out(Octets|Bits)|_out_|transmit|_tx_)/i.test(name)) dir = 'out';
    if (dir === undefined) {
      throw new CounterError(file, at, 'metric', 'cannot tell in from out: add a label direction="in"|"out" (a rate() query drops __name__)');
    }
    (s.values as unknown[]).forEach((pair, j) => {
      const where = `${at} value ${j + 1}`;
      if (!Array.isArray(pair) || pair.length !== 2) throw new CounterError(file, where, 'values', 'expected [timestamp, "value"]');
      const time = Number(pair[0]);
      if (!Number.isFinite(time)) throw new CounterError(file, where, 'timestamp', `${JSON.stringify(pair[0])} is not a number`);
      const v = parseRate(String(pair[1]), file, where, 'value') * factor;
      const key = `${time}\u0000${device ?? ''}\u0000${iface ?? ''}\u0000${link ?? ''}\u0000${peer ?? ''}`;
      let sample = merged.get(key);
      if (sample === undefined) {
        sample = { time, device, iface, link, peer, inBps: Number.NaN, outBps: Number.NaN, where: `${file} ${at}` };
        merged.set(key, sample);
      }
      if (dir === 'in') sample.inBps = v;
      else sample.outBps = v;
    });
  });
  return [...merged.values()];
}
