/**
 * A recording stand-in for the `electron` module (the binary cannot be
 * installed here). Each fake keeps what the code under test registered, so a
 * test can call those handlers the way Electron would and look at the answer.
 * Use with: vi.mock('electron', async () => (await import('./fakeElectron')).electron)
 */
type Listener = (...args: unknown[]) => unknown;

export class FakeEvent {
  defaultPrevented = false;
  constructor(readonly extra: Record<string, unknown> = {}) {
    Object.assign(this, extra);
  }
  preventDefault(): void {
    this.defaultPrevented = true;
  }
}

class Emitter {
  readonly listeners = new Map<string, Listener[]>();
  on(name: string, l: Listener): this {
    this.listeners.set(name, [...(this.listeners.get(name) ?? []), l]);
    return this;
  }
  once(name: string, l: Listener): this {
    return this.on(name, l);
  }
  removeListener(name: string, l: Listener): this {
    this.listeners.set(name, (this.listeners.get(name) ?? []).filter((x) => x !== l));
    return this;
  }
  emit(name: string, ...args: unknown[]): void {
    for (const l of this.listeners.get(name) ?? []) l(...args);
  }
  count(name: string): number {
    return this.listeners.get(name)?.length ?? 0;
  }
}

export class FakeWebContents extends Emitter {
  windowOpenHandler: ((details: { url: string }) => unknown) | undefined;
  sent: { channel: string; args: unknown[] }[] = [];
  destroyed = false;
  constructor(public url: string) {
    super();
  }
  getURL(): string {
    return this.url;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  setWindowOpenHandler(h: (details: { url: string }) => unknown): void {
    this.windowOpenHandler = h;
  }
  send(channel: string, ...args: unknown[]): void {
    this.sent.push({ channel, args });
  }
  async printToPDF(): Promise<Buffer> {
    return Buffer.from('%PDF-fake');
  }
  /** Fires `name` with a fresh event and says whether the code under test prevented it. */
  prevented(name: string, ...args: unknown[]): boolean {
    const event = new FakeEvent();
    this.emit(name, event, ...args);
    return event.defaultPrevented;
  }
}

type Cb = (r: unknown) => void;
export class FakeSession {
  permissionRequest: ((wc: unknown, permission: string, cb: (granted: boolean) => void, details: unknown) => void) | undefined;
  permissionCheck: ((wc: unknown, permission: string, origin: string, details: unknown) => boolean) | undefined;
  devicePermission: ((details: unknown) => boolean) | undefined;
  beforeRequest: ((details: { url: string }, cb: Cb) => void) | undefined;
  headersReceived: ((details: Record<string, unknown>, cb: Cb) => void) | undefined;
  readonly webRequest = {
    onBeforeRequest: (l: (details: { url: string }, cb: Cb) => void): void => {
      this.beforeRequest = l;
    },
    onHeadersReceived: (l: (details: Record<string, unknown>, cb: Cb) => void): void => {
      this.headersReceived = l;
    },
  };
  setPermissionRequestHandler(h: FakeSession['permissionRequest']): void {
    this.permissionRequest = h;
  }
  setPermissionCheckHandler(h: FakeSession['permissionCheck']): void {
    this.permissionCheck = h;
  }
  setDevicePermissionHandler(h: FakeSession['devicePermission']): void {
    this.devicePermission = h;
  }
  /** Runs the registered onBeforeRequest as Electron would and returns its answer. */
  request(url: string): unknown {
    let answer: unknown;
    this.beforeRequest!({ url }, (r) => (answer = r));
    return answer;
  }
  headers(details: Record<string, unknown>): unknown {
    let answer: unknown;
    this.headersReceived!(details, (r) => (answer = r));
    return answer;
  }
}

export class FakeBrowserWindow extends Emitter {
  static created: FakeBrowserWindow[] = [];
  readonly webContents = new FakeWebContents('about:blank');
  loaded: string[] = [];
  destroyed = false;
  constructor(readonly options: Record<string, unknown>) {
    super();
    FakeBrowserWindow.created.push(this);
  }
  async loadFile(file: string): Promise<void> {
    this.loaded.push(file);
  }
  async loadURL(url: string): Promise<void> {
    this.loaded.push(url);
  }
  destroy(): void {
    this.destroyed = true;
  }
}

/** Calls made on the fake, in order, to check what happens before `ready`. */
export const calls: string[] = [];

export const app = Object.assign(new Emitter(), {
  enableSandbox: () => void calls.push('app.enableSandbox'),
  requestSingleInstanceLock: () => (calls.push('app.requestSingleInstanceLock'), true),
  // Never ready: a test of main.ts stops before anything real (native build, services) starts.
  whenReady: () => (calls.push('app.whenReady'), new Promise<void>(() => undefined)),
  quit: () => void calls.push('app.quit'),
  isPackaged: false,
  getPath: (name: string) => `/tmp/fake-${name}`,
});

export const session = { defaultSession: new FakeSession() };

export const exposed: Record<string, unknown> = {};
export const contextBridge = {
  exposeInMainWorld: (key: string, api: unknown): void => {
    exposed[key] = api;
  },
};

export const ipcRenderer = Object.assign(new Emitter(), {
  invoked: [] as { channel: string; input: unknown }[],
  invoke: async (channel: string, input: unknown): Promise<unknown> => {
    ipcRenderer.invoked.push({ channel, input });
    return { ok: true, value: null };
  },
});

export const ipcMain = {
  handlers: new Map<string, Listener>(),
  handle: (channel: string, h: Listener): void => void ipcMain.handlers.set(channel, h),
  removeHandler: (channel: string): void => void ipcMain.handlers.delete(channel),
};

const unused = (name: string) => () => {
  throw new Error(`fake electron: ${name} is not expected in this test`);
};

export const electron = {
  app,
  session,
  BrowserWindow: FakeBrowserWindow,
  contextBridge,
  ipcRenderer,
  ipcMain,
  dialog: { showErrorBox: unused('dialog.showErrorBox'), showMessageBox: unused('dialog.showMessageBox') },
  Menu: { setApplicationMenu: unused('Menu.setApplicationMenu'), buildFromTemplate: unused('Menu.buildFromTemplate') },
};
