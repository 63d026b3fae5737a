import { defineConfig } from 'vitest/config';

// Unit, property and integration tests. Browser end-to-end tests live in
// test/e2e and run under Playwright, not here.

/**
 * Files whose assertions bound wall-clock time (event-loop stalls, cancellation
 * within N ms, answers while a sweep runs) or that drive long jobs through a
 * shared host: they run one file at a time, after the rest, so a neighbouring
 * file's CPU never decides their verdict.
 */
const ONE_AT_A_TIME = [
  'test/main/host/**',
  'test/main/jobs/**',
  'test/main/huge/validate-huge.test.ts',
  'test/main/huge/sim-limit.test.ts',
  'test/main/huge/sim-bounded-memory.test.ts',
  // The IPC fuzz waits up to 30 s for each job it started before it judges the next call's rows.
  'test/main/fuzz/ipc-fuzz.test.ts',
  'test/main/soak/**',
  'test/main/workers/pool.test.ts',
  'test/main/workers/idle-cores.test.ts',
  'test/main/import-huge.test.ts',
  'test/main/store/kill-loop.test.ts',
  'test/main/store/races.test.ts',
  'test/shared/io/fuzz-importers.test.ts',
  'test/shared/sim/shared-core-base.test.ts',
  'test/renderer/large-design-actions.test.tsx',
];

const shared = {
  environment: 'node' as const,
  testTimeout: 60_000,
  hookTimeout: 60_000,
  pool: 'forks' as const,
  setupFiles: ['test/setup/fast-check.ts'],
  // Workers start from a bundle of this checkout built once per run (test/setup/worker-bundle.ts).
  globalSetup: ['test/setup/worker-bundle.ts'],
};

export default defineConfig({
  test: {
    projects: [
      {
        // The engine's own tests (src-shared is pure: no I/O, no globals, nothing these files set up that
        // another could see) share their workers' module graph: without isolation each file re-imported
        // and re-compiled the engine (43 of them: 98 → 50 s CPU). Two at a time, like the next group.
        test: {
          ...shared,
          name: 'shared-engine',
          include: ['test/shared/**/*.test.{ts,tsx}'],
          exclude: ['node_modules/**', ...ONE_AT_A_TIME],
          maxWorkers: 2,
          isolate: false,
          sequence: { groupOrder: 0 },
        },
      },
      {
        // Vitest's default is one file at a time on 2 cores (availableParallelism - 1); most files wait
        // on child processes, sockets and worker threads, so two at a time fill the cores.
        test: {
          ...shared,
          name: 'side-by-side',
          include: ['test/**/*.test.{ts,tsx}'],
          exclude: ['test/e2e/**', 'test/shared/**', 'node_modules/**', ...ONE_AT_A_TIME],
          maxWorkers: 2,
          sequence: { groupOrder: 1 },
        },
      },
      {
        test: {
          ...shared,
          name: 'one-at-a-time',
          include: ONE_AT_A_TIME.map((p) => (p.endsWith('**') ? `${p}/*.test.{ts,tsx}` : p)),
          exclude: ['test/e2e/**', 'node_modules/**'],
          maxWorkers: 1,
          sequence: { groupOrder: 2 },
        },
      },
    ],
  },
});
