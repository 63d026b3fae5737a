import fc from 'fast-check';

/**
 * Hostile values for the IPC fuzz: strings, numbers and objects chosen to
 * break parsers, SQL, file paths and prototype chains, and "plans" that
 * mutate a valid payload (the plan is data, applied to the payload built
 * from the project's state at the moment of the call).
 */

export const LONG = 'x'.repeat(10_000);

/** Strings that have broken real systems: quotes, SQL, traversal, NUL, bidi, lone surrogates, size. */
export const HOSTILE_STRINGS: readonly string[] = [
  '',
  ' ',
  "'",
  '"',
  "'); DROP TABLE topology_records;--",
  "Robert'); DROP TABLE audit_log; --",
  '1 OR 1=1',
  '%',
  '_',
  '\\',
  '../x.nettwin',
  '../../etc/passwd',
  '..\\..\\windows\\win.ini',
  '/etc/passwd',
  '/tmp/outside.nettwin',
  'C:\\Windows\\system32\\x.nettwin',
  'a/../../b.nettwin',
  '..%2f..%2fetc%2fpasswd.nettwin',
  '.nettwin',
  '..nettwin',
  'nul\u0000byte.nettwin',
  '\u0000',
  '\u202eevil\u202c.nettwin',
  'مرحبا بالعالم',
  '東京 本社',
  '🔥🌐🛰️',
  '\ud800',
  '\udfff lone',
  'line\nbreak\r\n    at fake (/tmp/stack.js:1:1)',
  '<script>alert(1)</script>',
  '${process.env.HOME}',
  '__proto__',
  'constructor',
  'prototype',
  LONG,
];

/** Keys that attack prototype chains or the wrapper objects around a payload. */
export const HOSTILE_KEYS: readonly string[] = ['__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty', 'then', 'polluted', ''];

/** Numbers at the edges: signs, zero, float limits, unsafe integers, non-finite. */
export const BOUNDARY_NUMBERS: readonly number[] = [
  0, -0, -1, 1, 0.5, -0.5, 2 ** 31, -(2 ** 31), Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER + 2,
  Number.MIN_VALUE, 1e308, -1e308, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY,
];

/** An object carrying `key` as an OWN property (as JSON.parse and structured clone make it). */
export function withOwn(target: Record<string, unknown>, key: string, value: unknown): Record<string, unknown> {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  return target;
}

const pollutionObjects = fc.constantFrom(
  '{"__proto__":{"polluted":"yes"}}',
  '{"constructor":{"prototype":{"polluted":"yes"}}}',
  '{"__proto__":[]}',
  '{"prototype":null,"__proto__":null}',
).map((s) => JSON.parse(s) as unknown);

/** Any JSON-ish value, deep and odd, plus values only structured clone carries (NaN, -0, ±Infinity). */
export const oddValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: fc.jsonValue({ maxDepth: 4, stringUnit: 'binary' }) },
  { weight: 2, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
  { weight: 2, arbitrary: fc.constantFrom(...BOUNDARY_NUMBERS) },
  { weight: 1, arbitrary: pollutionObjects },
  { weight: 1, arbitrary: fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 5 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 300 }) },
);

/** Values Electron's structured clone carries but JSON cannot: only the Electron transport gets them. */
const cloneOnly: fc.Arbitrary<unknown> = fc.oneof(
  fc.bigInt(),
  fc.date({ noInvalidDate: false }),
  fc.constantFrom<unknown>(undefined, new Map([['a', 1]]), new Set([1]), new Uint8Array([1, 2]), new ArrayBuffer(4), /x/g),
);

/** Values a field can be replaced with to change its type or push its range. */
function replacement(clone: boolean): fc.Arbitrary<unknown> {
  return fc.oneof(
    fc.constantFrom<unknown>(null, true, false, [], {}, '', 0),
    fc.constantFrom(...BOUNDARY_NUMBERS),
    fc.constantFrom(...HOSTILE_STRINGS),
    clone ? fc.oneof(oddValue, cloneOnly) : oddValue,
  );
}

export type Plan =
  | { kind: 'valid' }
  | { kind: 'random'; value: unknown }
  | { kind: 'drop'; at: number }
  | { kind: 'replace'; at: number; value: unknown }
  | { kind: 'extra'; at: number; key: string; value: unknown }
  | { kind: 'id'; at: number; pick: number; real: boolean }
  | { kind: 'wrap' };

/**
 * A plan: the valid payload itself, a random value, or one mutation of the
 * valid payload (field dropped, retyped, pushed to a boundary, an extra or
 * prototype key, an id from the wrong project / a missing or traversal id,
 * the object wrapped in an array). `at`/`pick` index the payload's paths and
 * the id pool modulo their sizes. Electron also gets values only structured
 * clone carries (BigInt, Date, Map, typed arrays, undefined).
 */
export function planArb(transport: 'electron' | 'http'): fc.Arbitrary<Plan> {
  const clone = transport === 'electron';
  const random = clone ? fc.oneof({ weight: 4, arbitrary: oddValue }, { weight: 1, arbitrary: cloneOnly }) : oddValue;
  return fc.oneof(
    { weight: 3, arbitrary: fc.constant<Plan>({ kind: 'valid' }) },
    { weight: 3, arbitrary: random.map((value): Plan => ({ kind: 'random', value })) },
    { weight: 2, arbitrary: fc.nat().map((at): Plan => ({ kind: 'drop', at })) },
    { weight: 4, arbitrary: fc.record({ at: fc.nat(), value: replacement(clone) }).map((r): Plan => ({ kind: 'replace', ...r })) },
    {
      weight: 2,
      arbitrary: fc
        .record({ at: fc.nat(), key: fc.oneof(fc.constantFrom(...HOSTILE_KEYS), fc.string({ maxLength: 12 })), value: random })
        .map((r): Plan => ({ kind: 'extra', ...r })),
    },
    { weight: 5, arbitrary: fc.record({ at: fc.nat(), pick: fc.nat(), real: fc.boolean() }).map((r): Plan => ({ kind: 'id', ...r })) },
    { weight: 1, arbitrary: fc.constant<Plan>({ kind: 'wrap' }) },
  );
}

type Path = (string | number)[];

/** Every path into `v` (objects and arrays), depth first, root excluded; capped so huge designs stay cheap. */
export function pathsOf(v: unknown, max = 400): Path[] {
  const out: Path[] = [];
  const walk = (x: unknown, p: Path): void => {
    if (out.length >= max || x === null || typeof x !== 'object') return;
    for (const k of Array.isArray(x) ? x.keys() : Object.keys(x)) {
      const path = [...p, k];
      out.push(path);
      walk((x as Record<string | number, unknown>)[k], path);
    }
  };
  walk(v, []);
  return out;
}

/** Paths ending in a string field that names something (ids, names, file names, people, reasons). */
const NAMED = /^(id|projectId|designId|intentId|simulationId|stepId|jobId|name|fileName|source|actor|reason)$/;

function parentOf(root: unknown, path: Path): Record<string | number, unknown> {
  let x = root as Record<string | number, unknown>;
  for (const k of path.slice(0, -1)) x = x[k] as Record<string | number, unknown>;
  return x;
}

/** Ids for the `id` mutation: `real` ids and `realNames` belong to another project; `other` are missing, traversal, hostile. */
export interface IdPool {
  real: readonly string[];
  realNames: readonly string[];
  other: readonly string[];
}

/** Applies `plan` to a deep copy of `valid`. */
export function applyPlan(valid: unknown, plan: Plan, pool: IdPool): unknown {
  if (plan.kind === 'valid') return valid;
  if (plan.kind === 'random') return plan.value;
  if (plan.kind === 'wrap') return [valid];
  const copy = structuredClone(valid) as Record<string, unknown>;
  const paths = pathsOf(copy);
  if (plan.kind === 'extra') {
    const objects: Path[] = [[], ...paths.filter((p) => isPlainObject(get(copy, p)))];
    const p = objects[plan.at % objects.length]!;
    withOwn((p.length === 0 ? copy : get(copy, p)) as Record<string, unknown>, plan.key, plan.value);
    return copy;
  }
  if (plan.kind === 'id') {
    const named = paths.filter((p) => typeof get(copy, p) === 'string' && NAMED.test(String(p.at(-1))));
    if (named.length === 0) return copy;
    const p = named[plan.at % named.length]!;
    const ids = !plan.real ? pool.other : p.at(-1) === 'name' ? pool.realNames : pool.real;
    parentOf(copy, p)[p.at(-1)!] = ids[plan.pick % ids.length];
    return copy;
  }
  if (paths.length === 0) return plan.kind === 'replace' ? plan.value : copy;
  const p = paths[plan.at % paths.length]!;
  const parent = parentOf(copy, p);
  const key = p.at(-1)!;
  if (plan.kind === 'drop') {
    if (Array.isArray(parent)) parent.splice(key as number, 1);
    else delete parent[key];
  } else {
    parent[key] = plan.value;
  }
  return copy;
}

function get(root: unknown, path: Path): unknown {
  let x = root as Record<string | number, unknown>;
  for (const k of path) x = x[k] as Record<string | number, unknown>;
  return x;
}

function isPlainObject(v: unknown): boolean {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}
