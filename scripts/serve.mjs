// `npm run serve`: build if needed, then the browser host on 127.0.0.1.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { register } from 'tsx/esm/api';
import { buildIfNeeded, repoRoot } from './lib.mjs';

buildIfNeeded();
register();
const { runHostFromEnv } = await import(pathToFileURL(path.join(repoRoot, 'src-main', 'host', 'serve.ts')).href);
await runHostFromEnv(repoRoot);
