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
  },
});
