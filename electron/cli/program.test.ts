import { existsSync, mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Project } from '../../shared/domain/project';
import { createCoreServices, type CoreServices } from '../services/core-services';
import { createConfSettingsStore } from '../services/settings/conf-settings-store';
import { createGitSandbox, type GitSandbox } from '../services/testing/git-sandbox';
import type { CliIo } from './cli-io';
import { runCli } from './program';

/**
 * The program in-process, for what a child process without a terminal cannot show: the confirmation
 * prompt and the redrawn progress line on a TTY, and errors that are not AppErrors.
 */
describe('release-desk program (in-process, real git)', () => {
  let sandbox: GitSandbox;
  let restoreEnv: () => void;
  let dataDir: string;

  const services = (): CoreServices => createCoreServices({ dataDir, settings: createConfSettingsStore(dataDir) });

  /** A terminal session: `input` is what the user types (null: they press Ctrl-D, end of input). */
  const session = (input: string | null, tty = true) => {
    const stdin = new PassThrough();
    stdin.end(input ?? undefined);
    let stdout = '';
    let stderr = '';
    const io: CliIo = {
      stdout: { write: (text: string) => (stdout += text) },
      stderr: { write: (text: string) => (stderr += text) },
      stdin,
      env: sandbox.env,
      cwd: () => sandbox.root,
      isTTY: { stdin: tty, stderr: tty },
    };
    return {
      run: (args: string[], openServices = async () => services()) =>
        runCli(args, {
          io,
          version: '9.9.9-test',
          openServices,
          practice: () => import('../sandbox/practice/practice-sandbox'),
        }),
      stdout: () => stdout,
      stderr: () => stderr,
    };
  };

  const addFieldTm = async (): Promise<{ work: string; project: Project }> => {
    sandbox.createRemote('hotosm', 'field-tm');
    const work = sandbox.cloneWorkingCopy('hotosm', 'field-tm');
    return { work, project: await services().registry.add(work) };
  };

  beforeEach(() => {
    sandbox = createGitSandbox();
    // The git service reads process.env (HOME), so the sandbox's git config must apply in-process too.
    restoreEnv = sandbox.activate();
    dataDir = mkdtempSync(join(sandbox.root, 'data-'));
  });
  afterEach(() => {
    restoreEnv();
    sandbox.dispose();
  });

  it('on a terminal, asks before removing and removes on "y"', async () => {
    const { work, project } = await addFieldTm();
    const user = session('y\n');

    expect(await user.run(['projects', 'remove', 'hotosm/field-tm'])).toBe(0);
    expect(user.stderr()).toBe(
      `Your own clone at ${work} is not touched.\n` +
        `Remove hotosm/field-tm and delete its managed clone at ${project.clonePath}? [y/N] `,
    );
    expect(user.stdout()).toContain(`Removed hotosm/field-tm and deleted its managed clone at ${project.clonePath}.`);
    expect(services().registry.list()).toEqual([]);
    expect(existsSync(project.clonePath)).toBe(false);
    expect(existsSync(join(work, '.git'))).toBe(true);
  });

  it.each([
    ['answers "n"', 'n\n'],
    ['just presses Enter', '\n'],
    ['closes the input', null],
  ])('on a terminal, keeps the project when the user %s', async (_case, input) => {
    const { project } = await addFieldTm();
    const user = session(input);

    expect(await user.run(['projects', 'remove', 'hotosm/field-tm'])).toBe(1);
    expect(user.stderr()).toMatch(/\[y\/N\] error: Cancelled: hotosm\/field-tm was not removed\.\n$/);
    expect(user.stdout()).toBe('');
    expect(services().registry.list()).toEqual([project]);
    expect(existsSync(project.clonePath)).toBe(true);
  });

  it('on a terminal, redraws one progress line on stderr and clears it before the result', async () => {
    sandbox.createRemote('hotosm', 'fmtm');
    const user = session(null);

    expect(await user.run(['projects', 'add', 'https://github.com/hotosm/fmtm.git'])).toBe(0);
    const redraw = '\r\u001b[2K';
    expect(user.stderr()).toContain(`${redraw}Checking the source…${redraw}Cloning… 0%`);
    expect(user.stderr().endsWith(`Saving…${redraw}`)).toBe(true);
    expect(user.stderr()).not.toContain('\n');
    expect(user.stdout()).toBe(
      `Added hotosm/fmtm (github.com) — managed clone at ${join(dataDir, 'projects', 'github.com', 'hotosm', 'fmtm')}\n`,
    );
  });

  it('reports an unexpected failure in one line, without a stack, and exits 1', async () => {
    const failing = async (): Promise<CoreServices> => {
      throw new Error('disk quota exceeded');
    };
    const human = session(null, false);
    expect(await human.run(['projects', 'list'], failing)).toBe(1);
    expect(human.stderr()).toBe('error: Release Desk failed unexpectedly: disk quota exceeded\n');

    const script = session(null, false);
    expect(await script.run(['projects', 'list', '--json'], failing)).toBe(1);
    expect(JSON.parse(script.stdout())).toEqual({
      error: { code: 'INTERNAL', message: 'Release Desk failed unexpectedly: disk quota exceeded' },
    });
  });

  it('answers --help and --version without opening the services', async () => {
    const untouchable = async (): Promise<CoreServices> => {
      throw new Error('services were opened');
    };
    const help = session(null, false);
    expect(await help.run(['projects', 'add', '--help'], untouchable)).toBe(0);
    expect(help.stdout()).toMatch(/^Usage: release-desk projects add \[options\] <folder-or-url>/);

    const version = session(null, false);
    expect(await version.run(['--version'], untouchable)).toBe(0);
    expect(version.stdout()).toBe('9.9.9-test\n');
  });
});
