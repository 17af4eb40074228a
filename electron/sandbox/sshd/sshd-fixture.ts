import { type ChildProcess, execFile, spawn } from 'node:child_process';
import {
  accessSync,
  constants,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { freePort, portAccepts } from './free-port';

const execFileAsync = promisify(execFile);

/**
 * A real OpenSSH sshd on 127.0.0.1 at a free high port, with fresh ed25519 host and user keys in a temp
 * directory, for tests, the e2e bridge and the bench (DESIGN.md: real parts, not mocks). It logs in the
 * user running the tests (root here and in CI) with the generated user key only.
 */
export interface SshdFixture {
  host: '127.0.0.1';
  port: number;
  /** The OS user the tests run as (root here and in CI). */
  user: string;
  /** `SHA256:…` of the current host key, as `ssh-keygen -lf` prints it. */
  hostKeyFingerprint: string;
  /** `ssh-ed25519`. */
  hostKeyAlgorithm: string;
  /** The current host key's public file (`<dir>/host_ed25519_key.pub`), for `ssh-keygen -lf`. */
  hostPublicKeyFile: string;
  /** The authorized user key, OpenSSH private key text (no passphrase). */
  userPrivateKey: string;
  /** Its file, for `ssh-add`. */
  userPrivateKeyFile: string;
  /** The `ssh-ed25519 AAAA… comment` line of the user key. */
  userPublicKey: string;
  /** `[127.0.0.1]:port ssh-ed25519 AAAA…`, a known_hosts line for the current host key. */
  knownHostsLine: string;
  /** The temp directory holding keys, config, pid file and anything a test puts there. */
  dir: string;
  /**
   * The remote `HOME` (`<dir>/home`): sshd sets it for every session (`SetEnv`), so what a demo puts under
   * `$HOME` stays in the temp directory, and the real user's shell start-up files are not read. The
   * working directory is still the user's home from passwd.
   */
  home: string;
  /** The pid of the listening sshd. */
  sshdPid: number;
  /** Everything sshd logged so far (`-e`, LogLevel VERBOSE). */
  log(): string;
  /**
   * Restarts sshd with a new host key on the same port (a "reinstalled" server). Open sessions keep
   * running, as they do when a real sshd restarts.
   */
  rotateHostKey(): Promise<void>;
  /** Kills sshd's per-connection processes but keeps the listener: every open session drops. */
  dropConnections(): Promise<void>;
  /**
   * Stops sshd, ends every process its sessions left (all carry the fixture's HOME: detached demos
   * too), and removes the temp directory (unless `dir` was given).
   */
  stop(): Promise<void>;
}

const SSHD = '/usr/sbin/sshd';
const START_TIMEOUT_MS = 15_000;
const STOP_TIMEOUT_MS = 5_000;

/** The absolute path of an OpenSSH program, or an error saying which Debian package provides it. */
function requireProgram(path: string, debianPackage: string): string {
  try {
    accessSync(path, constants.X_OK);
    return path;
  } catch {
    throw new Error(
      `The SSH tests need ${path}, which was not found. Install the Debian package ${debianPackage} ` +
        `(apt-get install ${debianPackage}); .ci/run installs openssh-server.`,
    );
  }
}

function programOnPath(name: string, debianPackage: string): string {
  for (const dir of ['/usr/bin', '/bin', '/usr/local/bin']) {
    try {
      accessSync(join(dir, name), constants.X_OK);
      return join(dir, name);
    } catch {
      // Not here; try the next directory.
    }
  }
  return requireProgram(join('/usr/bin', name), debianPackage);
}

/** Runs ssh-keygen to make an ed25519 key at `file` (and `file.pub`) without a passphrase. */
async function generateKey(file: string, comment: string): Promise<void> {
  rmSync(file, { force: true });
  rmSync(`${file}.pub`, { force: true });
  const keygen = programOnPath('ssh-keygen', 'openssh-client');
  await execFileAsync(keygen, ['-q', '-t', 'ed25519', '-N', '', '-C', comment, '-f', file]);
}

/** `SHA256:…` of a public key file, from ssh-keygen itself (so the fixture never computes it its own way). */
export async function keygenFingerprint(publicKeyFile: string): Promise<string> {
  const keygen = programOnPath('ssh-keygen', 'openssh-client');
  const { stdout } = await execFileAsync(keygen, ['-l', '-E', 'sha256', '-f', publicKeyFile]);
  const match = /SHA256:[A-Za-z0-9+/]{43}/.exec(stdout);
  if (!match) throw new Error(`ssh-keygen printed no SHA256 fingerprint for ${publicKeyFile}: ${stdout}`);
  return match[0];
}

/** OpenSSH's version as [major, minor] from `sshd -V` (it prints to stderr), or null. */
async function sshdVersion(): Promise<[number, number] | null> {
  const output = await execFileAsync(SSHD, ['-V']).then(
    (result) => `${result.stdout}${result.stderr}`,
    (error: { stdout?: string; stderr?: string }) => `${error.stdout ?? ''}${error.stderr ?? ''}`,
  );
  const match = /OpenSSH_(\d+)\.(\d+)/.exec(output);
  return match ? [Number(match[1]), Number(match[2])] : null;
}

function sshdConfig(options: {
  port: number;
  hostKey: string;
  authorizedKeys: string;
  pidFile: string;
  home: string;
  penalties: boolean;
}): string {
  return [
    `ListenAddress 127.0.0.1`,
    `Port ${options.port}`,
    `HostKey ${options.hostKey}`,
    `PidFile ${options.pidFile}`,
    `AuthorizedKeysFile ${options.authorizedKeys}`,
    'StrictModes no',
    'UsePAM no',
    'PasswordAuthentication no',
    'KbdInteractiveAuthentication no',
    'PubkeyAuthentication yes',
    'PermitRootLogin prohibit-password',
    'AllowAgentForwarding no',
    'AllowTcpForwarding no',
    'X11Forwarding no',
    'PrintMotd no',
    'PrintLastLog no',
    'UseDNS no',
    'ClientAliveInterval 5',
    'ClientAliveCountMax 3',
    'LogLevel VERBOSE',
    // A temp HOME: tests stay out of the real one, and bash skips the real ~/.bashrc (slow on some hosts).
    `SetEnv HOME=${options.home}`,
    // Many tests connect at once and some fail on purpose: neither may slow or block the next one.
    'MaxStartups 100:30:200',
    'MaxSessions 50',
    // OpenSSH 9.8+ penalises addresses whose connections fail auth; tests fail auth on purpose.
    ...(options.penalties ? ['PerSourcePenalties no'] : []),
    'Subsystem sftp internal-sftp',
    '',
  ].join('\n');
}

/** Resolves once `child` exits (at once when it already has). */
function exitOf(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** The pids whose parent is `parent`, from /proc. */
function childrenOf(parent: number): number[] {
  const children: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // Field 4 (ppid) follows the command name in parentheses, which may itself hold spaces or ')'.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(fields[1]) === parent) children.push(Number(entry));
    } catch {
      // The process ended while we looked.
    }
  }
  return children;
}

/** The pids whose environment has `HOME=<home>`, from /proc (tests run as root, so every one is readable). */
function processesWithHome(home: string): number[] {
  const wanted = `HOME=${home}`;
  const found: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    try {
      if (readFileSync(`/proc/${entry}/environ`, 'latin1').split('\0').includes(wanted)) found.push(Number(entry));
    } catch {
      // Ended meanwhile, or not ours to read.
    }
  }
  return found;
}

/** Those of `pids` that are still sshd processes (a pid kept from earlier may have been reused). */
function stillSshd(pids: number[]): number[] {
  return pids.filter((pid) => {
    try {
      return /^\d+ \(sshd/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
    } catch {
      return false;
    }
  });
}

function killAll(pids: number[]): void {
  for (const pid of pids) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
}

/**
 * Starts sshd on a free port with fresh keys. Fails loudly (never skips) when OpenSSH is missing or sshd
 * does not come up, with sshd's own log in the message.
 */
export async function startSshd(options: { dir?: string } = {}): Promise<SshdFixture> {
  requireProgram(SSHD, 'openssh-server');
  const ownDir = options.dir === undefined;
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'rd-sshd-'));
  mkdirSync(dir, { recursive: true });
  // sshd refuses to start without its privilege separation directory.
  mkdirSync('/run/sshd', { recursive: true, mode: 0o755 });

  const user = userInfo().username;
  const hostKey = join(dir, 'host_ed25519_key');
  const userKey = join(dir, 'user_ed25519_key');
  const authorizedKeys = join(dir, 'authorized_keys');
  const pidFile = join(dir, 'sshd.pid');
  const configFile = join(dir, 'sshd_config');
  const home = join(dir, 'home');
  mkdirSync(home, { recursive: true });
  await Promise.all([generateKey(hostKey, 'release-desk-test-host'), generateKey(userKey, 'release-desk-test-user')]);
  const userPublicKey = readFileSync(`${userKey}.pub`, 'utf8').trim();
  writeFileSync(authorizedKeys, `${userPublicKey}\n`, { mode: 0o600 });

  const version = await sshdVersion();
  const penalties = version !== null && (version[0] > 9 || (version[0] === 9 && version[1] >= 8));
  const port = await freePort();
  writeFileSync(configFile, sshdConfig({ port, hostKey, authorizedKeys, pidFile, home, penalties }));

  let logText = '';
  let sshd: ChildProcess | null = null;
  // Sessions a previous listener (before rotateHostKey) still serves: no longer its children.
  let earlierSessions: number[] = [];
  const sessionPids = (): number[] => [
    ...(sshd?.pid ? childrenOf(sshd.pid) : []),
    ...(earlierSessions = stillSshd(earlierSessions)),
  ];

  const launch = async (): Promise<ChildProcess> => {
    const child = spawn(SSHD, ['-D', '-e', '-f', configFile], { stdio: ['ignore', 'ignore', 'pipe'] });
    child.stderr?.on('data', (chunk: Buffer) => (logText += chunk.toString()));
    const exited = exitOf(child);
    const deadline = Date.now() + START_TIMEOUT_MS;
    let gone = false;
    void exited.then(() => (gone = true));
    while (Date.now() < deadline && !gone) {
      if (await portAccepts('127.0.0.1', port)) return child;
      await delay(25);
    }
    child.kill('SIGKILL');
    throw new Error(
      `sshd did not start on 127.0.0.1:${port} (${gone ? `it exited with ${child.exitCode}` : 'timed out'}). ` +
        `Its log:\n${logText || '(empty)'}`,
    );
  };

  /**
   * Stops the listener. Like a real sshd restart, that leaves open sessions running unless `sessions`
   * says to end them too.
   */
  const halt = async (sessions: boolean): Promise<void> => {
    const child = sshd;
    sshd = null;
    if (!child || child.pid === undefined) return;
    if (sessions) killAll([...childrenOf(child.pid), ...stillSshd(earlierSessions)]);
    else earlierSessions = [...earlierSessions, ...childrenOf(child.pid)];
    child.kill('SIGTERM');
    const stopped = await Promise.race([exitOf(child).then(() => true), delay(STOP_TIMEOUT_MS).then(() => false)]);
    if (!stopped) child.kill('SIGKILL');
    await exitOf(child);
  };

  const readHostKeyFacts = async () => {
    const publicLine = readFileSync(`${hostKey}.pub`, 'utf8').trim();
    const [algorithm = '', base64 = ''] = publicLine.split(/\s+/);
    return { algorithm, base64, fingerprint: await keygenFingerprint(`${hostKey}.pub`) };
  };

  try {
    sshd = await launch();
  } catch (error) {
    if (ownDir) rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  let facts = await readHostKeyFacts();

  const fixture: SshdFixture = {
    host: '127.0.0.1',
    port,
    user,
    hostKeyFingerprint: facts.fingerprint,
    hostKeyAlgorithm: facts.algorithm,
    hostPublicKeyFile: `${hostKey}.pub`,
    userPrivateKey: readFileSync(userKey, 'utf8'),
    userPrivateKeyFile: userKey,
    userPublicKey,
    knownHostsLine: `[127.0.0.1]:${port} ${facts.algorithm} ${facts.base64}`,
    dir,
    home,
    sshdPid: sshd.pid ?? 0,
    log: () => logText,
    async rotateHostKey() {
      await halt(false);
      await generateKey(hostKey, 'release-desk-test-host');
      sshd = await launch();
      facts = await readHostKeyFacts();
      fixture.sshdPid = sshd.pid ?? 0;
      fixture.hostKeyFingerprint = facts.fingerprint;
      fixture.hostKeyAlgorithm = facts.algorithm;
      fixture.knownHostsLine = `[127.0.0.1]:${port} ${facts.algorithm} ${facts.base64}`;
    },
    async dropConnections() {
      const sessions = sessionPids();
      killAll(sessions);
      // Wait until they are reaped, so the next connection is a fresh one.
      const deadline = Date.now() + STOP_TIMEOUT_MS;
      while (Date.now() < deadline && sessionPids().some((pid) => sessions.includes(pid))) {
        await delay(20);
      }
    },
    async stop() {
      await halt(true);
      // Whatever sessions left running (a detached demo, a command orphaned by dropConnections) still has
      // the fixture's HOME: end it, so no test leaves processes behind.
      killAll(processesWithHome(home));
      if (ownDir) rmSync(dir, { recursive: true, force: true });
    },
  };
  return fixture;
}
