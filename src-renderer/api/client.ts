import type { NettwinBridge } from '../../src-shared/contract/bridge';
import type { CallInput, CallOutput, Channel } from '../../src-shared/contract/contract';
import type { EventName, EventPayload } from '../../src-shared/contract/events';
import type { ErrorCode, Result } from '../../src-shared/contract/result';
import type { ProjectInfo } from '../../src-shared/model/records';

/** A failed call, with the code main gave. */
export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
  }
}

const TOKEN_KEY = 'nettwin.token';

/** The browser transport: same calls over HTTP, events over SSE. */
function httpBridge(): NettwinBridge {
  const url = new URL(window.location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl !== null) {
    sessionStorage.setItem(TOKEN_KEY, fromUrl);
    url.searchParams.delete('token');
    window.history.replaceState(null, '', url.toString()); // keep the secret out of screenshots and history
  }
  const token = sessionStorage.getItem(TOKEN_KEY) ?? '';
  const listeners = new Map<string, Set<(p: unknown) => void>>();
  let source: EventSource | null = null;
  const connect = (): void => {
    if (source !== null) return;
    source = new EventSource(`/api/events?token=${encodeURIComponent(token)}`);
    source.onmessage = (ev: MessageEvent<string>) => {
      const msg = JSON.parse(ev.data) as { name: string; payload: unknown };
      listeners.get(msg.name)?.forEach((l) => l(msg.payload));
    };
  };
  return {
    transport: 'http',
    invoke: async (channel, input) => {
      const res = await fetch(`/api/call/${channel}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-NetTwin-Token': token },
        body: JSON.stringify(input ?? {}),
        // project:close is sent as the page goes away (pagehide): keepalive lets it outlive the page.
        keepalive: channel === 'project:close',
      });
      return (await res.json()) as unknown;
    },
    on: (event, listener) => {
      connect();
      let set = listeners.get(event);
      if (!set) listeners.set(event, (set = new Set()));
      set.add(listener);
      return () => set.delete(listener);
    },
  };
}

const bridge: NettwinBridge =
  (window as unknown as { nettwin?: NettwinBridge }).nettwin ?? httpBridge();

/** 'electron' (desktop) or 'http' (browser app): the start page offers upload only in the browser. */
export const transport = bridge.transport;

/**
 * Browser app: whether this tab carries the session token (the `?token=` of
 * the address `npm run serve` prints, kept for the tab's life). Without it
 * every call is refused, so the app says how to open it instead of failing
 * call by call.
 */
export const hasSessionToken = (): boolean => transport !== 'http' || (sessionStorage.getItem(TOKEN_KEY) ?? '') !== '';

/** What to do when the browser host refuses the tab (FORBIDDEN): the same words wherever it shows. */
export const SESSION_HELP =
  "This tab is not connected to NetTwin: it was opened without the session link, or the host was restarted since. Open the address that 'npm run serve' printed in its terminal (it ends in ?token=…); after a restart, use the new address it printed.";

/** Calls main; resolves with the value or throws ApiError with main's message. */
export async function call<C extends Channel>(channel: C, input: CallInput<C>): Promise<CallOutput<C>> {
  let result: Result<CallOutput<C>>;
  try {
    result = (await bridge.invoke(channel, input)) as Result<CallOutput<C>>;
  } catch (err) {
    throw new ApiError('UNREACHABLE', `NetTwin's back end did not answer (${err instanceof Error ? err.message : String(err)})`);
  }
  if (!result.ok) throw new ApiError(result.error.code, result.error.message);
  return result.value;
}

export function onEvent<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
  return bridge.on(event, listener as (p: unknown) => void);
}

/**
 * Browser app only: sends a `.nettwin` file to the host, which checks it is an
 * intact NetTwin project before it joins the projects folder as `name`.
 * (The desktop app opens files with File ▸ Open instead.)
 */
export async function uploadProject(file: Blob, name: string): Promise<ProjectInfo> {
  if (transport !== 'http') throw new ApiError('INVALID_INPUT', 'upload is for the browser app; use File ▸ Open in the desktop app');
  let result: Result<ProjectInfo>;
  try {
    const res = await fetch(`/api/upload?name=${encodeURIComponent(name)}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/octet-stream', 'X-NetTwin-Token': sessionStorage.getItem(TOKEN_KEY) ?? '' },
      body: file,
    });
    result = (await res.json()) as Result<ProjectInfo>;
  } catch (err) {
    throw new ApiError('UNREACHABLE', `NetTwin's back end did not answer (${err instanceof Error ? err.message : String(err)})`);
  }
  if (!result.ok) throw new ApiError(result.error.code, result.error.message);
  return result.value;
}
