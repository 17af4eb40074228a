import { defineConfig } from 'vitest/config';

// `npm run bench` runs this after the plain-Node benches: the GitHub request-count bench needs the
// TypeScript services (real server, real client), which the build does not expose in out/. It prints
// figures and asserts nothing; the unit-test config (vitest.config.ts) never picks it up.
export default defineConfig({
  test: {
    include: ['e2e/bench/*.bench-run.ts'],
    environment: 'node',
    pool: 'forks',
    testTimeout: 600_000,
    // The bench prints its own table; let it reach the terminal as written.
    disableConsoleIntercept: true,
  },
});
