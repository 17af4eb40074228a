import { type ChildProcessByStdio, execFile, spawn } from 'node:child_process';
import { accessSync, constants, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);

/**
 * A private D-Bus session bus for tests, optionally with GNOME Keyring serving the Secret Service on it,
 * all in a temp `HOME`. The user's own bus and keyrings are never touched.
 */
export interface SecretServiceSandbox {
  root: string;
  /** The private bus, as `DBUS_SESSION_BUS_ADDRESS` takes it. */
  busAddress: string;
  /** For child processes: the temp `HOME` and XDG directories and the private bus, without a display. */
  env: NodeJS.ProcessEnv;
  /** Locks the login keyring through the Secret Service API, as the screen locker would. */
  lockKeyring(): Promise<void>;
  /** Object paths of the Secret Service items whose attributes match, found over D-Bus (not via keytar). */
  searchItems(attributes: Record<string, string>): Promise<string[]>;
  /**
   * Points this process's `DBUS_SESSION_BUS_ADDRESS` at the sandbox and returns a restore function.
   * Call it before keytar is first used: GDBus keeps the first session bus connection for the process.
   */
  activate(): () => void;
  /** Stops the keyring and the bus and removes the temp directory. */
  dispose(): Promise<void>;
}

// Where to get each program on Debian (bookworm splits dbus into dbus-bin and dbus-daemon; `dbus` pulls in
// both, and is what .ci/run installs).
const DEBIAN_PACKAGES = {
  'dbus-run-session': 'dbus',
  'dbus-daemon': 'dbus',
  'dbus-send': 'dbus',
  'gnome-keyring-daemon': 'gnome-keyring',
} as const;

type SandboxProgram = keyof typeof DEBIAN_PACKAGES;

const KEYRING_PASSWORD = 'release-desk-test-keyring';
const START_TIMEOUT_MS = 30_000;
const STOP_TIMEOUT_MS = 10_000;
const LOGIN_COLLECTION = '/org/freedesktop/secrets/collection/login';

/**
 * The absolute path of `program`, or an error naming the Debian package to install. The keychain tests
 * fail (never skip) without these programs, so a missing package cannot pass for a green suite.
 */
export function requireProgram(program: SandboxProgram): string {
  const dirs = [...(process.env.PATH ?? '').split(delimiter), '/usr/bin', '/usr/sbin', '/bin'];
  for (const dir of dirs) {
    if (!dir) continue;
    const candidate = join(dir, program);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // Not in this directory; try the next.
    }
  }
  const pkg = DEBIAN_PACKAGES[program];
  throw new Error(
    `The keychain tests need ${program}, which was not found. Install the Debian package ${pkg} ` +
      `(apt-get install ${pkg}). .ci/run installs gnome-keyring, dbus, dbus-x11 and libsecret-1-0.`,
  );
}

// A session bus with no service activation: nothing starts by itself, so "no Secret Service" stays
// true, and the only keyring on it is the one this sandbox starts.
function busConfig(socketPath: string): string {
  return `<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:path=${socketPath}</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
`;
}

// Runs inside dbus-run-session, which exports DBUS_SESSION_BUS_ADDRESS. The keyring takes its password on
// stdin. The script then waits on its own stdin, the test's pipe: when the test closes it, or the test
// process dies, the script stops the keyring and dbus-run-session stops the bus, so nothing is left behind.
const SESSION_SCRIPT = `
keyring=
if [ -n "$RD_KEYRING_DAEMON" ]; then
  printf '%s' "$RD_KEYRING_PASSWORD" | "$RD_KEYRING_DAEMON" --unlock --components=secrets --foreground >"$RD_KEYRING_LOG" 2>&1 &
  keyring=$!
fi
printf '%s\\n' "$DBUS_SESSION_BUS_ADDRESS"
read -r _ || true
if [ -n "$keyring" ]; then kill "$keyring" 2>/dev/null; fi
wait
`;

let activeBusAddress: string | undefined;

/**
 * Starts a private session bus (`dbus-run-session` with a config that activates nothing) and, when
 * `keyring` is true, `gnome-keyring-daemon --unlock` on it with a fresh login keyring, waiting until the
 * keyring answers as the default collection.
 */
export async function startSecretServiceSandbox(options: { keyring: boolean }): Promise<SecretServiceSandbox> {
  const dbusRunSession = requireProgram('dbus-run-session');
  requireProgram('dbus-daemon');
  const dbusSend = requireProgram('dbus-send');
  const keyringDaemon = options.keyring ? requireProgram('gnome-keyring-daemon') : '';

  const root = mkdtempSync(join(tmpdir(), 'rd-keyring-'));
  const home = join(root, 'home');
  const runtimeDir = join(root, 'run');
  mkdirSync(home, { recursive: true });
  mkdirSync(runtimeDir, { recursive: true, mode: 0o700 });
  const configPath = join(root, 'bus.conf');
  writeFileSync(configPath, busConfig(join(runtimeDir, 'bus')));
  const keyringLog = join(root, 'gnome-keyring.log');

  const baseEnv: NodeJS.ProcessEnv = {
    ...process.env,
    HOME: home,
    XDG_RUNTIME_DIR: runtimeDir,
    XDG_DATA_HOME: join(home, '.local', 'share'),
    XDG_CONFIG_HOME: join(home, '.config'),
    XDG_CACHE_HOME: join(home, '.cache'),
  };
  for (const name of ['DISPLAY', 'WAYLAND_DISPLAY', 'DBUS_SESSION_BUS_ADDRESS', 'GNOME_KEYRING_CONTROL']) {
    delete baseEnv[name];
  }

  const session = spawn(dbusRunSession, [`--config-file=${configPath}`, '--', 'sh', '-c', SESSION_SCRIPT], {
    env: {
      ...baseEnv,
      RD_KEYRING_DAEMON: keyringDaemon,
      RD_KEYRING_PASSWORD: KEYRING_PASSWORD,
      RD_KEYRING_LOG: keyringLog,
    },
    stdio: ['pipe', 'pipe', 'pipe'],
    detached: true,
  });
  let stderr = '';
  session.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<void>((resolve) => session.once('exit', () => resolve()));

  const stop = async (): Promise<void> => {
    session.stdin.end();
    const stopped = await Promise.race([exited.then(() => true), delay(STOP_TIMEOUT_MS).then(() => false)]);
    if (!stopped && session.pid !== undefined) {
      try {
        process.kill(-session.pid, 'SIGKILL');
      } catch {
        // The process group is already gone.
      }
    }
    rmSync(root, { recursive: true, force: true });
  };

  let busAddress: string;
  try {
    busAddress = await firstLine(session, () => stderr);
    if (options.keyring) await waitForLoginKeyring(dbusSend, busAddress, keyringLog);
  } catch (error) {
    await stop();
    throw error;
  }
  const env: NodeJS.ProcessEnv = { ...baseEnv, DBUS_SESSION_BUS_ADDRESS: busAddress };

  const send = async (path: string, method: string, ...args: string[]): Promise<string> => {
    const result = await execFileAsync(
      dbusSend,
      [`--bus=${busAddress}`, '--print-reply', '--dest=org.freedesktop.secrets', path, method, ...args],
      { env, timeout: START_TIMEOUT_MS },
    );
    return result.stdout;
  };

  return {
    root,
    busAddress,
    env,
    async lockKeyring() {
      await send(
        '/org/freedesktop/secrets',
        'org.freedesktop.Secret.Service.Lock',
        `array:objpath:${LOGIN_COLLECTION}`,
      );
    },
    async searchItems(attributes) {
      const pairs = Object.entries(attributes).flat().join(',');
      const reply = await send(
        '/org/freedesktop/secrets',
        'org.freedesktop.Secret.Service.SearchItems',
        `dict:string:string:${pairs}`,
      );
      return [...reply.matchAll(/object path "([^"]+)"/g)].map((match) => match[1] ?? '');
    },
    activate() {
      if (activeBusAddress !== undefined && activeBusAddress !== busAddress) {
        throw new Error(
          'A second private bus in one test process: GDBus keeps the first session bus connection, so ' +
            'keytar would still talk to the first one. Keep one sandbox per test file (vitest isolates files).',
        );
      }
      activeBusAddress = busAddress;
      const previous = process.env.DBUS_SESSION_BUS_ADDRESS;
      process.env.DBUS_SESSION_BUS_ADDRESS = busAddress;
      return () => {
        if (previous === undefined) delete process.env.DBUS_SESSION_BUS_ADDRESS;
        else process.env.DBUS_SESSION_BUS_ADDRESS = previous;
      };
    },
    dispose: stop,
  };
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** The first line the session script prints (the bus address), or an error with dbus-run-session's stderr. */
function firstLine(session: ChildProcessByStdio<Writable, Readable, Readable>, stderr: () => string): Promise<string> {
  return new Promise((resolve, reject) => {
    let stdout = '';
    const timer = setTimeout(() => fail(`no bus address within ${START_TIMEOUT_MS / 1000} s`), START_TIMEOUT_MS);
    const fail = (why: string): void => {
      clearTimeout(timer);
      reject(new Error(`dbus-run-session did not start a private bus (${why}). Its output:\n${stderr()}`));
    };
    session.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const newline = stdout.indexOf('\n');
      if (newline < 0) return;
      clearTimeout(timer);
      const address = stdout.slice(0, newline).trim();
      if (address.startsWith('unix:')) resolve(address);
      else fail(`it printed "${address}" instead of an address`);
    });
    session.once('exit', (code) => fail(`it exited with ${code}`));
  });
}

/**
 * Polls the Secret Service until its `default` alias names the login keyring: gnome-keyring-daemon owns
 * `org.freedesktop.secrets` only after start-up, and a store before that would fail. Polling instead of
 * sleeping keeps this fast on an idle machine and patient on a loaded one.
 */
async function waitForLoginKeyring(dbusSend: string, busAddress: string, keyringLog: string): Promise<void> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  let lastError = '';
  while (Date.now() < deadline) {
    try {
      const { stdout } = await execFileAsync(dbusSend, [
        `--bus=${busAddress}`,
        '--print-reply',
        '--dest=org.freedesktop.secrets',
        '/org/freedesktop/secrets',
        'org.freedesktop.Secret.Service.ReadAlias',
        'string:default',
      ]);
      if (stdout.includes(LOGIN_COLLECTION)) return;
      lastError = stdout.trim();
    } catch (error) {
      lastError = error instanceof Error ? error.message : String(error);
    }
    await delay(50);
  }
  let log = '';
  try {
    log = readFileSync(keyringLog, 'utf8');
  } catch {
    log = '(no log)';
  }
  throw new Error(
    `gnome-keyring-daemon did not serve a login keyring within ${START_TIMEOUT_MS / 1000} s.\n` +
      `Last answer: ${lastError}\ngnome-keyring-daemon said:\n${log}`,
  );
}
