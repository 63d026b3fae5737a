/**
 * Numbers as people type them into a form: "30,000,000", "30 000 000",
 * "30M", "1.5k", "2bn", "$30M", "12.5 %". One reader for every field that
 * takes an amount, so a budget typed the way a finance officer writes it is
 * not refused. Separators are commas, spaces, thin spaces or apostrophes
 * (Swiss "1'000'000") between groups of three digits; the decimal point is
 * ".". A comma followed by other than three digits is refused rather than
 * guessed (is "1,5" one and a half or fifteen?).
 */

const SUFFIX: Record<string, number> = { k: 1e3, m: 1e6, mm: 1e6, mn: 1e6, b: 1e9, bn: 1e9, g: 1e9 };

export type AmountRead = { ok: true; value: number } | { ok: false; reason: string };

export function parseAmount(raw: string): AmountRead {
  let s = raw.trim().replace(/^[$€£]\s*/, '').replace(/\s*(%|usd|eur|gbp)$/i, '').trim();
  if (!/\d/.test(s)) return { ok: false, reason: 'enter a number' };
  let factor = 1;
  const suffix = /([a-z]+)$/i.exec(s);
  if (suffix) {
    const f = SUFFIX[suffix[1]!.toLowerCase()];
    if (f === undefined) return { ok: false, reason: `"${suffix[1]}" is not a multiplier (use k, M or bn)` };
    factor = f;
    s = s.slice(0, -suffix[1]!.length).trim();
  }
  const sign = s.startsWith('-') ? -1 : 1;
  if (s.startsWith('-') || s.startsWith('+')) s = s.slice(1);
  const grouped = /^\d{1,3}(?:[,\u00a0\u2009\u202f' ]\d{3})+(?:\.\d+)?$/;
  if (grouped.test(s)) s = s.replace(/[,\u00a0\u2009\u202f' ]/g, '');
  else if (/[,\u00a0\u2009\u202f' ]/.test(s)) {
    return { ok: false, reason: 'separate thousands in groups of three ("30,000,000") and use "." for decimals' };
  }
  if (!/^(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(s)) return { ok: false, reason: 'enter a number, e.g. 30000000, 30,000,000 or 30M' };
  const value = sign * Number(s) * factor;
  if (!Number.isFinite(value)) return { ok: false, reason: 'too large' };
  // 1.1M is 1,100,000, not 1,100,000.0000000002.
  return { ok: true, value: factor === 1 ? value : Number(value.toPrecision(15)) };
}
