import { timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { toIpcError } from '../../src-shared/contract/result';
import type { EventBus } from '../services/events';
import type { Dispatch } from './dispatch';

/** Project files over HTTP (browser mode only): download a project, upload one shared with you. */
export interface HostFiles {
  readonly dir: string;
  download(id: string): string;
  adopt(tmpFile: string, name: string): unknown;
}

export interface HttpHostOptions {
  files?: HostFiles;
  dispatch: Dispatch;
  bus: EventBus;
  /** Built renderer (index.html + assets); absent means API only. */
  staticDir: string | null;
  port: number;
  /** Per-start secret every call and event stream must carry. */
  token: string;
  maxBodyBytes?: number;
  log?: (line: string) => void;
}

export const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
  "font-src 'self' data:; connect-src 'self'; worker-src 'self' blob:; object-src 'none'; base-uri 'none'; " +
  "frame-ancestors 'none'; form-action 'none'";

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};

function send(res: http.ServerResponse, status: number, body: string, type = 'application/json; charset=utf-8'): void {
  res.writeHead(status, {
    'Content-Type': type,
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
  });
  res.end(body);
}

const errorBody = (code: string, message: string): string => JSON.stringify({ ok: false, error: { code, message } });

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * The browser transport: the same dispatch as Electron's ipcMain behind
 * `POST /api/call/<channel>`, events over SSE at `/api/events`, and the built
 * renderer as static files. Loopback only; the Host header must name the
 * loopback address we serve (DNS rebinding), and calls need the token.
 */
export function createHttpHost(opts: HttpHostOptions): http.Server {
  const maxBody = opts.maxBodyBytes ?? 32 * 1024 * 1024;
  const log = opts.log ?? (() => undefined);
  const server = http.createServer((req, res) => {
    const port = (server.address() as { port: number } | null)?.port ?? opts.port;
    const allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
    if (!allowedHosts.has(req.headers.host ?? '')) {
      send(res, 421, errorBody('FORBIDDEN', 'unexpected Host header'));
      return;
    }
    const origin = req.headers.origin;
    if (origin !== undefined && !allowedHosts.has(origin.replace(/^http:\/\//, ''))) {
      send(res, 403, errorBody('FORBIDDEN', 'cross-origin request refused'));
      return;
    }
    const url = new URL(req.url ?? '/', `http://${req.headers.host}`);
    if (url.pathname.startsWith('/api/')) {
      const token = req.headers['x-nettwin-token'] ?? url.searchParams.get('token') ?? '';
      if (typeof token !== 'string' || !sameSecret(token, opts.token)) {
        send(res, 401, errorBody('FORBIDDEN', 'missing or wrong session token'));
        return;
      }
      if (url.pathname === '/api/events' && req.method === 'GET') return streamEvents(req, res, opts.bus);
      if (opts.files && url.pathname.startsWith('/api/files/') && req.method === 'GET') {
        return download(res, opts.files, decodeURIComponent(url.pathname.slice('/api/files/'.length)));
      }
      if (opts.files && url.pathname === '/api/upload' && req.method === 'POST') {
        return void upload(req, res, opts.files, url.searchParams.get('name') ?? '', log);
      }
      const m = /^\/api\/call\/([a-zA-Z]+:[a-zA-Z]+)$/.exec(url.pathname);
      if (m && req.method === 'POST') return void handleCall(req, res, m[1]!, opts.dispatch, maxBody, log);
      send(res, 404, errorBody('UNKNOWN_CHANNEL', 'no such endpoint'));
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      send(res, 405, errorBody('FORBIDDEN', 'method not allowed'));
      return;
    }
    serveStatic(opts.staticDir, url.pathname, res);
  });
  server.requestTimeout = 60_000;
  server.headersTimeout = 15_000;
  server.keepAliveTimeout = 5_000;
  return server;
}

async function handleCall(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  channel: string,
  dispatch: Dispatch,
  maxBody: number,
  log: (line: string) => void,
): Promise<void> {
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of req) {
      size += (chunk as Buffer).length;
      if (size > maxBody) {
        send(res, 413, errorBody('INVALID_INPUT', `request larger than ${maxBody} bytes`));
        req.destroy();
        return;
      }
      chunks.push(chunk as Buffer);
    }
  } catch {
    return; // client went away
  }
  let body: unknown;
  try {
    const text = Buffer.concat(chunks).toString('utf8');
    body = text.length === 0 ? {} : (JSON.parse(text) as unknown);
  } catch {
    send(res, 400, errorBody('INVALID_INPUT', 'request body is not JSON'));
    return;
  }
  try {
    const result = await dispatch(channel, body);
    send(res, 200, JSON.stringify(result));
  } catch (err) {
    log(`http ${channel}: ${String(err)}`);
    send(res, 500, errorBody('INTERNAL', 'internal error'));
  }
}

function download(res: http.ServerResponse, files: HostFiles, id: string): void {
  let file: string;
  try {
    file = files.download(id);
  } catch (err) {
    send(res, 404, errorBody('NOT_FOUND', (err as Error).message));
    return;
  }
  res.writeHead(200, {
    'Content-Type': 'application/x-nettwin',
    'Content-Disposition': `attachment; filename="${path.basename(file).replace(/[^\w .()-]/g, '_')}"`,
    'Content-Length': fs.statSync(file).size,
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  });
  fs.createReadStream(file).pipe(res);
}

const MAX_UPLOAD_BYTES = 1024 * 1024 * 1024;

async function upload(req: http.IncomingMessage, res: http.ServerResponse, files: HostFiles, name: string, log: (l: string) => void): Promise<void> {
  const tmp = path.join(files.dir, `.upload-${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2)}`);
  let size = 0;
  try {
    const out = fs.createWriteStream(tmp, { flags: 'wx' });
    for await (const chunk of req) {
      size += (chunk as Buffer).length;
      if (size > MAX_UPLOAD_BYTES) throw new Error(`upload larger than ${MAX_UPLOAD_BYTES} bytes`);
      if (!out.write(chunk)) await new Promise<void>((r) => out.once('drain', () => r()));
    }
    await new Promise<void>((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve())));
  } catch (err) {
    fs.rmSync(tmp, { force: true });
    send(res, 413, errorBody('INVALID_INPUT', (err as Error).message));
    return;
  }
  try {
    send(res, 200, JSON.stringify({ ok: true, value: files.adopt(tmp, name) }));
  } catch (err) {
    const e = toIpcError(err);
    if (e.code === 'INTERNAL') log(`upload: ${String(err)}`);
    send(res, 200, JSON.stringify({ ok: false, error: e }));
  }
}

function streamEvents(req: http.IncomingMessage, res: http.ServerResponse, bus: EventBus): void {
  res.writeHead(200, {
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-store',
    Connection: 'keep-alive',
    'X-Content-Type-Options': 'nosniff',
  });
  res.write(': connected\n\n');
  const unsubscribe = bus.subscribe((name, payload) => {
    res.write(`data: ${JSON.stringify({ name, payload })}\n\n`);
  });
  const ping = setInterval(() => res.write(': ping\n\n'), 15_000);
  const stop = (): void => {
    clearInterval(ping);
    unsubscribe();
  };
  req.on('close', stop);
  res.on('error', stop);
}

function serveStatic(root: string | null, pathname: string, res: http.ServerResponse): void {
  if (root === null) {
    send(res, 404, 'renderer not built', 'text/plain; charset=utf-8');
    return;
  }
  let rel: string;
  try {
    rel = decodeURIComponent(pathname);
  } catch {
    send(res, 400, 'bad path', 'text/plain; charset=utf-8');
    return;
  }
  const file = path.resolve(root, `.${rel === '/' ? '/index.html' : rel}`);
  const inside = file === root || file.startsWith(root + path.sep);
  const target = inside && fs.existsSync(file) && fs.statSync(file).isFile() ? file : path.join(root, 'index.html');
  const type = TYPES[path.extname(target)] ?? 'application/octet-stream';
  res.writeHead(200, {
    'Content-Type': type,
    'Content-Security-Policy': CSP,
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': 'DENY',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': target.endsWith('index.html') ? 'no-store' : 'max-age=3600',
  });
  fs.createReadStream(target).pipe(res);
}
