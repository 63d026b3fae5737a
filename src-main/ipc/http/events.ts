import type http from 'node:http';
import type { EventBus } from '../../services/events';
import { API_HEADERS } from './respond';

export interface EventStreamLimits {
  /** Bytes we may hold for one client that does not read; past this it is dropped. */
  maxQueuedBytes: number;
  /** Comment line that keeps proxies and idle timers from closing a quiet stream. */
  pingMs: number;
}

/**
 * Server-sent events: every bus event to every listening page. A client
 * whose socket stops draining (a frozen tab, a stuck script) would make Node
 * buffer every event for it forever; once its queue passes the limit it is
 * disconnected instead (EventSource reconnects on its own when it recovers).
 */
export function streamEvents(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  bus: EventBus,
  limits: EventStreamLimits,
  log: (line: string) => void,
): void {
  req.socket.setTimeout(0); // a quiet stream is normal; a stuck one is caught by the queue bound
  res.writeHead(200, { ...API_HEADERS, 'Content-Type': 'text/event-stream; charset=utf-8', Connection: 'keep-alive' });
  res.write(': connected\n\n');
  const push = (text: string): void => {
    if (res.destroyed) return;
    if (res.writableLength > limits.maxQueuedBytes) {
      log(`events: dropped a client that stopped reading (${res.writableLength} bytes queued)`);
      stop();
      res.destroy();
      return;
    }
    res.write(text);
  };
  const unsubscribe = bus.subscribe((name, payload) => push(`data: ${JSON.stringify({ name, payload })}\n\n`));
  const ping = setInterval(() => push(': ping\n\n'), limits.pingMs);
  ping.unref();
  let stopped = false;
  function stop(): void {
    if (stopped) return;
    stopped = true;
    clearInterval(ping);
    unsubscribe();
  }
  req.on('close', stop);
  res.on('close', stop);
  res.on('error', stop);
}
