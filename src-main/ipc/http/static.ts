import fs from 'node:fs';
import type http from 'node:http';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { API_HEADERS } from './respond';

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

function plain(res: http.ServerResponse, status: number, text: string): void {
  res.writeHead(status, { ...API_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' });
  res.end(text);
}

/**
 * The built renderer. `root` is the real path of the folder; a request path
 * is resolved against it and then through its symlinks, and only a regular
 * file whose real path is still inside `root` is served: a link in the build
 * output that points elsewhere is treated as absent. Unknown paths get
 * index.html (the app routes on the client).
 */
export async function serveStatic(root: string | null, pathname: string, res: http.ServerResponse, idleMs: number): Promise<void> {
  if (root === null) return plain(res, 404, 'renderer not built');
  let rel: string;
  try {
    rel = decodeURIComponent(pathname);
  } catch {
    return plain(res, 400, 'bad path');
  }
  const inside = (f: string): boolean => f.startsWith(root + path.sep);
  let target = path.join(root, 'index.html');
  const wanted = path.resolve(root, `.${rel === '/' ? '/index.html' : rel}`);
  if (!rel.includes('\0') && inside(wanted)) {
    try {
      const real = fs.realpathSync(wanted);
      if (inside(real) && fs.statSync(real).isFile()) target = real;
    } catch {
      // absent: fall back to index.html
    }
  }
  const type = TYPES[path.extname(target)] ?? 'application/octet-stream';
  res.socket?.setTimeout(idleMs);
  res.writeHead(200, {
    'Content-Type': type,
    'Content-Security-Policy': CSP,
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': 'DENY',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': target.endsWith('index.html') ? 'no-store' : 'max-age=3600',
  });
  try {
    await pipeline(fs.createReadStream(target), res);
  } catch {
    // client went away (or index.html vanished mid-read): nothing to answer
  }
}
