import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { Option, type Command } from 'commander';
import type { ConnectionReport } from '../../../shared/domain/demos/demo';
import type { SshServer } from '../../../shared/domain/demos/ssh-server';
import { AppError } from '../../../shared/ipc/errors';
import type { CliIo } from '../cli-io';
import { CommandExit } from '../command-exit';
import { askYesNo } from '../confirm';
import { keyPassphrase } from '../key-passphrase';
import type { DemoServices } from '../open-services';
import { EXIT_CODE, formatJson, formatTable } from '../output';

/** What the `servers` commands need; the services open lazily so `--help` never touches the data directory. */
export interface ServersCommandDeps {
  io: CliIo;
  openDemos: () => Promise<DemoServices>;
}

interface AddOptions {
  name: string;
  host: string;
  port: string;
  user: string;
  keyFile?: string;
  passphraseEnv?: string;
  agent?: boolean;
  trustHostKey?: string;
  json?: boolean;
}

/** A private key file is a few KiB; anything much bigger is the wrong file. */
const MAX_KEY_FILE_BYTES = 64 * 1024;

/** `user@host:port`. */
function address(server: Pick<SshServer, 'user' | 'host' | 'port'>): string {
  return `${server.user}@${server.host}:${server.port}`;
}

/** The human form of `servers list`. */
function formatServers(servers: readonly SshServer[]): string {
  if (servers.length === 0) {
    return 'No servers yet. Add one with: release-desk servers add --name N --host H --user U --key-file F\n';
  }
  return formatTable(
    ['name', 'address', 'auth', 'host key'],
    servers.map((server) => [server.name, address(server), server.auth, server.hostKey.fingerprint]),
  );
}

/** The human form of a "Test connection" report: one line per stage. */
function formatReport(name: string, report: ConnectionReport): string {
  const lines = report.stages.map((stage) => `${stage.ok ? 'ok  ' : 'FAIL'}  ${stage.id}: ${stage.message}`);
  lines.push(report.ok ? `${name} is ready for demos.` : `${name} is not ready for demos.`);
  return `${lines.join('\n')}\n`;
}

/** `--port` as a port number, or INVALID_ARGUMENTS. */
function portOf(text: string): number {
  const port = /^\d{1,5}$/.test(text) ? Number(text) : NaN;
  if (!(port >= 1 && port <= 65535)) throw new AppError('INVALID_ARGUMENTS', '--port is a number from 1 to 65535.');
  return port;
}

/** Reads the private key of `--key-file`, refusing anything that cannot be one before it goes anywhere. */
async function readKeyFile(path: string): Promise<string> {
  let text: string;
  try {
    const buffer = await readFile(path);
    if (buffer.length > MAX_KEY_FILE_BYTES) throw new Error('too big');
    text = buffer.toString('utf8');
  } catch {
    throw new AppError(
      'NOT_FOUND',
      `The key file ${path} could not be read (or is not a private key). Check the path.`,
    );
  }
  return text;
}

/** Adds `servers add|list|remove|test`. */
export function addServersCommands(program: Command, deps: ServersCommandDeps): void {
  const { io } = deps;
  const servers = program.command('servers').description('the SSH servers feature demos run on');

  servers
    .command('add')
    .description('add a server: its host key is shown and pinned, its key goes to the keychain')
    .requiredOption('--name <name>', 'the server’s name in Release Desk (a-z, 0-9, -)')
    .requiredOption('--host <host>', 'the host name or IP address')
    .option('--port <port>', 'the SSH port', '22')
    .requiredOption('--user <user>', 'the user to log in as')
    .addOption(new Option('--key-file <file>', 'log in with this private key (stored in the keychain)'))
    .addOption(
      new Option(
        '--passphrase-env <VAR>',
        'read the key’s passphrase from the environment variable VAR (asked without echo on a terminal otherwise)',
      ),
    )
    .addOption(
      new Option('--agent', 'log in with the running ssh-agent (SSH_AUTH_SOCK)').conflicts([
        'keyFile',
        'passphraseEnv',
      ]),
    )
    .option(
      '--trust-host-key <fingerprint>',
      'the SHA256:… fingerprint you checked with the server’s administrator (needed without a terminal)',
    )
    .option('--json', 'print the added server as JSON')
    .addHelpText(
      'after',
      '\nAn encrypted key’s passphrase is never a flag value (it would show in `ps` and the shell history):\n' +
        'name an environment variable that holds it, or type it when asked.\n' +
        '\nExamples:\n  release-desk servers add --name demo-1 --host demo.example.org --user deploy --key-file ~/.ssh/id_ed25519\n' +
        '  DEMO_KEY_PASS=… release-desk servers add --name demo-1 --host demo.example.org --user deploy \\\n' +
        '    --key-file ~/.ssh/id_ed25519 --passphrase-env DEMO_KEY_PASS --trust-host-key SHA256:…',
    )
    .action(async (options: AddOptions) => {
      if (!options.keyFile === !options.agent) {
        throw new AppError('INVALID_ARGUMENTS', 'Give either --key-file FILE or --agent (one of them).');
      }
      const port = portOf(options.port);
      const keyPath = options.keyFile ? resolve(io.cwd(), options.keyFile) : undefined;
      const privateKey = keyPath ? await readKeyFile(keyPath) : undefined;
      const passphrase =
        keyPath && privateKey !== undefined
          ? await keyPassphrase(io, { path: keyPath, privateKey }, options.passphraseEnv)
          : undefined;
      const { demos } = await deps.openDemos();
      const probe = await demos.probe(options.host, port);
      const where = `${options.host}:${port}`;
      let trusted = options.trustHostKey?.trim();
      if (!trusted) {
        const known =
          probe.knownHosts === 'match'
            ? ' Your ~/.ssh/known_hosts has the same key for it.'
            : probe.knownHosts === 'mismatch'
              ? ' WARNING: your ~/.ssh/known_hosts has a DIFFERENT key for it.'
              : '';
        if (!io.isTTY.stdin) {
          throw new AppError(
            'INVALID_ARGUMENTS',
            `The host key of ${where} is the ${probe.algorithm} key ${probe.fingerprint}.${known} There is no terminal to confirm it: check it with the server’s administrator, then pass --trust-host-key ${probe.fingerprint}.`,
          );
        }
        io.stderr.write(
          `The host key of ${where} is the ${probe.algorithm} key\n  ${probe.fingerprint}\n${known.trim()}\n`,
        );
        if (!(await askYesNo(io, 'Does it match the one the server’s administrator gave you?'))) {
          throw new AppError('CANCELLED', 'Cancelled: the server was not added, and nothing was stored.');
        }
        trusted = probe.fingerprint;
      }
      const server = await demos.addServer({
        name: options.name,
        host: options.host,
        port,
        user: options.user,
        auth: options.agent ? 'agent' : 'key',
        ...(privateKey === undefined ? {} : { privateKey }),
        ...(passphrase === undefined ? {} : { passphrase }),
        trustedFingerprint: trusted,
      });
      io.stdout.write(
        options.json
          ? formatJson(server)
          : `Added ${server.name} (${address(server)}); its host key ${server.hostKey.fingerprint} is pinned.\n`,
      );
    });

  servers
    .command('list')
    .description('list the servers')
    .option('--json', 'print a JSON array')
    .action(async (options: { json?: boolean }) => {
      const list = (await deps.openDemos()).demos.servers();
      io.stdout.write(options.json ? formatJson(list) : formatServers(list));
    });

  servers
    .command('remove')
    .description('remove a server, its key and its passphrase (demos on it keep running)')
    .argument('<name>', 'the server, as `servers list` shows it')
    .option('--json', 'print { "removed": true|false }')
    .action(async (name: string, options: { json?: boolean }) => {
      const result = await (await deps.openDemos()).demos.removeServer(name);
      io.stdout.write(
        options.json ? formatJson(result) : result.removed ? `Removed ${name}.\n` : `There was no server ${name}.\n`,
      );
    });

  servers
    .command('test')
    .description('test a server: DNS, TCP, host key, login and the programs demos need')
    .argument('<name>', 'the server, as `servers list` shows it')
    .option('--json', 'print the report as JSON')
    .action(async (name: string, options: { json?: boolean }) => {
      const report = await (await deps.openDemos()).demos.testServer(name);
      io.stdout.write(options.json ? formatJson(report) : formatReport(name, report));
      if (!report.ok) throw new CommandExit(EXIT_CODE.failure);
    });
}
