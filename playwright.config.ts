import { defineConfig, type Project } from '@playwright/test';
import { findElectronBinary } from './e2e/electron/electron-binary';

/** Debian's Chromium, with nothing that phones home or needs a GPU. */
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const projects: Project[] = [
  {
    name: 'chromium',
    // vitest owns *.test.ts; the Electron suite is its own project below.
    testMatch: '**/*.spec.ts',
    testIgnore: '**/electron/**',
    use: {
      browserName: 'chromium',
      launchOptions: { executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS },
    },
  },
];

// Requiring `electron` would try to download a missing binary, so look for the file instead. Workers
// load this config too; only the main process prints, so the line appears exactly once.
const electronBinary = findElectronBinary(import.meta.dirname);
if (electronBinary) {
  projects.push({ name: 'electron', testMatch: 'electron/**/*.electron.spec.ts', timeout: 60_000 });
} else if (!process.env.TEST_WORKER_INDEX) {
  console.log(
    'electron suite: not run — no Electron binary in node_modules/electron/dist (it downloads on first `npm start`)',
  );
}

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results',
  fullyParallel: true,
  workers: 2,
  reporter: 'list',
  timeout: 30_000,
  expect: { timeout: 5_000 },
  forbidOnly: !!process.env.CI,
  use: {
    screenshot: 'only-on-failure',
    // The app honours reduced motion, so actions need not wait for dialog animations to settle.
    reducedMotion: 'reduce',
    // DOM snapshots and sources, without the screencast: the film strip costs about a third of the run
    // on a two-core machine, and the failure screenshot above already shows the final frame.
    trace: { mode: 'retain-on-failure', screenshots: false },
  },
  projects,
});
