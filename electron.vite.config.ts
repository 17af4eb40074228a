import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

// One build for the three Electron targets, plus the CLI as a second main-process entry so the app
// and the `release-desk` command ship the very same services and flows.
export default defineConfig({
  main: {
    plugins: [
      {
        // The demo script is uploaded to servers as it is: ship it next to main (out/main/feature-demo.sh),
        // where `bundledDemoScriptPath` finds it in the app and the installed CLI alike.
        name: 'release-desk-demo-script',
        generateBundle() {
          const source = readFileSync(resolve(import.meta.dirname, 'resources/feature-demo.sh'), 'utf8');
          this.emitFile({ type: 'asset', fileName: 'feature-demo.sh', source });
        },
      },
    ],
    build: {
      outDir: 'out/main',
      // Bundled rather than resolved from node_modules at run time: the CLI starts for every command,
      // and loading these as one file is measurably faster. keytar (native) and electron stay external.
      externalizeDeps: {
        exclude: [
          'zod',
          'simple-git',
          'yaml',
          'smol-toml',
          'commander',
          'conventional-commits-parser',
          'semver',
          'graphql',
        ],
      },
      rollupOptions: {
        input: {
          index: resolve(import.meta.dirname, 'electron/main/index.ts'),
          cli: resolve(import.meta.dirname, 'electron/main/cli-entry.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // A sandboxed preload can only `require('electron')`: bundle everything else, as CommonJS.
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve(import.meta.dirname, 'electron/preload/index.ts') },
        external: ['electron'],
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(import.meta.dirname, 'renderer'),
    base: './',
    build: {
      outDir: resolve(import.meta.dirname, 'out/renderer'),
      minify: true,
      rollupOptions: { input: resolve(import.meta.dirname, 'renderer/index.html') },
    },
    plugins: [react()],
  },
});
