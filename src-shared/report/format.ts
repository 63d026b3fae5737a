/**
 * Number and date formatting for a printed report: fixed locale (en-US
 * grouping) and UTC times, so the same project gives the same pages on any
 * machine. Non-finite numbers print as an en dash, never as "NaN".
 */
const DASH = '–';

const group = (x: number, digits = 0): string =>
  x.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

export function usd(x: number | null | undefined): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return DASH;
  return `$${group(Math.round(x))}`;
}

/** $1.18M, $640k: for ranges and intervals where full figures crowd a cell. */
export function usdShort(x: number | null | undefined): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return DASH;
  if (Math.abs(x) >= 1e9) return `$${(x / 1e9).toFixed(2)}B`;
  if (Math.abs(x) >= 1e6) return `$${(x / 1e6).toFixed(2)}M`;
  if (Math.abs(x) >= 1e3) return `$${(x / 1e3).toFixed(0)}k`;
  return `$${x.toFixed(0)}`;
}

export function num(x: number | null | undefined, digits = 0): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return DASH;
  return group(x, digits);
}

/** A ratio 0..1 (or above) as a percentage. */
export function pct(x: number | null | undefined, digits = 0): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return DASH;
  return `${(100 * x).toFixed(digits)} %`;
}

/**
 * Availability as a percentage with enough nines to tell designs apart:
 * four decimals, more when the figure is 99.9999 % or better.
 */
export function availability(x: number | null | undefined): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return DASH;
  if (x >= 1) return '100 %';
  const digits = x >= 0.999999 ? 6 : 4;
  const text = (100 * x).toFixed(digits);
  // Never round a figure below 100 % up to 100: that would certify no downtime at all.
  return text.startsWith('100') ? `> 99.${'9'.repeat(digits)} %` : `${text} %`;
}

export function minutes(x: number | null | undefined): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return DASH;
  if (x > 0 && x < 0.01) return '< 0.01 min';
  return x >= 100 ? `${group(x)} min` : `${x.toFixed(x >= 10 ? 1 : 2)} min`;
}

export function ms(x: number | null | undefined): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return DASH;
  return `${x.toFixed(x >= 100 ? 0 : 1)} ms`;
}

/** 2026-11-24 02:13 UTC */
export function dateTime(epochMs: number | null | undefined): string {
  if (epochMs === null || epochMs === undefined || !Number.isFinite(epochMs)) return DASH;
  const iso = new Date(epochMs).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

export function date(epochMs: number | null | undefined): string {
  if (epochMs === null || epochMs === undefined || !Number.isFinite(epochMs)) return DASH;
  return new Date(epochMs).toISOString().slice(0, 10);
}

/** "3 links" / "1 link". */
export const plural = (n: number, word: string, many = `${word}s`): string => `${group(n)} ${n === 1 ? word : many}`;

/**
 * Stranded demand as a board reads it: a volume and its share of the total,
 * labelled — "2.4 Gbit/s of 48.0 Gbit/s demand (5.0 %)". `unitGbps` is the
 * Gbit/s per traffic unit of the sweep (1 for the planning model's traffic);
 * without it the figure is in the sweep's traffic units.
 */
export function stranded(volume: number | null | undefined, total: number | null | undefined, unitGbps?: number): string {
  if (volume === null || volume === undefined || !Number.isFinite(volume)) return DASH;
  const share = total !== null && total !== undefined && total > 0 ? ` (${(100 * volume / total).toFixed(1)} %)` : '';
  if (unitGbps === undefined) return `${group(volume, volume < 10 ? 1 : 0)} of ${num(total)} traffic units${share}`;
  return `${gbps(volume * unitGbps)} of ${gbps((total ?? 0) * unitGbps)} demand${share}`;
}

/** A traffic volume in Gbit/s (Mbit/s below 1 Gbit/s). */
export function gbps(x: number | null | undefined): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return DASH;
  if (x === 0) return '0 Gbit/s';
  if (x < 1) return `${group(x * 1000, x < 0.01 ? 1 : 0)} Mbit/s`;
  return `${group(x, x >= 100 ? 0 : 1)} Gbit/s`;
}
