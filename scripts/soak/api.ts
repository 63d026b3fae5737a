import http from 'node:http';
import type { Result } from '../../src-shared/contract/result';
import type { Stats } from './stats';

/** What a call produced: the host's Result, or a transport failure (socket error, non-JSON, HTTP status ≠ 200). */
export type CallOutcome<T = unknown> = Result<T> | { ok: false; transport: string };

export interface JobFinished {
  jobId: string;
  kind: string;
  ok: boolean;
  value?: unknown;
  error?: { code: string; message: string };
  /** `job:progressed` events seen for this job before it finished. */
  progressEvents: number;
}

/** Events of jobs nobody waits for yet are kept this long (the SSE frame can beat the call's answer). */
const UNCLAIMED_LIMIT = 2000;

/**
 * One soak client's connection to the host: calls over keep-alive HTTP with
 * the session token, and its own SSE stream on /api/events to follow jobs.
 */
export class HostClient {
  private readonly agent = new http.Agent({ keepAlive: true, maxSockets: 2 });
  private sse: http.ClientRequest | null = null;
  private readonly waiters = new Map<string, (f: JobFinished) => void>();
  private readonly unclaimed = new Map<string, JobFinished>();
  private readonly progress = new Map<string, number>();
  private streamError: string | null = null;
  private closing = false;

  constructor(
    private readonly port: number,
    private readonly token: string,
    private readonly stats: Stats,
    private readonly timeoutMs = 60_000,
  ) {}

  /** POST /api/call/<channel>; records latency and outcome in the stats. */
  async call<T = unknown>(channel: string, input: unknown): Promise<CallOutcome<T>> {
    const t0 = performance.now();
    const out = await this.post<T>(channel, input);
    this.stats.recordCall(channel, performance.now() - t0, out);
    return out;
  }

  private post<T>(channel: string, input: unknown): Promise<CallOutcome<T>> {
    const body = Buffer.from(JSON.stringify(input));
    return new Promise((resolve) => {
      const req = http.request(
        {
          host: '127.0.0.1', port: this.port, method: 'POST', path: `/api/call/${channel}`, agent: this.agent,
          headers: { 'Content-Type': 'application/json', 'Content-Length': body.length, 'X-NetTwin-Token': this.token },
          timeout: this.timeoutMs,
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('error', (e) => resolve({ ok: false, transport: `response error: ${e.message}` }));
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            if (res.statusCode !== 200) {
              resolve({ ok: false, transport: `HTTP ${res.statusCode}: ${text.slice(0, 200)}` });
              return;
            }
            try {
              resolve(JSON.parse(text) as Result<T>);
            } catch {
              resolve({ ok: false, transport: `answer is not JSON: ${text.slice(0, 200)}` });
            }
          });
        },
      );
      req.on('timeout', () => req.destroy(new Error(`no answer within ${this.timeoutMs} ms`)));
      req.on('error', (e) => resolve({ ok: false, transport: `socket error: ${e.message}` }));
      req.end(body);
    });
  }

  /** Opens the event stream; resolves once the host has subscribed it (its first comment line). */
  openEvents(): Promise<void> {
    return new Promise((resolve, reject) => {
      const req = http.get(
        { host: '127.0.0.1', port: this.port, path: '/api/events', headers: { 'X-NetTwin-Token': this.token } },
        (res) => {
          if (res.statusCode !== 200) {
            reject(new Error(`event stream refused: HTTP ${res.statusCode}`));
            res.resume();
            return;
          }
          let buf = '';
          let connected = false;
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => {
            buf += chunk;
            let i: number;
            while ((i = buf.indexOf('\n\n')) >= 0) {
              const frame = buf.slice(0, i);
              buf = buf.slice(i + 2);
              if (!connected && frame.startsWith(': connected')) {
                connected = true;
                resolve();
              }
              if (frame.startsWith('data: ')) this.onEvent(JSON.parse(frame.slice(6)) as { name: string; payload: Record<string, unknown> });
            }
          });
          res.on('close', () => {
            if (!this.closing) this.streamError ??= 'event stream closed by the host';
          });
        },
      );
      req.on('error', (e) => {
        if (!this.closing) this.streamError ??= `event stream: ${e.message}`;
        reject(e);
      });
      this.sse = req;
    });
  }

  private onEvent(msg: { name: string; payload: Record<string, unknown> }): void {
    const jobId = typeof msg.payload['jobId'] === 'string' ? msg.payload['jobId'] : null;
    if (jobId === null) return;
    if (msg.name === 'job:progressed') {
      this.progress.set(jobId, (this.progress.get(jobId) ?? 0) + 1);
      return;
    }
    if (msg.name !== 'job:finished') return;
    const finished: JobFinished = {
      ...(msg.payload as Omit<JobFinished, 'progressEvents'>),
      progressEvents: this.progress.get(jobId) ?? 0,
    };
    this.progress.delete(jobId);
    const waiter = this.waiters.get(jobId);
    if (waiter) {
      this.waiters.delete(jobId);
      waiter(finished);
      return;
    }
    // Every client sees every job; keep a bounded window so our own early finishes are not lost.
    this.unclaimed.set(jobId, finished);
    if (this.unclaimed.size > UNCLAIMED_LIMIT) this.unclaimed.delete(this.unclaimed.keys().next().value!);
  }

  /** The job's `job:finished` event, or null when none arrived within `timeoutMs`. */
  waitForJob(jobId: string, timeoutMs: number): Promise<JobFinished | null> {
    const early = this.unclaimed.get(jobId);
    if (early) {
      this.unclaimed.delete(jobId);
      return Promise.resolve(early);
    }
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.waiters.delete(jobId);
        resolve(null);
      }, timeoutMs);
      this.waiters.set(jobId, (f) => {
        clearTimeout(timer);
        resolve(f);
      });
    });
  }

  /** Why the event stream broke, if it did while the client was running. */
  eventStreamError(): string | null {
    return this.streamError;
  }

  close(): void {
    this.closing = true;
    this.sse?.destroy();
    this.agent.destroy();
  }
}
