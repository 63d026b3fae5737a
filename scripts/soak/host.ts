import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const CHILD = path.join(path.dirname(fileURLToPath(import.meta.url)), 'host-child.ts');

/** Memory of a process as the kernel reports it (/proc/<pid>/status), in bytes. */
export interface ProcMemory {
  rss: number;
  /** High-water mark of RSS since the process started. */
  hwm: number;
}

export function readProcMemory(pid: number): ProcMemory {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string): number => {
    const m = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status);
    if (!m) throw new Error(`/proc/${pid}/status has no ${field} line`);
    return Number(m[1]) * 1024;
  };
  return { rss: kb('VmRSS'), hwm: kb('VmHWM') };
}

/** Open file descriptors of a process (sockets, SQLite files, pipes…). */
export function countFds(pid: number): number {
  return fs.readdirSync(`/proc/${pid}/fd`).length;
}

/** What each descriptor points at, by kind (`socket`, `pipe`, `anon_inode:[eventfd]`, or a file path), with counts. */
export function fdKinds(pid: number): Map<string, number> {
  const kinds = new Map<string, number>();
  for (const fd of fs.readdirSync(`/proc/${pid}/fd`)) {
    let target: string;
    try {
      target = fs.readlinkSync(`/proc/${pid}/fd/${fd}`);
    } catch {
      continue; // closed while we looked
    }
    const kind = target.replace(/^(socket|pipe):\[\d+\]$/, '$1');
    kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
  }
  return kinds;
}

/** Descriptor kinds there are more of in `after` than in `before`, e.g. `socket +3`. */
export function fdGrowth(before: Map<string, number>, after: Map<string, number>): string[] {
  const out: string[] = [];
  for (const [kind, n] of after) {
    const was = before.get(kind) ?? 0;
    if (n > was) out.push(`${kind} +${n - was}`);
  }
  return out;
}

export interface SoakHost {
  readonly pid: number;
  readonly port: number;
  readonly token: string;
  /** Everything the host wrote to stderr (dispatch logs INTERNAL errors there, with their stack). */
  stderr(): string;
  /** SIGTERM, then waits for the exit; resolves with the exit code (null: killed after the timeout). */
  stop(timeoutMs?: number): Promise<{ code: number | null; ms: number }>;
  /** A full garbage collection in the host (soak child only), then its process.memoryUsage(). */
  collectGarbage(): Promise<NodeJS.MemoryUsage>;
  /** True once the process has exited (for whatever reason). */
  exited(): boolean;
}

/**
 * Starts the host (src-main/host/serve.ts startHost) in a child Node process
 * with tsx, on 127.0.0.1 and an ephemeral port, and waits for its ready line.
 */
export async function startSoakHost(opts: { projectsDir: string; dataDir: string; token: string }): Promise<SoakHost> {
  const child: ChildProcess = spawn(process.execPath, ['--expose-gc', '--import', 'tsx', CHILD], {
    env: { ...process.env, SOAK_PROJECTS_DIR: opts.projectsDir, SOAK_DATA_DIR: opts.dataDir, SOAK_TOKEN: opts.token },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let err = '';
  let out = '';
  let exitCode: number | null | undefined;
  const exit = new Promise<number | null>((resolve) => {
    child.on('exit', (code) => {
      exitCode = code;
      resolve(code);
    });
  });
  child.stderr!.on('data', (d: Buffer) => {
    // Keep the head and the tail: enough to show what went wrong without growing without bound.
    err = err.length < 64 * 1024 ? err + d.toString() : err.slice(0, 32 * 1024) + d.toString().slice(-32 * 1024);
  });
  // The child speaks in JSON lines on stdout: `{ready, port}` once, then `{memory}` after each SIGUSR2.
  const memoryWaiters: ((m: NodeJS.MemoryUsage) => void)[] = [];
  let onReady: (port: number) => void = () => undefined;
  child.stdout!.on('data', (d: Buffer) => {
    out += d.toString();
    let i: number;
    while ((i = out.indexOf('\n')) >= 0) {
      const line = out.slice(0, i);
      out = out.slice(i + 1);
      if (!line.startsWith('{')) continue;
      const msg = JSON.parse(line) as { ready?: boolean; port?: number; memory?: NodeJS.MemoryUsage };
      if (msg.ready && msg.port !== undefined) onReady(msg.port);
      if (msg.memory) memoryWaiters.shift()?.(msg.memory);
    }
  });
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`soak host did not start within 60 s; stderr: ${err.slice(0, 2000)}`)), 60_000);
    onReady = (p) => {
      clearTimeout(timer);
      resolve(p);
    };
    void exit.then((code) => {
      clearTimeout(timer);
      reject(new Error(`soak host exited with code ${code} before listening; stderr: ${err.slice(0, 2000)}`));
    });
  });
  return {
    pid: child.pid!,
    port,
    token: opts.token,
    stderr: () => err,
    exited: () => exitCode !== undefined,
    collectGarbage: () =>
      new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('soak host did not answer SIGUSR2 within 10 s')), 10_000);
        memoryWaiters.push((m) => {
          clearTimeout(timer);
          resolve(m);
        });
        child.kill('SIGUSR2');
      }),
    stop: async (timeoutMs = 15_000) => {
      const t0 = Date.now();
      if (exitCode !== undefined) return { code: exitCode, ms: 0 };
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
      const code = await exit;
      clearTimeout(timer);
      return { code, ms: Date.now() - t0 };
    },
  };
}

/** `ip:port` of every TCP socket the process listens on (from /proc/net/tcp{,6}), to show the host is loopback only. */
export function listeningAddresses(pid: number): string[] {
  const inodes = new Set<string>();
  for (const fd of fs.readdirSync(`/proc/${pid}/fd`)) {
    try {
      const m = /^socket:\[(\d+)\]$/.exec(fs.readlinkSync(`/proc/${pid}/fd/${fd}`));
      if (m) inodes.add(m[1]!);
    } catch {
      // closed while we looked
    }
  }
  const out: string[] = [];
  for (const table of ['tcp', 'tcp6']) {
    let text: string;
    try {
      text = fs.readFileSync(`/proc/${pid}/net/${table}`, 'utf8');
    } catch {
      continue;
    }
    for (const line of text.split('\n').slice(1)) {
      const f = line.trim().split(/\s+/);
      if (f.length < 10 || f[3] !== '0A' || !inodes.has(f[9]!)) continue; // 0A: LISTEN
      const [hex, port] = f[1]!.split(':') as [string, string];
      out.push(`${decodeAddress(hex)}:${parseInt(port, 16)}`);
    }
  }
  return out;
}

/** /proc/net/tcp writes IPv4 as one little-endian hex word; IPv6 as four. */
function decodeAddress(hex: string): string {
  if (hex.length === 8) return [3, 2, 1, 0].map((i) => parseInt(hex.slice(i * 2, i * 2 + 2), 16)).join('.');
  return hex === '00000000000000000000000001000000' ? '::1' : hex === '0'.repeat(32) ? '::' : `[${hex}]`;
}
