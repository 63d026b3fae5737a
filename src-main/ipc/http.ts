import fs from 'node:fs';
import http from 'node:http';
import type net from 'node:net';
import { HOST_MAX_BODY_BYTES } from '../../src-shared/lib/limits';
import type { EventBus } from '../services/events';
import type { Dispatch } from './dispatch';
import { readBody } from './http/body';
import { streamEvents } from './http/events';
import { download, upload, type HostFiles } from './http/files';
import { ConnectionGuard } from './http/connections';
import { checkCaller, hasToken } from './http/gate';
import { onClientError, refuseAndClose, sendError, sendJson } from './http/respond';
import { serveStatic } from './http/static';

export type { HostFiles } from './http/files';

/**
 * How long and how much. The host serves one person's browser over loopback,
 * so any honest request arrives in milliseconds; the limits are there for a
 * stuck or hostile client, and every one of them frees a socket:
 * - headers 10 s: a browser sends its headers in one packet; slowloris
 *   clients (a byte every few seconds) are cut off here.
 * - idle 30 s: silence while a body arrives or while a download is read; long
 *   enough for a tab the browser throttles in the background.
 * - request 120 s: the whole request including body; a 1 GB upload over
 *   loopback takes seconds, so this only ends a client that trickles.
 * - keep-alive 5 s between requests on one connection.
 * - 256 connections: far above what a few tabs open (browsers use 6 per
 *   host), well below the process's file descriptor limit. A newcomer past
 *   it is let in and a connection that never showed the token leaves first
 *   (http/connections.ts), so sockets without the token cannot lock out the
 *   page that has it.
 * - 32 event streams: a tab needs one; past it the oldest is closed.
 * - 64 calls in flight: bodies of up to 32 MB are held in memory while a call
 *   runs; this bounds that memory, and answers 503 rather than queueing.
 */
export interface HostLimits {
  headersTimeoutMs: number;
  idleTimeoutMs: number;
  requestTimeoutMs: number;
  keepAliveTimeoutMs: number;
  maxConnections: number;
  maxInFlightCalls: number;
  maxBodyBytes: number;
  maxUploadBytes: number;
  /** Event streams open at once; past this the oldest is closed (see http/connections.ts). */
  maxEventStreams: number;
  /** Per event-stream client: queued bytes before it is dropped. */
  sseMaxQueuedBytes: number;
  ssePingMs: number;
  /**
   * How long after the last page's event stream closes the host waits before
   * calling onClientsGone (a reload reconnects within it and keeps its projects).
   */
  clientsGoneGraceMs: number;
}

export const DEFAULT_LIMITS: HostLimits = {
  headersTimeoutMs: 10_000,
  idleTimeoutMs: 30_000,
  requestTimeoutMs: 120_000,
  keepAliveTimeoutMs: 5_000,
  maxConnections: 256,
  maxEventStreams: 32,
  maxInFlightCalls: 64,
  maxBodyBytes: HOST_MAX_BODY_BYTES,
  maxUploadBytes: 1024 * 1024 * 1024,
  sseMaxQueuedBytes: 8 * 1024 * 1024,
  ssePingMs: 15_000,
  clientsGoneGraceMs: 10_000,
};

export interface HttpHostOptions {
  files?: HostFiles;
  dispatch: Dispatch;
  bus: EventBus;
  /** Built renderer (index.html + assets); absent means API only. */
  staticDir: string | null;
  port: number;
  /** Per-start secret every call and event stream must carry (at least 8 characters). */
  token: string;
  limits?: Partial<HostLimits>;
  /** Never given the token, a request line or a raw packet. */
  log?: (line: string) => void;
  /**
   * Every page has gone: the last event stream closed and none came back
   * within clientsGoneGraceMs. The browser host releases its projects' locks
   * here, for a tab closed without its pagehide call getting through.
   */
  onClientsGone?: () => void;
}

/** Counts open event streams (one per page); `gone` runs once none has been open for graceMs. */
function pageCounter(graceMs: number, gone: () => void): { opened: () => void; closed: () => void } {
  let open = 0;
  let timer: NodeJS.Timeout | null = null;
  return {
    opened: () => {
      open++;
      if (timer !== null) clearTimeout(timer);
      timer = null;
    },
    closed: () => {
      open = Math.max(0, open - 1);
      if (open > 0) return;
      if (timer !== null) clearTimeout(timer);
      timer = setTimeout(() => {
        timer = null;
        if (open === 0) gone();
      }, graceMs);
      timer.unref();
    },
  };
}

/**
 * The browser transport: the same dispatch as Electron's ipcMain behind
 * `POST /api/call/<channel>`, events over SSE at `/api/events`, project files
 * at `/api/files/<id>` and `/api/upload?name=`, and the built renderer as
 * static files (which need no token: they hold no data). Loopback only;
 * checkCaller refuses foreign Host/Origin/Sec-Fetch-Site, and everything
 * under /api/ needs the token.
 */
export function createHttpHost(opts: HttpHostOptions): http.Server {
  if (opts.token.length < 8 || !/^[\x21-\x7e]+$/.test(opts.token)) {
    throw new Error('the session token must be at least 8 printable ASCII characters without spaces');
  }
  const limits: HostLimits = { ...DEFAULT_LIMITS, ...opts.limits };
  if (limits.headersTimeoutMs > limits.requestTimeoutMs) throw new Error('headersTimeoutMs must not exceed requestTimeoutMs');
  const log = opts.log ?? (() => undefined);
  const staticRoot = opts.staticDir === null ? null : fs.realpathSync(opts.staticDir);
  let inFlight = 0;
  const guard = new ConnectionGuard(limits.maxConnections, limits.maxEventStreams, log);
  const pages = pageCounter(limits.clientsGoneGraceMs, () => {
    log('events: every page has gone; releasing open projects');
    opts.onClientsGone?.();
  });

  const route = async (req: http.IncomingMessage, res: http.ServerResponse, url: URL): Promise<void> => {
    const { pathname } = url;
    const method = req.method ?? '';
    if (!pathname.startsWith('/api/')) {
      if (method !== 'GET' && method !== 'HEAD') return sendError(res, 405, 'FORBIDDEN', `${method} not allowed here; use GET`, { Allow: 'GET, HEAD' });
      return serveStatic(staticRoot, pathname, res, limits.idleTimeoutMs);
    }
    if (!hasToken(req, url, opts.token)) return sendError(res, 401, 'FORBIDDEN', 'missing or wrong session token', { Connection: 'close' });
    guard.trust(req.socket);
    const allow = (m: string): boolean => {
      if (method === m) return true;
      sendError(res, 405, 'FORBIDDEN', `${method} not allowed on ${pathname.split('/').slice(0, 3).join('/')}; use ${m}`, { Allow: m });
      return false;
    };
    if (pathname === '/api/events') {
      if (!allow('GET')) return;
      guard.stream(req.socket);
      pages.opened();
      res.once('close', pages.closed);
      return streamEvents(req, res, opts.bus, { maxQueuedBytes: limits.sseMaxQueuedBytes, pingMs: limits.ssePingMs }, log);
    }
    if (opts.files && pathname.startsWith('/api/files/')) {
      if (!allow('GET')) return;
      let id: string;
      try {
        id = decodeURIComponent(pathname.slice('/api/files/'.length));
      } catch {
        return sendError(res, 400, 'INVALID_INPUT', 'file id is not valid percent-encoding');
      }
      return download(res, opts.files, id, limits.idleTimeoutMs, log);
    }
    if (opts.files && pathname === '/api/upload') {
      if (!allow('POST')) return;
      return upload(req, res, opts.files, url.searchParams.get('name') ?? '', { maxUploadBytes: limits.maxUploadBytes, idleTimeoutMs: limits.idleTimeoutMs }, log);
    }
    const m = /^\/api\/call\/([a-zA-Z]+:[a-zA-Z]+)$/.exec(pathname);
    if (!m) return sendError(res, 404, 'UNKNOWN_CHANNEL', 'no such endpoint');
    if (!allow('POST')) return;
    if (inFlight >= limits.maxInFlightCalls) {
      return refuseAndClose(res, 503, 'INTERNAL', `the host is busy (${limits.maxInFlightCalls} calls in flight); try again`);
    }
    inFlight++;
    const end = guard.begin(req.socket);
    try {
      await call(req, res, m[1]!);
    } finally {
      end();
      inFlight--;
    }
  };

  const call = async (req: http.IncomingMessage, res: http.ServerResponse, channel: string): Promise<void> => {
    const { outcome, body } = await readBody(req, limits.maxBodyBytes, limits.idleTimeoutMs);
    if (outcome === 'too-large') return refuseAndClose(res, 413, 'TOO_LARGE', `request larger than ${limits.maxBodyBytes} bytes`);
    if (outcome === 'gone') return;
    let input: unknown;
    try {
      const text = body.toString('utf8');
      input = text.length === 0 ? {} : (JSON.parse(text) as unknown);
    } catch {
      return sendError(res, 400, 'INVALID_INPUT', `${channel}: request body is not JSON`);
    }
    if (typeof input !== 'object' || input === null || Array.isArray(input)) {
      return sendError(res, 400, 'INVALID_INPUT', `${channel}: request body must be a JSON object, not ${Array.isArray(input) ? 'an array' : input === null ? 'null' : typeof input}`);
    }
    // A client that disconnects before its answer aborts the work it asked for (an import of a large file stops).
    const gone = new AbortController();
    const onClose = (): void => {
      if (!res.writableEnded) gone.abort();
    };
    res.on('close', onClose);
    let result: Awaited<ReturnType<Dispatch>>;
    try {
      result = await opts.dispatch(channel, input, { signal: gone.signal });
    } finally {
      res.off('close', onClose);
    }
    if (gone.signal.aborted) return;
    res.socket?.setTimeout(limits.idleTimeoutMs); // the answer must be read, too
    sendJson(res, 200, JSON.stringify(result));
  };

  const server = http.createServer(
    // Node checks header and request timeouts on this period (default 30 s, which would stretch a 10 s limit to 40 s).
    { connectionsCheckingInterval: Math.max(50, Math.min(1000, Math.floor(limits.headersTimeoutMs / 4))) },
    (req, res) => {
      const port = (server.address() as { port: number } | null)?.port ?? opts.port;
      let url: URL;
      try {
        url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`); // a fixed base: the Host header is not trusted yet
      } catch {
        return sendError(res, 400, 'INVALID_INPUT', 'malformed request target', { Connection: 'close' });
      }
      const refusal = checkCaller(req, port, url.pathname.startsWith('/api/'));
      if (refusal) return sendError(res, refusal.status, refusal.code, refusal.message, { Connection: 'close' });
      route(req, res, url).catch((err: unknown) => {
        // A bug, not the client's fault: log it (no token, no body) and answer without details.
        log(`http ${url.pathname.slice(0, 100)}: ${err instanceof Error ? err.message : String(err)}`);
        sendError(res, 500, 'INTERNAL', 'internal error in the host; see its log');
      });
    },
  );
  server.on('clientError', onClientError);
  server.headersTimeout = limits.headersTimeoutMs;
  server.requestTimeout = limits.requestTimeoutMs;
  server.keepAliveTimeout = limits.keepAliveTimeoutMs;
  // The cap is kept by the guard, which chooses who leaves; Node's own would refuse the newcomer.
  server.on('connection', (socket: net.Socket) => guard.admit(socket));
  return server;
}
