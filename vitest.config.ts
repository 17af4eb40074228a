import { defineConfig } from 'vitest/config';

// Unit and integration tests under plain Node. They run real git, real files and (later) a real sshd and
// Secret Service; the Playwright suites under e2e/ are run separately by `npm run test:e2e`.
export default defineConfig({
  test: {
    include: ['shared/**/*.test.ts', 'electron/**/*.test.ts', 'renderer/**/*.test.{ts,tsx}', 'e2e/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Most tests wait on child processes (git, the built CLI), not on the CPU: two workers on CI's two
    // cores roughly halve the wall time, where vitest's default (cores - 1) would use one.
    maxWorkers: 2,
  },
});
