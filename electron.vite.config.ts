import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

// Three bundles: Electron main (+ the simulator and import workers), the sandboxed preload
// (CommonJS: sandboxed preloads cannot be ES modules), and the React renderer.
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      // playwright-core (a devDependency) drives Chromium for PDFs in the CLI and the browser host only;
      // Electron prints with printToPDF. Bundling it would ship 3 MB of unreviewed code with eval inside.
      externalizeDeps: { include: ['playwright-core'] },
      rollupOptions: {
        // The simulator worker is its own entry: the pool starts it as simulator.worker.js next to main.js.
        input: {
          main: resolve('src-main/app/main.ts'),
          'simulator.worker': resolve('src-main/workers/simulator.worker.ts'),
          'import.worker': resolve('src-main/workers/import.worker.ts'),
          'validate.worker': resolve('src-main/workers/validate.worker.ts'),
          'planning.worker': resolve('src-main/workers/planning.worker.ts'),
        },
        output: { entryFileNames: '[name].js' },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve('src-main/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'src-renderer',
    build: {
      outDir: 'out/renderer',
      rollupOptions: { input: resolve('src-renderer/index.html') },
    },
    worker: { format: 'es' },
    plugins: [react()],
  },
});
