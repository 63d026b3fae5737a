// The host the Playwright suite talks to: a fresh projects folder every run.
import fs from 'node:fs';
import path from 'node:path';
import { repoRoot } from './lib.mjs';

const dir = path.join(repoRoot, 'test-results', 'e2e-projects');
fs.rmSync(dir, { recursive: true, force: true });
fs.mkdirSync(dir, { recursive: true });
process.env.NETTWIN_PROJECTS_DIR = dir;
process.env.NETTWIN_DATA_DIR = path.join(repoRoot, 'test-results', 'e2e-data');
await import('./serve.mjs');
