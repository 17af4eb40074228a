import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { build } from 'vite';

const execFileAsync = promisify(execFile);

/**
 * One call a child process makes on its keychain store, or on the CLI's token resolution (with `env`
 * added to the environment that resolution reads).
 */
export type SecretsChildStep =
  | { op: 'get' | 'has' | 'delete'; account: string }
  | { op: 'set'; account: string; value: string }
  | { op: 'resolveToken'; host: string; env?: Record<string, string> };

/** What one step returned, or the error it threw, as plain data. */
export type SecretsChildResult =
  | { ok: true; value: unknown }
  | { ok: false; error: { name: string; code?: string; reason?: string; message: string; detail?: string } };

/** Runs keychain steps in fresh Node processes. */
export interface SecretsChildRunner {
  /**
   * Runs `steps` in order in a new Node process with `env`. libsecret and GDBus keep their session bus
   * connection for the life of a process, so a case that needs its own bus (or none) runs there.
   */
  run(env: NodeJS.ProcessEnv, steps: SecretsChildStep[]): Promise<SecretsChildResult[]>;
  dispose(): void;
}

const REPO_ROOT = resolve(import.meta.dirname, '../../..');
const RESULT_PREFIX = 'SECRETS-CHILD-RESULT ';

const CHILD_SCRIPT = `
const secretsModule = await import(process.env.RD_SECRETS_BUNDLE);
const secrets = secretsModule.createKeychainSecretStore();
const results = [];
for (const step of JSON.parse(process.env.RD_SECRET_STEPS)) {
  try {
    let value;
    if (step.op === 'get') value = await secrets.get(step.account);
    else if (step.op === 'has') value = await secrets.has(step.account);
    else if (step.op === 'delete') value = await secrets.delete(step.account);
    else if (step.op === 'set') value = await secrets.set(step.account, step.value);
    else value = await secretsModule.resolveGitHubToken({ host: step.host, env: { ...process.env, ...step.env }, secrets });
    results.push({ ok: true, value: value ?? null });
  } catch (error) {
    const { name, code, reason, message, detail } = error;
    results.push({ ok: false, error: { name, code, reason, message, detail } });
  }
}
process.stdout.write('${RESULT_PREFIX}' + JSON.stringify(results) + '\\n');
`;

/**
 * Bundles the store and the token resolution once with Vite (a devDependency; much as electron-vite
 * bundles them for the app) and returns a runner whose children import that bundle. One bundle keeps one
 * copy of the error classes, and a child then starts in a fraction of the time a TypeScript loader takes.
 * `@github/keytar` stays external and is found through `NODE_PATH`, as the app finds it in node_modules.
 */
export async function createSecretsChildRunner(): Promise<SecretsChildRunner> {
  const dir = mkdtempSync(join(tmpdir(), 'rd-secrets-child-'));
  const entry = join(dir, 'entry.ts');
  writeFileSync(
    entry,
    ['secret-store.ts', 'env-token.ts']
      .map((file) => `export * from ${JSON.stringify(resolve(import.meta.dirname, file))};\n`)
      .join(''),
  );
  try {
    await build({
      configFile: false,
      logLevel: 'silent',
      root: REPO_ROOT,
      build: {
        ssr: entry,
        outDir: join(dir, 'out'),
        minify: false,
        rollupOptions: { external: ['@github/keytar'], output: { format: 'es', entryFileNames: 'secrets.mjs' } },
      },
    });
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  const bundle = join(dir, 'out', 'secrets.mjs');

  return {
    async run(env, steps) {
      const { stdout } = await execFileAsync(process.execPath, ['--input-type=module', '-e', CHILD_SCRIPT], {
        cwd: REPO_ROOT,
        env: {
          ...env,
          NODE_PATH: join(REPO_ROOT, 'node_modules'),
          RD_SECRETS_BUNDLE: bundle,
          RD_SECRET_STEPS: JSON.stringify(steps),
        },
        timeout: 60_000,
        maxBuffer: 16 * 1024 * 1024,
      });
      const line = stdout.split('\n').find((candidate) => candidate.startsWith(RESULT_PREFIX));
      if (line === undefined) throw new Error(`The child process printed no result. Its output:\n${stdout}`);
      return JSON.parse(line.slice(RESULT_PREFIX.length)) as SecretsChildResult[];
    },
    dispose() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
