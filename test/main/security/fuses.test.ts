import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const root = path.resolve(__dirname, '../../..');
const config = parse(fs.readFileSync(path.join(root, 'electron-builder.yml'), 'utf8')) as { electronFuses?: Record<string, boolean> };

// Fuses are flipped in the packaged binary, where no runtime setting can turn them back.
describe('electron-builder.yml fuses', () => {
  it('turns off Node entry points and checks the asar', () => {
    expect(config.electronFuses).toMatchObject({
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      enableCookieEncryption: true,
    });
  });

  it('keeps runAsNode on only while the app builds its native binding under ELECTRON_RUN_AS_NODE', () => {
    const nativeBuild = fs.readFileSync(path.join(root, 'src-main', 'app', 'nativeBuild.ts'), 'utf8');
    // When nativeBuild stops needing it, this fails until the fuse is turned off.
    expect(config.electronFuses?.['runAsNode']).toBe(nativeBuild.includes("ELECTRON_RUN_AS_NODE: '1'"));
  });
});
