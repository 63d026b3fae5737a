import path from 'node:path';

/**
 * better-sqlite3 ships one native addon, built for the ABI of the runtime that
 * installed it (Node here). Electron has its own ABI, so the Electron main
 * loads a second build kept in its own folder and passed as `nativeBinding`;
 * the Node build in node_modules stays untouched for tests, CLI and host.
 */
export interface RuntimeFacts {
  /** `process.versions.electron` when running inside Electron. */
  readonly electron?: string | undefined;
  /** `process.versions.modules`: the NODE_MODULE_VERSION of this runtime. */
  readonly modules: string;
  readonly platform: string;
  readonly arch: string;
}

export class NativeBindingMissingError extends Error {
  override name = 'NativeBindingMissingError';
}

/** Folder that holds the Electron-ABI addon for one runtime. */
export function electronBindingDir(baseDir: string, facts: RuntimeFacts): string {
  return path.join(baseDir, `electron-v${facts.modules}-${facts.platform}-${facts.arch}`);
}

export function electronBindingPath(baseDir: string, facts: RuntimeFacts): string {
  return path.join(electronBindingDir(baseDir, facts), 'better_sqlite3.node');
}

/**
 * Which addon to load: `undefined` means better-sqlite3's own (Node ABI);
 * under Electron, the path of the Electron-ABI build, which must exist.
 */
export function selectNativeBinding(
  facts: RuntimeFacts,
  baseDir: string,
  exists: (file: string) => boolean,
): string | undefined {
  if (facts.electron === undefined) return undefined;
  const file = electronBindingPath(baseDir, facts);
  if (!exists(file)) {
    throw new NativeBindingMissingError(
      `no Electron-ABI build of better-sqlite3 for Electron ${facts.electron} ` +
        `(ABI ${facts.modules}, ${facts.platform}-${facts.arch}) at ${file}`,
    );
  }
  return file;
}
