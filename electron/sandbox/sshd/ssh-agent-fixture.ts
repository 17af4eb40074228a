import { execFile, spawn } from 'node:child_process';
import { accessSync, constants, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);

/** A private ssh-agent holding one key, for tests of agent login. */
export interface SshAgentFixture {
  /** The agent's socket, as `SSH_AUTH_SOCK` takes it. */
  socket: string;
  /** Stops the agent and removes its directory. */
  stop(): Promise<void>;
}

const START_TIMEOUT_MS = 10_000;

function program(name: string): string {
  const path = join('/usr/bin', name);
  try {
    accessSync(path, constants.X_OK);
    return path;
  } catch {
    throw new Error(`The SSH agent tests need ${path}. Install the Debian package openssh-client.`);
  }
}

/**
 * Starts `ssh-agent -a <socket> -D` (foreground, so it is our child and ends with `stop`) in a temp
 * directory and adds `privateKeyPath` to it with `ssh-add`. The user's own agent is never touched.
 */
export async function startSshAgent(privateKeyPath: string): Promise<SshAgentFixture> {
  const sshAgent = program('ssh-agent');
  const sshAdd = program('ssh-add');
  const dir = mkdtempSync(join(tmpdir(), 'rd-agent-'));
  const socket = join(dir, 'agent.sock');
  const agent = spawn(sshAgent, ['-a', socket, '-D'], { stdio: ['ignore', 'ignore', 'pipe'] });
  let log = '';
  agent.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  const exited = new Promise<void>((resolve) => agent.once('exit', () => resolve()));
  let gone = false;
  void exited.then(() => (gone = true));

  const stop = async (): Promise<void> => {
    if (!gone) {
      agent.kill('SIGTERM');
      await exited;
    }
    rmSync(dir, { recursive: true, force: true });
  };

  try {
    const deadline = Date.now() + START_TIMEOUT_MS;
    while (!existsSync(socket)) {
      if (gone || Date.now() > deadline) {
        throw new Error(`ssh-agent did not create ${socket}. It said:\n${log || '(nothing)'}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await execFileAsync(sshAdd, ['-q', privateKeyPath], { env: { ...process.env, SSH_AUTH_SOCK: socket } });
  } catch (error) {
    await stop();
    throw error;
  }
  return { socket, stop };
}
