import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Channel } from '../../../src-shared/contract/channels';
import { contract } from '../../../src-shared/contract/contract';
import { ERROR_CODES, type Result } from '../../../src-shared/contract/result';
import type { Transport } from '../../helpers/transports';
import { allowedDelta, applyDelta, deltaMismatch, JOBS, newFileCounts, READS } from './effects';
import { childCounts, integrityProblems, look, type Counts, type Look } from './records';

/**
 * Every call the fuzz makes goes through `Ledger.call`: it answers what the
 * transport answered, after checking that the answer is a valid value or a
 * clean error, that a failed call (or failed job) wrote nothing, that a read
 * wrote nothing, and that a successful write changed exactly the rows its
 * channel allows (effects.ts). The allowed changes are summed per file so
 * that, at the end, each file must hold exactly the rows the successful
 * calls produced.
 */

const EXT = '.nettwin';
const MAX_MESSAGE = 2_000;

/** Substrings an error message must not contain unless the caller sent them. */
function forbiddenTokens(dir: string): string[] {
  return [
    dir, path.dirname(dir), os.tmpdir() + path.sep, process.cwd(), '/tmp/', '/work/', '/home/', 'node_modules',
    'TypeError', 'RangeError', 'SyntaxError', 'ReferenceError', 'SQLITE_', 'sqlite3', 'undefined (reading',
  ];
}

/** Every string and key the caller sent: the message may echo these (e.g. "project x not found"). */
function echoes(input: unknown, out = new Set<string>()): Set<string> {
  if (typeof input === 'string') out.add(input);
  else if (input !== null && typeof input === 'object') {
    for (const [k, v] of Object.entries(input)) {
      out.add(k);
      echoes(v, out);
    }
  }
  return out;
}

/** Problems with an error that crossed the boundary (call answer or job event), or null. */
export function errorProblem(error: unknown, input: unknown, dir: string): string | null {
  const e = error as { code?: unknown; message?: unknown } | null;
  if (e === null || typeof e !== 'object') return `error is not an object: ${JSON.stringify(error)}`;
  if (!(ERROR_CODES as readonly unknown[]).includes(e.code)) return `unknown error code ${JSON.stringify(e.code)}`;
  if (typeof e.message !== 'string' || e.message.length === 0) return 'error without a message';
  if (e.code === 'INTERNAL') return `INTERNAL error reached the caller: ${e.message.slice(0, 300)}`;
  let own = e.message;
  const echoed = [...echoes(input)].flatMap((x) => [JSON.stringify(x).slice(1, -1), x]).filter((x) => x.length >= 3);
  for (const s of echoed.sort((a, b) => b.length - a.length)) own = own.split(s).join('<input>');
  if (/\n\s+at /.test(own) || own.includes('    at ')) return `stack trace in message: ${own.slice(0, 300)}`;
  for (const token of forbiddenTokens(dir)) {
    if (own.includes(token)) return `message leaks "${token}": ${own.slice(0, 300)}`;
  }
  if (own.length > MAX_MESSAGE) return `message of ${own.length} characters (beyond what the caller sent)`;
  return null;
}

function idOf(input: unknown): string | undefined {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) return undefined;
  const o = input as Record<string, unknown>;
  const id = Object.prototype.hasOwnProperty.call(o, 'projectId') ? o['projectId'] : o['id'];
  return typeof id === 'string' ? id : undefined;
}

export interface Tally {
  ok: number;
  failed: number;
  codes: Record<string, number>;
}

export class Ledger {
  /** Rows each project file must hold: the sum of what successful calls were allowed to write. */
  readonly expected = new Map<string, Counts>();
  /** Per channel: answers seen. */
  readonly tally = new Map<string, Tally>();
  /** Files always digested around a call (the fixture's projects). */
  readonly watched: string[] = [];
  /**
   * The last look at each file after a call: only calls through this ledger
   * write, so it is the next call's "before" (half the reading). A write from
   * elsewhere is still caught, blamed on the next call or by verifyAll.
   */
  private readonly looked = new Map<string, Look>();
  private readonly finished = new Map<string, Record<string, unknown>>();
  private readonly waiters = new Map<string, () => void>();

  constructor(
    readonly t: Transport,
    private readonly jobTimeoutMs = 30_000,
  ) {
    t.services.bus.subscribe((name, payload) => {
      if (name !== 'job:finished') return;
      const p = payload as Record<string, unknown>;
      this.finished.set(p['jobId'] as string, p);
      this.waiters.get(p['jobId'] as string)?.();
    });
  }

  get dir(): string {
    return this.t.services.locator.projectsDir;
  }

  /** Calls `channel`, waits for its job if it starts one, and checks everything above. Throws on a violation. */
  async call(channel: Channel, payload: unknown): Promise<Result<unknown>> {
    // What the handler really receives: HTTP carries JSON (NaN and Infinity become null, -0 becomes 0).
    const input = this.t.name === 'http' ? (JSON.parse(JSON.stringify(payload) ?? 'null') as unknown) : payload;
    const where = `${this.t.name} ${channel} ${preview(input)}`;
    const fail = (problem: string): never => {
      throw new Error(`${where}: ${problem}`);
    };
    const target = idOf(input);
    const known = target !== undefined && this.expected.has(target) ? target : undefined;
    const files = this.projectFiles();
    const lookAt = [...new Set([...this.watched, ...(known ? [known] : [])])].filter((f) => this.expected.has(f));
    const before = new Map<string, Look>(lookAt.map((f) => [f, this.looked.get(f) ?? look(this.file(f))]));
    const designId = (input as Record<string, unknown> | null)?.['designId'];
    const children = known && typeof designId === 'string' ? childCounts(this.file(known), designId) : {};

    const r = await this.t.call(channel, input);
    if (r === null || typeof r !== 'object' || typeof r.ok !== 'boolean') fail(`not a Result: ${preview(r)}`);
    let value: unknown = r.ok ? r.value : undefined;
    let succeeded = r.ok;
    if (r.ok) {
      const parsed = contract[channel].output.safeParse(r.value);
      if (!parsed.success) fail(`answer does not match the output schema: ${parsed.error.message.slice(0, 300)}`);
      try {
        structuredClone(r.value);
      } catch (err) {
        fail(`answer cannot cross Electron IPC: ${(err as Error).message}`);
      }
      if (JOBS.has(channel)) {
        const done = await this.job((r.value as { jobId: string }).jobId, where);
        if (done['ok'] !== true) {
          const problem = errorProblem(done['error'], input, this.dir);
          if (problem) fail(`job failed with a bad error: ${problem}`);
        }
        succeeded = done['ok'] === true;
        value = done['value'];
      }
    } else {
      const problem = errorProblem(r.error, input, this.dir);
      if (problem) fail(problem);
    }
    this.count(channel, r);

    const filesAfter = this.projectFiles();
    const removed = [...files].filter((f) => !filesAfter.has(f));
    if (removed.length > 0) fail(`project files disappeared: ${removed.join(', ')}`);
    const added = [...filesAfter].filter((f) => !files.has(f));
    const makesFile = succeeded && (channel === 'project:create' || channel === 'project:saveAs' || channel === 'project:export');
    if (makesFile) {
      const made = (value as { id: string }).id;
      if (files.has(made)) fail(`overwrote the existing project ${made}`);
      if (added.length !== 1 || added[0] !== made) fail(`expected one new file ${made}, found [${added.join(', ')}]`);
      const want = newFileCounts(channel, input as Record<string, unknown>, known ? before.get(known)?.counts : undefined);
      const got = look(this.file(made)).counts;
      const mismatch = deltaMismatch(want, got, {});
      if (mismatch) fail(`new file ${made}: ${mismatch}`);
      this.expected.set(made, want);
    } else if (added.length > 0) {
      fail(`${succeeded ? 'call' : 'failed call'} created files: ${added.join(', ')}`);
    }

    const writes = succeeded && !READS.has(channel);
    for (const [f, b] of before) {
      const a = look(this.file(f));
      this.looked.set(f, a);
      if (writes && f === known) {
        const delta = allowedDelta(channel, input as Record<string, unknown>, value, { counts: b.counts, metaKeys: b.metaKeys, children });
        const mismatch = deltaMismatch(b.counts, a.counts, delta);
        if (mismatch) fail(`${f}: ${mismatch}`);
        this.expected.set(f, applyDelta(this.expected.get(f)!, delta, a.counts, b.counts));
      } else if (a.digest !== b.digest) {
        const diff = deltaMismatch(b.counts, a.counts, {}) ?? 'rows changed in place';
        fail(`${succeeded ? (writes ? 'wrote to a project it does not name' : 'a read changed') : 'a failed call changed'} ${f}: ${diff}`);
      }
    }
    if (succeeded && channel === 'project:open' && (input as { readOnly?: unknown }).readOnly === true) {
      await this.call('project:open', { id: (input as { id: string }).id }); // back to writable for the next calls
    }
    return r;
  }

  /** After the fuzz: each project file is intact and holds exactly the rows the ledger expects. */
  verifyAll(): string[] {
    const problems: string[] = [];
    for (const f of this.projectFiles()) {
      const want = this.expected.get(f);
      if (!want) continue;
      for (const p of integrityProblems(this.file(f))) problems.push(`${f}: ${p}`);
      const mismatch = deltaMismatch(want, look(this.file(f)).counts, {});
      if (mismatch) problems.push(`${f}: ledger ${mismatch}`);
    }
    for (const f of this.expected.keys()) if (!fs.existsSync(this.file(f))) problems.push(`${f}: missing`);
    const leftovers = fs.readdirSync(this.dir).filter((n) => /\.tmp-|-journal$|-wal$|^\.upload-/.test(n));
    if (leftovers.length > 0) problems.push(`temporary files left: ${leftovers.join(', ')}`);
    return problems;
  }

  private file(id: string): string {
    return path.join(this.dir, id);
  }

  private projectFiles(): Set<string> {
    return new Set(fs.readdirSync(this.dir).filter((n) => n.endsWith(EXT)));
  }

  private count(channel: string, r: Result<unknown>): void {
    const t = this.tally.get(channel) ?? { ok: 0, failed: 0, codes: {} };
    if (r.ok) t.ok++;
    else {
      t.failed++;
      t.codes[r.error.code] = (t.codes[r.error.code] ?? 0) + 1;
    }
    this.tally.set(channel, t);
  }

  private async job(jobId: string, where: string): Promise<Record<string, unknown>> {
    if (!this.finished.has(jobId)) {
      let timer: NodeJS.Timeout | undefined;
      await new Promise<void>((resolve, reject) => {
        this.waiters.set(jobId, resolve);
        timer = setTimeout(() => {
          this.t.services.jobs.cancel(jobId);
          reject(new Error(`${where}: job ${jobId} did not finish within ${this.jobTimeoutMs} ms`));
        }, this.jobTimeoutMs);
      }).finally(() => {
        clearTimeout(timer);
        this.waiters.delete(jobId);
      });
    }
    const done = this.finished.get(jobId)!;
    this.finished.delete(jobId);
    return done;
  }
}

/** A short, printable picture of a payload for failure messages (replay uses the seed). */
export function preview(v: unknown): string {
  let s: string;
  try {
    const odd = (x: unknown): unknown =>
      (typeof x === 'number' && !Number.isFinite(x)) || typeof x === 'bigint' || x === undefined ? String(x) : x instanceof Map || x instanceof Set ? `${x.constructor.name}(${x.size})` : x;
    s = JSON.stringify(v, (_k, x: unknown) => odd(x)) ?? String(v);
  } catch {
    s = String(v);
  }
  return s.length > 300 ? `${s.slice(0, 300)}…(${s.length} chars)` : s;
}
