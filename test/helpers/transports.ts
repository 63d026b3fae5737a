import path from 'node:path';
import type { Result } from '../../src-shared/contract/result';
import { createServices, type Services } from '../../src-main/services/container';
import { createDispatch } from '../../src-main/ipc/dispatch';
import { makeIpcHandler } from '../../src-main/ipc/electronHandler';
import { createHandlers } from '../../src-main/ipc/handlers';
import { createHttpHost } from '../../src-main/ipc/http';
import { tempDir } from './tmp';

export interface Transport {
  name: 'electron' | 'http';
  services: Services;
  call(channel: string, input: unknown): Promise<Result<unknown>>;
  /**
   * Starts listening; resolves once the subscription is live with a promise
   * of the payload of the first event `name` that matches.
   */
  listen(name: string, match: (p: Record<string, unknown>) => boolean): Promise<{ event: Promise<Record<string, unknown>> }>;
  close(): Promise<void>;
}

function waitForEvent(services: Services, name: string, match: (p: Record<string, unknown>) => boolean) {
  return new Promise<Record<string, unknown>>((resolve) => {
    const off = services.bus.subscribe((n, p) => {
      if (n === name && match(p as Record<string, unknown>)) {
        off();
        resolve(p as Record<string, unknown>);
      }
    });
  });
}

/** Electron's transport as ipcMain runs it, with a trusted sender frame. */
export function electronTransport(): Transport {
  const tmp = tempDir();
  const services = createServices({ mode: 'browser', projectsDir: path.join(tmp.dir, 'projects'), dataDir: path.join(tmp.dir, 'data') });
  const dispatch = createDispatch(createHandlers(services));
  return {
    name: 'electron',
    services,
    call: (channel, input) =>
      makeIpcHandler(channel, dispatch, (u) => u.startsWith('file://'))({ senderFrame: { url: 'file:///app/index.html' } }, input),
    listen: async (name, match) => ({ event: waitForEvent(services, name, match) }),
    close: async () => {
      services.dispose();
      tmp.cleanup();
    },
  };
}

/** The browser host over real HTTP on an ephemeral loopback port; events over SSE. */
export async function httpTransport(): Promise<Transport & { port: number; token: string }> {
  const tmp = tempDir();
  const services = createServices({ mode: 'browser', projectsDir: path.join(tmp.dir, 'projects'), dataDir: path.join(tmp.dir, 'data') });
  const dispatch = createDispatch(createHandlers(services));
  const token = 'test-token-0123456789';
  const server = createHttpHost({ dispatch, bus: services.bus, staticDir: null, port: 0, token });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const port = (server.address() as { port: number }).port;
  const base = `http://127.0.0.1:${port}`;
  return {
    name: 'http',
    services,
    port,
    token,
    call: async (channel, input) => {
      const res = await fetch(`${base}/api/call/${channel}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-NetTwin-Token': token },
        body: JSON.stringify(input),
      });
      return (await res.json()) as Result<unknown>;
    },
    listen: async (name, match) => {
      const ctrl = new AbortController();
      const res = await fetch(`${base}/api/events?token=${token}`, { signal: ctrl.signal });
      const reader = res.body!.getReader();
      const decoder = new TextDecoder();
      const first = await reader.read(); // ': connected' — the bus subscription exists now
      let buf = first.value ? decoder.decode(first.value, { stream: true }) : '';
      return { event: readUntil() };
      async function readUntil(): Promise<Record<string, unknown>> {
      for (;;) {
        let i: number;
        while ((i = buf.indexOf('\n\n')) >= 0) {
          const frame = buf.slice(0, i);
          buf = buf.slice(i + 2);
          if (!frame.startsWith('data: ')) continue;
          const msg = JSON.parse(frame.slice(6)) as { name: string; payload: Record<string, unknown> };
          if (msg.name === name && match(msg.payload)) {
            ctrl.abort();
            return msg.payload;
          }
        }
        const { value, done } = await reader.read();
        if (done) throw new Error('event stream ended');
        buf += decoder.decode(value, { stream: true });
      }
      }
    },
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
      services.dispose();
      tmp.cleanup();
    },
  };
}
