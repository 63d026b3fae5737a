/**
 * HTML escaping for every string that comes from a project (names, intent
 * text, audit details, reasons). Escapes the five characters that matter in
 * text and in quoted attribute values, so the same function is safe in both.
 */
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function esc(value: string | number | null | undefined): string {
  const text = typeof value === 'string' ? value : value === null || value === undefined ? '' : String(value);
  // Lone surrogates and C0 controls (other than tab and newline) print as boxes or break PDF text extraction.
  return text
    // eslint-disable-next-line no-control-regex -- matching control characters is the point here
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '\ufffd')
    .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd')
    .replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

/** A compact one-line JSON rendering of an unknown detail value, cut to `max` characters. */
export function shortJson(value: unknown, max = 160): string {
  if (value === null || value === undefined) return '';
  let text: string;
  try {
    text = typeof value === 'string' ? value : (JSON.stringify(value) ?? '');
  } catch {
    // A cycle or a BigInt: say so rather than print "[object Object]".
    text = '(detail not printable)';
  }
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/**
 * An audit detail as a reader would write it: "family: hub-spoke; seed: 1"
 * for a flat object, nested values as compact JSON; cut to `max` characters.
 */
export function detailText(value: unknown, max = 160): string {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return shortJson(value, max);
  const parts = Object.entries(value as Record<string, unknown>).map(([k, v]) => {
    const text =
      typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : v === null || v === undefined ? '–' : shortJson(v, max);
    return `${k}: ${text}`;
  });
  const text = parts.join('; ');
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
