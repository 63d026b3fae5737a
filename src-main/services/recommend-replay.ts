/**
 * What differs between a recorded recommendation and its replay, split into
 * the answer — which options, in which order, with which figures and
 * verdicts — and its presentation — wording (rationale, pros and cons, the
 * novelty note, constraint titles) and fields added since the record was
 * written. A recommendation recorded before a release that reworded its notes
 * replays to the same answer; "not identical" alone made that read as a
 * different recommendation.
 */
export interface ReplayDifferences {
  /** Byte for byte the same document. */
  identical: boolean;
  /** Same ranking, figures and verdicts (the presentation may differ). */
  sameAnswer: boolean;
  /** What changed in the answer, one line each: "ranking: was a, b; now b, a", "options[2].predicted.costUsd: 1 → 2". */
  answer: string[];
  /** What changed in its presentation, by field: "options[].rationale (reworded)", "novelty (added since)". */
  presentation: string[];
  /** One sentence for a person. */
  summary: string;
}

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/**
 * Fields whose value is the answer (path with array indices as []). Anything
 * else is presentation: words, and figures about the words (evidence counts
 * behind a note are answer too: they decide confidence). Text inside an
 * answer field — a failed check's title or message, a relaxation's text — is
 * presentation (TEXT_LEAF).
 */
const ANSWER = [
  /^mode$/, /^goal$/, /^model\b/,
  /^options\[\]\.(family|successProbability|confidence|predicted|intervals|evidence)\b/,
  /^options\[\]\.verified\b/,
  /^skipped\[\]\.(family|notApplicable)$/, /^paretoFront\b/, /^relaxations\b/,
];
const TEXT_LEAF = /\.(title|message|text|reason|atAnyPrice|words)$/;

const isAnswer = (path: string): boolean => ANSWER.some((re) => re.test(path)) && !TEXT_LEAF.test(path);
const generic = (path: string): string => path.replace(/\[\d+\]/g, '[]');
const show = (v: Json | undefined): string => {
  const s = JSON.stringify(v);
  return s === undefined ? 'absent' : s.length > 60 ? `${s.slice(0, 57)}…` : s;
};

/** Leaf differences: [path, recorded, replayed]; a side missing is undefined. */
function diff(a: Json | undefined, b: Json | undefined, path: string, out: [string, Json | undefined, Json | undefined][]): void {
  if (JSON.stringify(a) === JSON.stringify(b)) return;
  const obj = (v: Json | undefined): v is { [k: string]: Json } => typeof v === 'object' && v !== null && !Array.isArray(v);
  if (Array.isArray(a) && Array.isArray(b)) {
    for (let i = 0; i < Math.max(a.length, b.length); i++) diff(a[i], b[i], `${path}[${i}]`, out);
    return;
  }
  if (obj(a) && obj(b)) {
    for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) diff(a[k], b[k], path === '' ? k : `${path}.${k}`, out);
    return;
  }
  out.push([path, a, b]);
}

const families = (doc: Json): string[] =>
  typeof doc === 'object' && doc !== null && !Array.isArray(doc) && Array.isArray(doc['options'])
    ? doc['options'].map((o) => (typeof o === 'object' && o !== null && !Array.isArray(o) && typeof o['family'] === 'string' ? o['family'] : '?'))
    : [];

export function replayDifferences(recorded: unknown, replayed: unknown): ReplayDifferences {
  const a = JSON.parse(JSON.stringify(recorded ?? null)) as Json;
  const b = JSON.parse(JSON.stringify(replayed ?? null)) as Json;
  if (JSON.stringify(a) === JSON.stringify(b)) {
    return { identical: true, sameAnswer: true, answer: [], presentation: [], summary: 'Replayed: identical to the recorded recommendation.' };
  }
  const leaves: [string, Json | undefined, Json | undefined][] = [];
  diff(a, b, '', leaves);
  const answer: string[] = [];
  const presentation = new Set<string>();
  const [fa, fb] = [families(a), families(b)];
  if (fa.join() !== fb.join()) answer.push(`ranking: was ${fa.join(', ')}; now ${fb.join(', ')}`);
  for (const [path, x, y] of leaves) {
    const g = generic(path);
    // Which option is where: the ranking line above says it.
    if (g === 'options[].family' || /^options\[\d+\]$/.test(path)) continue;
    // A key only one side has is a field added since the record (or no longer given): presentation.
    // An array element only one side has (one more failed check) is a change of the list itself.
    const fieldOnOneSide = (x === undefined || y === undefined) && !/\]$/.test(path);
    if (isAnswer(g) && !fieldOnOneSide) answer.push(`${path}: ${show(x)} → ${show(y)}`);
    else presentation.add(`${g} (${x === undefined ? 'added since' : y === undefined ? 'no longer given' : 'reworded'})`);
  }
  const sameAnswer = answer.length === 0;
  const fields = [...presentation];
  const summary = sameAnswer
    ? `Replayed: the same answer (ranking, figures and verdicts); only its presentation differs — ${fields.join('; ')}.`
    : `Replayed: the answer differs — ${answer.slice(0, 5).join('; ')}${answer.length > 5 ? `; and ${answer.length - 5} more` : ''}${fields.length > 0 ? `. Presentation differs too: ${fields.join('; ')}` : ''}.`;
  return { identical: false, sameAnswer, answer, presentation: fields, summary };
}
