import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { electronBindingPath, NativeBindingMissingError, selectNativeBinding } from '../../src-main/store/nativeBinding';

const base = '/data/native';
const electronFacts = { electron: '41.7.1', modules: '145', platform: 'linux', arch: 'x64' };

describe('better-sqlite3 addon selection', () => {
  it('Node (tests, CLI, host) uses the addon in node_modules', () => {
    expect(selectNativeBinding({ modules: '115', platform: 'linux', arch: 'x64' }, base, () => true)).toBeUndefined();
  });

  it('Electron uses its own ABI build from its own folder', () => {
    const want = path.join(base, 'electron-v145-linux-x64', 'better_sqlite3.node');
    expect(electronBindingPath(base, electronFacts)).toBe(want);
    expect(selectNativeBinding(electronFacts, base, (f) => f === want)).toBe(want);
  });

  it('Electron with a build for another ABI or arch does not pick it up', () => {
    const other = path.join(base, 'electron-v140-linux-x64', 'better_sqlite3.node');
    expect(() => selectNativeBinding(electronFacts, base, (f) => f === other)).toThrow(NativeBindingMissingError);
    expect(() => selectNativeBinding({ ...electronFacts, arch: 'arm64' }, base, (f) => f.endsWith('x64/better_sqlite3.node')))
      .toThrow(/Electron 41.7.1 \(ABI 145, linux-arm64\)/);
  });
});
