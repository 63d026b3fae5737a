import { parse, stringify } from 'yaml';

/**
 * Block-style YAML for plain data (objects, arrays, strings, finite and
 * non-finite numbers, booleans, null), written line by line.
 *
 * Why not `yaml.stringify`: it builds a document tree of a node object per
 * value and then walks it, ~4 µs a scalar; a 50,000-device containerlab or
 * Ansible export holds ~2 million scalars, so 7–10 s on the host's thread
 * (docs/limits.md). This writes the same layout as `stringify(value,
 * { lineWidth: 0, aliasDuplicateObjects: false })` (indent 2, sequences
 * indented under their key, `{}`/`[]` for empty collections, `null`) in one
 * pass, O(total size).
 *
 * Strings: those that are plain in any context (a letter first, then
 * letters, digits, spaces between words and `_ . / ( ) + & , @ = : -`, no
 * colon before a space or at the end, not a YAML 1.1 or 1.2 keyword) are written as they are; digit strings double-quoted; any
 * other single-line string is written as `yaml` writes it alone (cached, so
 * repeated values cost once) unless a YAML 1.1 reader would read that back as
 * something else, then double-quoted; a multi-line string is double-quoted with
 * escapes. So the text parses back to the same value under YAML 1.2 and under
 * YAML 1.1 (PyYAML, so Ansible) — tested with random Unicode strings and keys
 * in test/shared/huge/yaml-emit.test.ts and test/shared/io/yaml11.test.ts.
 * `undefined` map entries are left out, as `stringify` does.
 */
export function emitYaml(value: unknown): string {
  const w: Writer = { chunks: [], lines: [], scalars: new Map() };
  if (isCollection(value) && !isEmpty(value)) block(value, '', '', w);
  else line(w, scalar(value, w.scalars, false));
  w.lines.push('');
  w.chunks.push(w.lines.join('\n'));
  return w.chunks.join('');
}

type Collection = readonly unknown[] | Record<string, unknown>;

/** Text joined every 2,048 lines: millions of live line strings would keep the collector busy. */
interface Writer {
  chunks: string[];
  lines: string[];
  scalars: Map<string, string>;
}

function line(w: Writer, text: string): void {
  w.lines.push(text);
  if (w.lines.length === 2048) {
    w.lines.push('');
    w.chunks.push(w.lines.join('\n'));
    w.lines = [];
  }
}

const isCollection = (v: unknown): v is Collection => typeof v === 'object' && v !== null;
const isEmpty = (v: Collection): boolean => (Array.isArray(v) ? v.length === 0 : Object.keys(v).length === 0);

/** YAML's implicit keys are limited to 1024 characters; longer keys take the explicit `? key` form. */
const IMPLICIT_KEY_MAX = 1000;

/** Writes a non-empty collection at `indent`; its first line starts with `first` instead (a sequence item's "- "). */
function block(v: Collection, indent: string, first: string, w: Writer): void {
  const inner = `${indent}  `;
  let lead = first;
  if (Array.isArray(v)) {
    for (const item of v as readonly unknown[]) {
      if (isCollection(item) && !isEmpty(item)) block(item, inner, `${lead}- `, w);
      else line(w, `${lead}- ${scalar(item, w.scalars, false)}`);
      lead = indent;
    }
    return;
  }
  for (const key of Object.keys(v)) {
    const item = (v as Record<string, unknown>)[key];
    if (item === undefined) continue;
    const k = scalar(key, w.scalars, true);
    const nested = isCollection(item) && !isEmpty(item);
    if (key.length > IMPLICIT_KEY_MAX) {
      line(w, `${lead}? ${k}`);
      if (nested) {
        line(w, `${indent}:`);
        block(item, inner, inner, w);
      } else line(w, `${indent}: ${scalar(item, w.scalars, false)}`);
    } else if (nested) {
      line(w, `${lead}${k}:`);
      block(item, inner, inner, w);
    } else {
      line(w, `${lead}${k}: ${scalar(item, w.scalars, false)}`);
    }
    lead = indent;
  }
}

const PLAIN = /^[A-Za-z_][\w./()+&,@=:-]*(?: [\w./()+&,@=:-]+)*$/;
/** A colon before a space or at the end would start a mapping. */
const COLON_END = /:(?: |$)/;
/**
 * Words YAML reads as something other than a string. YAML 1.2's null and
 * booleans, plus YAML 1.1's (what PyYAML, so Ansible, reads): `yes`/`no`,
 * `on`/`off`, `y`/`n` — a host named `NO` (Norway) would otherwise be False.
 */
const KEYWORD = /^(?:null|Null|NULL|true|True|TRUE|false|False|FALSE|y|Y|yes|Yes|YES|n|N|no|No|NO|on|On|ON|off|Off|OFF)$/;
const DIGITS = /^[0-9]+$/;

function scalar(v: unknown, scalars: Map<string, string>, key: boolean): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'number') {
    if (Number.isNaN(v)) return '.nan';
    if (!Number.isFinite(v)) return v < 0 ? '-.inf' : '.inf';
    return Object.is(v, -0) ? '-0' : JSON.stringify(v);
  }
  if (Array.isArray(v)) return '[]';
  if (typeof v === 'object') return '{}';
  if (typeof v !== 'string') throw new TypeError(`emitYaml: cannot write a ${typeof v} value`);
  if (PLAIN.test(v) && !COLON_END.test(v) && !KEYWORD.test(v) && (!key || v.length <= IMPLICIT_KEY_MAX)) return v;
  if (DIGITS.test(v)) return `"${v}"`;
  let s = scalars.get(v);
  if (s === undefined) {
    const alone = v.includes('\n') || v.includes('\r') ? '' : stringify(v, { lineWidth: 0 }).slice(0, -1);
    // `yaml` writes for YAML 1.2; a plain scalar such as `1_000`, `1:20`,
    // `0b101` or `2001-12-14` is a number or date to a YAML 1.1 reader.
    // A leading U+FEFF would be read as a byte order mark and dropped.
    s = alone === '' || alone.includes('\n') || v.startsWith('\ufeff') || !readsBackIn11(alone, v) ? doubleQuoted(v) : alone;
    scalars.set(v, s);
  }
  return s;
}

/** PyYAML reads a plain `=` as its "value" type and `<<` as a merge key, and refuses or merges them. */
const PYYAML_SPECIAL = /^(?:=|<<)$/;

function readsBackIn11(text: string, v: string): boolean {
  if (PYYAML_SPECIAL.test(text)) return false;
  try {
    return parse(text, { version: '1.1' }) === v;
  } catch {
    return false;
  }
}

/**
 * A YAML double-quoted scalar: JSON's escapes (a subset of YAML's) plus
 * `\u` for the characters YAML does not allow unescaped (C1 controls, DEL,
 * U+FFFE/U+FFFF).
 */
function doubleQuoted(v: string): string {
  return JSON.stringify(v).replace(/[\u007f-\u0084\u0086-\u009f\ufeff\ufffe\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
