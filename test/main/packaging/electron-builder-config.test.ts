import Ajv from 'ajv';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const root = path.resolve(__dirname, '../../..');
const config = parse(fs.readFileSync(path.join(root, 'electron-builder.yml'), 'utf8')) as Record<string, unknown>;
const schema = JSON.parse(fs.readFileSync(path.join(root, 'node_modules/app-builder-lib/scheme.json'), 'utf8')) as object;

function validator() {
  const ajv = new Ajv({ allErrors: true, strict: false, allowUnionTypes: true });
  return ajv.compile(schema);
}

// electron-builder is never run here (it downloads Electron); its own schema is the offline check.
describe('electron-builder.yml', () => {
  it('is valid against app-builder-lib scheme.json', () => {
    const validate = validator();
    const ok = validate(config);
    expect(validate.errors ?? [], JSON.stringify(validate.errors)).toEqual([]);
    expect(ok).toBe(true);
  });

  it('the schema check rejects a broken config (the check can fail)', () => {
    const validate = validator();
    expect(validate({ ...config, fileAssociations: [{ ext: 42 }] })).toBe(false);
    expect(validate({ ...config, noSuchOption: true })).toBe(false);
  });

  it('associates .nettwin files with the app and never rebuilds native modules in place', () => {
    const assoc = config['fileAssociations'] as { ext: string }[];
    expect(assoc.map((a) => a.ext)).toContain('nettwin');
    expect(config['npmRebuild']).toBe(false);
  });
});
