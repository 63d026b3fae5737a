// `npm start`: the desktop app when Electron is installed, else the browser app.
import { spawn } from 'node:child_process';
import { buildIfNeeded, electronBinary, repoRoot } from './lib.mjs';

const { bin, reason } = electronBinary();
if (bin === null) {
  console.log(`Electron is not available here: ${reason}. Starting the browser app instead.`);
  await import('./serve.mjs');
} else {
  buildIfNeeded();
  const child = spawn(bin, [repoRoot, ...process.argv.slice(2)], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
}
