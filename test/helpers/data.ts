import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Real networks the tests read, kept in the repository (test/data/README.md
 * says where they come from): a clone runs every test with nothing beside it.
 */
/** This folder: vitest defines __dirname; a tsx script (ESM) has only import.meta.url. */
const HERE = typeof __dirname === 'string' ? __dirname : path.dirname(fileURLToPath(import.meta.url));
export const TEST_DATA = path.resolve(HERE, '../data');
export const ZOO_DIR = path.join(TEST_DATA, 'topology-zoo');
export const GOLDEN_DIR = path.join(TEST_DATA, 'golden', 'topology-zoo');

/** How many Topology Zoo networks (and golden analyze outputs) the repository holds. */
export const ZOO_COUNT = 251;

/**
 * The Topology Zoo GraphML file names, sorted. Throws when fewer than
 * ZOO_COUNT are there, so a test never silently runs on part of the data.
 */
export function zooFiles(): string[] {
  const files = fs.readdirSync(ZOO_DIR).filter((f) => f.endsWith('.graphml')).sort();
  if (files.length !== ZOO_COUNT) throw new Error(`${ZOO_DIR} holds ${files.length} GraphML files, expected ${ZOO_COUNT}`);
  return files;
}

/** The golden analyze outputs (`<network>.json`), sorted; the same count check as zooFiles(). */
export function goldenFiles(): string[] {
  const files = fs.readdirSync(GOLDEN_DIR).filter((f) => f.endsWith('.json')).sort();
  if (files.length !== ZOO_COUNT) throw new Error(`${GOLDEN_DIR} holds ${files.length} golden files, expected ${ZOO_COUNT}`);
  return files;
}
