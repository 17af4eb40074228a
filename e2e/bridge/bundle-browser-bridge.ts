import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Rolldown } from 'vite';

const HERE = dirname(fileURLToPath(import.meta.url));

let cached: Promise<string> | undefined;

function isOutput(value: unknown): value is Rolldown.RolldownOutput {
  return typeof value === 'object' && value !== null && 'output' in value;
}

/**
 * Bundles `browser-bridge.ts` (and the real `createApi` it imports) into one classic script, with
 * vite's build API and nothing written to disk. Done once per worker process, then reused.
 */
export function bundleBrowserBridge(): Promise<string> {
  cached ??= (async () => {
    const result = await build({
      configFile: false,
      envFile: false,
      logLevel: 'silent',
      root: HERE,
      publicDir: false,
      build: {
        write: false,
        emptyOutDir: false,
        minify: false,
        target: 'es2022',
        copyPublicDir: false,
        reportCompressedSize: false,
        lib: {
          entry: join(HERE, 'browser-bridge.ts'),
          formats: ['iife'],
          name: 'releaseDeskE2eBridge',
          fileName: () => 'bridge.js',
        },
      },
    });
    const outputs = (Array.isArray(result) ? result : [result]).filter(isOutput);
    const chunk = outputs.flatMap((output) => output.output).find((file) => file.type === 'chunk');
    if (!chunk || chunk.type !== 'chunk') throw new Error('Bundling the e2e browser bridge produced no script.');
    return chunk.code;
  })();
  return cached;
}
