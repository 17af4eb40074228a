import { execFileSync } from 'node:child_process';
import { createServer } from 'node:net';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Files of one branch: path → content. */
export type BranchFiles = Record<string, string>;

/**
 * Creates a bare repository at `<root>/<name>.git` with one commit per branch, written by one
 * `git fast-import` (a handful of git processes would cost more than the whole test). The repository
 * stands in for the project's remote: the demo script clones it by path, as sshd runs on this machine.
 */
export function createDemoRepository(root: string, name: string, branches: Record<string, BranchFiles>): string {
  const bare = join(root, `${name}.git`);
  const env = { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null' };
  execFileSync('git', ['init', '-q', '--bare', '-b', 'main', bare], { env });
  let stream = '';
  let time = 1_767_225_600;
  const data = (text: string): string => `data ${Buffer.byteLength(text)}\n${text}\n`;
  for (const [branch, files] of Object.entries(branches)) {
    stream += `commit refs/heads/${branch}\ncommitter Demo Tester <demo@example.test> ${time++} +0000\n`;
    stream += data(`Files of ${branch}`);
    for (const [path, content] of Object.entries(files)) stream += `M 644 inline ${path}\n${data(content)}`;
  }
  execFileSync('git', ['--git-dir', bare, 'fast-import', '--quiet'], { input: stream, env });
  return bare;
}

/** A TCP port nobody listens on right now (the kernel's pick), for a demo's web server. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/**
 * A harmless deploy command: serves the clone with `python3 -m http.server` on `$PORT`, waits until it
 * answers, prints `DEMO_URL=…` and stays in the foreground like a real server would.
 */
export const HTTP_SERVER_DEPLOY = [
  'echo "starting a web server on port $PORT"',
  'python3 -m http.server "$PORT" --bind 127.0.0.1 >/dev/null 2>&1 &',
  'for attempt in $(seq 100); do (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null && break; sleep 0.1; done',
  'echo "DEMO_URL=http://127.0.0.1:$PORT/"',
  'wait',
].join('\n');

/**
 * Kills what a failed test left running under a demo script base directory: each demo's process group
 * (its detached part leads one, its pid in `runner.pid`).
 */
export function stopLeftoverDemos(base: string): void {
  let names: string[];
  try {
    names = readdirSync(base);
  } catch {
    return;
  }
  for (const name of names) {
    try {
      const pid = Number(readFileSync(join(base, name, 'runner.pid'), 'utf8'));
      if (Number.isInteger(pid) && pid > 1) process.kill(-pid, 'SIGKILL');
    } catch {
      // Not a demo, or nothing runs there any more.
    }
  }
}
