import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/ipc/errors';
import { createGitSandbox, type GitSandbox } from '../testing/git-sandbox';
import { createGitService, type CloneProgress, type GitService } from './git-service';

async function failureOf(work: Promise<unknown>): Promise<AppError> {
  const error = await work.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

/** Writes an executable shell script. */
function writeScript(path: string, body: string): void {
  writeFileSync(path, `#!/bin/sh\n${body}\n`);
  chmodSync(path, 0o755);
}

/** A git fast-import stream of `count` commits on main, each changing one of a few files. */
function fastImportStream(count: number): string {
  const parts: string[] = [];
  for (let i = 1; i <= count; i += 1) {
    // Distinct, poorly compressible content so the pack is big enough for git to report progress.
    const content =
      Array.from({ length: 64 }, (_, line) => `${i}:${line}:${((i * 7919 + line * 104729) % 1e9).toString(36)}`).join(
        '\n',
      ) + '\n';
    parts.push(
      'commit refs/heads/main',
      `committer Test Author <author@example.test> ${1_700_000_000 + i * 60} +0000`,
      `data <<EOM\nfeat: change ${i}\nEOM`,
      `M 644 inline src/file-${i % 25}.txt`,
      `data ${Buffer.byteLength(content)}`,
      content,
    );
  }
  return `${parts.join('\n')}\n`;
}

describe('git service (real git)', () => {
  let sandbox: GitSandbox;
  let restoreEnv: () => void;
  let hooksDir: string;
  let git: GitService;

  beforeEach(() => {
    sandbox = createGitSandbox();
    restoreEnv = sandbox.activate();
    hooksDir = join(sandbox.root, 'app-data', 'git-hooks-disabled');
    git = createGitService({ hooksDir });
  });
  afterEach(() => {
    restoreEnv();
    sandbox.dispose();
  });

  describe('hooks are off', () => {
    it('runs no hook from a global core.hooksPath, although plain git does', async () => {
      const evilHooks = join(sandbox.root, 'evil-hooks');
      const marker = join(sandbox.root, 'hook-ran');
      mkdirSync(evilHooks);
      writeScript(join(evilHooks, 'reference-transaction'), `echo "$1" >> '${marker}'`);
      sandbox.git(['config', '--global', 'core.hooksPath', evilHooks]);
      sandbox.createRemote('hotosm', 'field-tm');

      // Control: the hook is live, and plain git in the same environment runs it while cloning.
      sandbox.git([
        'clone',
        '--no-checkout',
        '--',
        'https://github.com/hotosm/field-tm.git',
        join(sandbox.root, 'plain'),
      ]);
      expect(existsSync(marker)).toBe(true);
      execFileSync('rm', ['-f', marker]);

      const target = join(sandbox.root, 'managed', 'field-tm');
      mkdirSync(join(sandbox.root, 'managed'));
      await git.clone('https://github.com/hotosm/field-tm.git', target);

      expect(existsSync(join(target, '.git'))).toBe(true);
      expect(existsSync(marker)).toBe(false);
      expect(readdirSync(hooksDir)).toEqual([]);
    });
  });

  describe('no terminal prompts', () => {
    let server: Server;
    let requests: { url: string; headers: IncomingHttpHeaders }[];

    beforeEach(async () => {
      requests = [];
      // Git's smart-HTTP discovery request gets what a private GitHub repository answers without credentials.
      server = createServer((request, response) => {
        requests.push({ url: request.url ?? '', headers: request.headers });
        response.writeHead(401, { 'WWW-Authenticate': 'Basic realm="GitHub"', 'Content-Type': 'text/plain' });
        response.end('Unauthorized\n');
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    });
    afterEach(async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    });

    it('fails fast with AUTH_FAILED when the server asks for credentials, even if the parent allows prompts', async () => {
      const { port } = server.address() as AddressInfo;
      const askpassMarker = join(sandbox.root, 'askpass-ran');
      const askpass = join(sandbox.root, 'askpass.sh');
      writeScript(askpass, `echo called >> '${askpassMarker}'\necho stolen`);
      // A parent environment that would make git prompt or ask a helper program: the runner must drop it all.
      process.env.GIT_TERMINAL_PROMPT = '1';
      process.env.GIT_ASKPASS = askpass;
      process.env.SSH_ASKPASS = askpass;

      const url = `http://127.0.0.1:${port}/hotosm/private.git`;
      const error = await failureOf(git.clone(url, join(sandbox.root, 'private')));

      expect(error.code).toBe('AUTH_FAILED');
      expect(error.detail).toMatch(/terminal prompts disabled/);
      expect(error.message).toContain(url);
      expect(requests.length).toBeGreaterThan(0);
      expect(requests[0]?.url).toBe('/hotosm/private.git/info/refs?service=git-upload-pack');
      expect(requests.every((request) => request.headers.authorization === undefined)).toBe(true);
      expect(existsSync(askpassMarker)).toBe(false);
      expect(existsSync(join(sandbox.root, 'private'))).toBe(false);
    }, 15_000);
  });

  describe('options cannot be smuggled in as a URL', () => {
    it('treats a "URL" starting with "-" as a repository name, so nothing runs', async () => {
      const marker = join(sandbox.root, 'pwned');
      const payload = `--upload-pack=touch ${marker}`;
      const bare = sandbox.createRemote('hotosm', 'field-tm');

      // Control: read as an option, the payload does run.
      expect(() => sandbox.git(['clone', payload, `file://${bare}`, join(sandbox.root, 'control')])).toThrow();
      expect(existsSync(marker)).toBe(true);
      execFileSync('rm', ['-f', marker]);

      const error = await failureOf(git.clone(payload, join(sandbox.root, 'target')));

      expect(existsSync(marker)).toBe(false);
      // git saw it after `--`, as the name of a repository that does not exist.
      expect(error.detail).toBe(`fatal: repository '${payload}' does not exist`);
      expect(existsSync(join(sandbox.root, 'target'))).toBe(false);
    });
  });

  describe('clone progress', () => {
    it('reports percentages while cloning a repository with a few hundred commits', async () => {
      const bare = join(sandbox.root, 'remotes', 'big.git');
      sandbox.git(['init', '--bare', '--initial-branch=main', '--', bare]);
      execFileSync('git', ['fast-import', '--quiet'], { cwd: bare, env: sandbox.env, input: fastImportStream(400) });
      expect(sandbox.git(['rev-list', '--count', 'main'], bare)).toBe('400');

      const progress: CloneProgress[] = [];
      const target = join(sandbox.root, 'big-clone');
      await git.clone(`file://${bare}`, target, (event) => progress.push(event));

      expect(sandbox.git(['rev-list', '--count', 'main'], target)).toBe('400');
      expect(progress.length).toBeGreaterThan(0);
      for (const event of progress) {
        expect(Number.isInteger(event.percent)).toBe(true);
        expect(event.percent).toBeGreaterThanOrEqual(0);
        expect(event.percent).toBeLessThanOrEqual(100);
      }
      // Git's own local phase names, in order, each counting up: a progress bar never jumps back.
      const phases = [...new Set(progress.map((event) => event.phase))];
      expect(phases[0]).toBe('receiving');
      expect(phases).toEqual(['receiving', 'resolving'].filter((phase) => phases.includes(phase)));
      for (const phase of phases) {
        const percents = progress.filter((event) => event.phase === phase).map((event) => event.percent);
        expect(percents).toEqual([...percents].sort((a, b) => a - b));
      }
    });

    it('clones without a progress listener', async () => {
      sandbox.createRemote('hotosm', 'field-tm');
      const target = join(sandbox.root, 'quiet');
      await git.clone('https://github.com/hotosm/field-tm.git', target);
      expect(sandbox.git(['log', '-1', '--format=%s', 'main'], target)).toBe('chore: initial commit');
    });
  });

  describe('listRemotes', () => {
    it('returns the URLs as configured, not as rewritten by insteadOf', async () => {
      sandbox.createRemote('hotosm', 'field-tm');
      const work = sandbox.cloneWorkingCopy('hotosm', 'field-tm');
      sandbox.git(['remote', 'add', 'upstream', 'git@github.com:hotosm/fmtm.git'], work);
      sandbox.git(['config', '--global', 'url.ssh://mirror.example/.insteadOf', 'git@github.com:'], work);

      // Control: insteadOf is active, so git itself reports the rewritten URLs.
      expect(sandbox.git(['remote', 'get-url', 'origin'], work)).not.toBe('https://github.com/hotosm/field-tm.git');
      expect(sandbox.git(['remote', 'get-url', 'upstream'], work)).toBe('ssh://mirror.example/hotosm/fmtm.git');

      expect(await git.listRemotes(work)).toEqual([
        { name: 'origin', url: 'https://github.com/hotosm/field-tm.git' },
        { name: 'upstream', url: 'git@github.com:hotosm/fmtm.git' },
      ]);
    });

    it('returns an empty list for a repository without remotes', async () => {
      const lonely = join(sandbox.root, 'lonely');
      mkdirSync(lonely);
      sandbox.git(['init'], lonely);
      expect(await git.listRemotes(lonely)).toEqual([]);
    });

    it('keeps remote names that contain dots', async () => {
      const repo = join(sandbox.root, 'dotted');
      mkdirSync(repo);
      sandbox.git(['init'], repo);
      sandbox.git(['remote', 'add', 'team.mirror', 'https://github.com/hotosm/field-tm.git'], repo);
      expect(await git.listRemotes(repo)).toEqual([
        { name: 'team.mirror', url: 'https://github.com/hotosm/field-tm.git' },
      ]);
    });
  });

  describe('assertRepository', () => {
    it('refuses a plain folder with NOT_A_REPOSITORY', async () => {
      const plain = join(sandbox.root, 'plain-folder');
      mkdirSync(plain);
      const error = await failureOf(git.assertRepository(plain));
      expect(error.code).toBe('NOT_A_REPOSITORY');
      expect(error.message).toMatch(/not a git repository/);
    });

    it('refuses a folder that does not exist, naming it', async () => {
      const missing = join(sandbox.root, 'missing');
      const error = await failureOf(git.assertRepository(missing));
      expect(error.code).toBe('NOT_A_REPOSITORY');
      expect(error.message).toContain(missing);
    });

    it('refuses a file', async () => {
      const file = join(sandbox.root, 'file.txt');
      writeFileSync(file, 'x');
      expect((await failureOf(git.assertRepository(file))).code).toBe('NOT_A_REPOSITORY');
    });

    it('accepts a working copy, a folder inside it, and a bare repository', async () => {
      const bare = sandbox.createRemote('hotosm', 'field-tm');
      const work = sandbox.cloneWorkingCopy('hotosm', 'field-tm');
      const nested = join(work, 'docs');
      mkdirSync(nested);
      await expect(git.assertRepository(work)).resolves.toBeUndefined();
      await expect(git.assertRepository(nested)).resolves.toBeUndefined();
      await expect(git.assertRepository(bare)).resolves.toBeUndefined();
    });
  });
});
