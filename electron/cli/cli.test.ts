import { existsSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Project } from '../../shared/domain/project';
import { createGitSandbox, type GitSandbox } from '../services/testing/git-sandbox';
import { assertFreshBuild, CLI, ROOT, runBuiltCli, type CliRun } from './testing/built-cli';

const VERSION = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
const STACK_LINE = /^\s+at .+:\d+/m;

describe('release-desk, the built binary (real git)', () => {
  let sandbox: GitSandbox;
  let dataDir: string;
  let env: NodeJS.ProcessEnv;

  const cli = (args: string[], cwd = sandbox.root): Promise<CliRun> => runBuiltCli(args, { env, cwd });
  const listedProjects = async (): Promise<Project[]> => {
    const run = await cli(['projects', 'list', '--json']);
    expect(run.code).toBe(0);
    return JSON.parse(run.stdout) as Project[];
  };

  beforeAll(() => assertFreshBuild());
  beforeEach(() => {
    sandbox = createGitSandbox();
    dataDir = mkdtempSync(join(sandbox.root, 'data-'));
    env = { ...sandbox.env, RELEASE_DESK_HOME: dataDir };
  });
  afterEach(() => sandbox.dispose());

  it('starts with a shebang so npm can install it as the `release-desk` command', () => {
    expect(readFileSync(CLI, 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
  });

  it('prints help that lists the projects commands', async () => {
    const top = await cli(['--help']);
    expect(top.code).toBe(0);
    expect(top.stdout).toMatch(/^Usage: release-desk/);
    expect(top.stdout).toMatch(/^\s+projects\s+list, add and remove/m);

    const projects = await cli(['projects', '--help']);
    expect(projects.code).toBe(0);
    expect(projects.stdout).toMatch(/^\s+list \[options\]/m);
    expect(projects.stdout).toMatch(/^\s+add \[options\] <folder-or-url>/m);
    expect(projects.stdout).toMatch(/^\s+remove \[options\] <id>/m);
  });

  it('prints the package.json version', async () => {
    for (const flag of ['--version', '-v']) {
      const run = await cli([flag]);
      expect(run.code).toBe(0);
      expect(run.stdout).toBe(`${VERSION}\n`);
    }
  });

  it('says what to do next when there are no projects', async () => {
    const run = await cli(['projects', 'list']);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('No projects yet. Add one with: release-desk projects add <folder-or-url>\n');
    expect(await listedProjects()).toEqual([]);
    // The data directory came from RELEASE_DESK_HOME, not the real user's.
    expect(existsSync(join(dataDir, 'config.json'))).toBe(true);
  });

  it('adds a project from a local working copy, and another process lists it', async () => {
    sandbox.createRemote('hotosm', 'field-tm');
    const work = sandbox.cloneWorkingCopy('hotosm', 'field-tm');

    const added = await cli(['projects', 'add', work, '--json']);
    expect(added.code).toBe(0);
    // stdout is exactly one JSON document; progress went to stderr, one plain line per stage.
    const project = JSON.parse(added.stdout) as Project;
    expect(added.stderr).toBe('Checking the source…\nCloning…\nSaving…\n');
    expect(project).toMatchObject({
      id: 'github.com/hotosm/field-tm',
      remoteUrl: 'https://github.com/hotosm/field-tm.git',
      localPath: work,
      clonePath: join(dataDir, 'projects', 'github.com', 'hotosm', 'field-tm'),
    });
    expect(sandbox.git(['rev-parse', 'main'], project.clonePath)).toBe(sandbox.git(['rev-parse', 'main'], work));

    expect(await listedProjects()).toEqual([project]);
    const table = await cli(['projects', 'list']);
    expect(table.stdout.split('\n')[0]).toMatch(/^ID\s+REPOSITORY\s+SOURCE\s+ADDED$/);
    expect(table.stdout.split('\n')[1]).toMatch(
      new RegExp(`^github\\.com/hotosm/field-tm\\s+hotosm/field-tm\\s+${work}\\s+\\d{4}-\\d{2}-\\d{2}$`),
    );
  });

  it('resolves a relative folder against the working directory', async () => {
    sandbox.createRemote('hotosm', 'field-tm');
    const work = sandbox.cloneWorkingCopy('hotosm', 'field-tm');

    const run = await cli(['projects', 'add', 'field-tm'], dirname(work));
    expect(run.code).toBe(0);
    const clonePath = join(dataDir, 'projects', 'github.com', 'hotosm', 'field-tm');
    expect(run.stdout).toBe(
      `Added hotosm/field-tm (github.com) — managed clone at ${clonePath}\n` +
        `Your own clone at ${work} stays as it is: Release Desk works only in the managed clone.\n`,
    );
    expect((await listedProjects())[0]?.localPath).toBe(work);
  });

  it('adds a project from a GitHub URL', async () => {
    sandbox.createRemote('hotosm', 'fmtm');

    const run = await cli(['projects', 'add', 'https://github.com/hotosm/fmtm.git']);
    expect(run.code).toBe(0);
    const clonePath = join(dataDir, 'projects', 'github.com', 'hotosm', 'fmtm');
    expect(run.stdout).toBe(`Added hotosm/fmtm (github.com) — managed clone at ${clonePath}\n`);
    expect(existsSync(join(clonePath, 'HEAD')) || existsSync(join(clonePath, '.git'))).toBe(true);
    expect(await listedProjects()).toMatchObject([
      { id: 'github.com/hotosm/fmtm', localPath: null, remoteUrl: 'https://github.com/hotosm/fmtm.git' },
    ]);
  });

  it('refuses a folder that is not a repository, with exit code 1 and no stack trace', async () => {
    const plain = join(sandbox.root, 'plain');
    mkdirSync(plain);

    const run = await cli(['projects', 'add', plain]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    // The message says what to do; git's own line follows, indented, as the detail.
    expect(run.stderr).toMatch(/^error: ".*" is not a git repository\. .*\n {2}fatal: not a git repository/m);
    expect(run.stderr).not.toMatch(STACK_LINE);
    expect(await listedProjects()).toEqual([]);
  });

  it('refuses a repository without a remote', async () => {
    const lonely = join(sandbox.root, 'lonely');
    mkdirSync(lonely);
    sandbox.git(['init'], lonely);

    const run = await cli(['projects', 'add', lonely]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^error: The repository at "[^"]+lonely" has no remote\..*git remote add origin/m);
    expect(await listedProjects()).toEqual([]);
  });

  it('refuses to add the same repository twice, whichever form names it', async () => {
    sandbox.createRemote('hotosm', 'field-tm');
    const work = sandbox.cloneWorkingCopy('hotosm', 'field-tm');
    expect((await cli(['projects', 'add', work])).code).toBe(0);

    const run = await cli(['projects', 'add', 'https://github.com/hotosm/field-tm.git']);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^error: hotosm\/field-tm is already in your projects/m);
    expect(await listedProjects()).toHaveLength(1);
  });

  it('exits 2 on usage errors: unknown command, unknown option, missing argument', async () => {
    const unknown = await cli(['frobnicate']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/^error: unknown command 'frobnicate'/m);

    const option = await cli(['projects', 'list', '--bogus']);
    expect(option.code).toBe(2);
    expect(option.stderr).toMatch(/^error: unknown option '--bogus'/m);

    const missing = await cli(['projects', 'add']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^error: missing required argument 'folder-or-url'/m);
  });

  it('will not remove without --yes when stdin is not a terminal, and keeps the project', async () => {
    sandbox.createRemote('hotosm', 'field-tm');
    const work = sandbox.cloneWorkingCopy('hotosm', 'field-tm');
    const project = JSON.parse((await cli(['projects', 'add', work, '--json'])).stdout) as Project;

    const run = await cli(['projects', 'remove', 'hotosm/field-tm']);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^error: Not removing hotosm\/field-tm: .* Pass --yes to remove it\.$/m);
    expect(await listedProjects()).toEqual([project]);
    expect(existsSync(project.clonePath)).toBe(true);
  });

  it('removes with --yes: the managed clone goes, the user clone stays', async () => {
    sandbox.createRemote('hotosm', 'field-tm');
    const work = sandbox.cloneWorkingCopy('hotosm', 'field-tm');
    const project = JSON.parse((await cli(['projects', 'add', work, '--json'])).stdout) as Project;

    const run = await cli(['projects', 'remove', 'hotosm/field-tm', '--yes']);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(
      `Removed hotosm/field-tm and deleted its managed clone at ${project.clonePath}.\n` +
        `Your own clone at ${work} was not touched.\n`,
    );
    expect(await listedProjects()).toEqual([]);
    expect(existsSync(project.clonePath)).toBe(false);
    expect(sandbox.git(['status', '--porcelain'], work)).toBe('');
    expect(readFileSync(join(work, 'README.md'), 'utf8')).toBe('# field-tm\n');
  });

  it('removes by full id and prints the removed project with --json', async () => {
    sandbox.createRemote('hotosm', 'fmtm');
    const project = JSON.parse(
      (await cli(['projects', 'add', 'https://github.com/hotosm/fmtm.git', '--json'])).stdout,
    ) as Project;

    const run = await cli(['projects', 'remove', 'github.com/hotosm/fmtm', '-y', '--json']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual(project);
    expect(await listedProjects()).toEqual([]);
  });

  it('with --json, reports errors as { error: { code, message, detail? } } on stdout and exits non-zero', async () => {
    const plain = join(sandbox.root, 'plain');
    mkdirSync(plain);
    const notRepo = await cli(['projects', 'add', plain, '--json']);
    expect(notRepo.code).toBe(1);
    expect(JSON.parse(notRepo.stdout)).toEqual({
      error: {
        code: 'NOT_A_REPOSITORY',
        message: expect.stringContaining('is not a git repository'),
        detail: expect.stringMatching(/^fatal: not a git repository/),
      },
    });

    const missing = await cli(['projects', 'remove', 'nobody/nothing', '--json']);
    expect(missing.code).toBe(1);
    expect(JSON.parse(missing.stdout)).toEqual({
      error: {
        code: 'NOT_FOUND',
        message: 'There is no project "nobody/nothing". Run "release-desk projects list" to see the ids.',
      },
    });

    // Port 9 (discard) is closed: git fails to connect, and its own line travels as `detail`.
    const unreachable = await cli(['projects', 'add', 'https://127.0.0.1:9/hotosm/missing.git', '--json']);
    expect(unreachable.code).toBe(1);
    expect(JSON.parse(unreachable.stdout)).toEqual({
      error: { code: 'NETWORK', message: expect.stringContaining('Could not reach'), detail: expect.any(String) },
    });

    const usage = await cli(['projects', 'list', '--json', '--bogus']);
    expect(usage.code).toBe(2);
    expect(JSON.parse(usage.stdout)).toEqual({
      error: { code: 'INVALID_ARGUMENTS', message: "unknown option '--bogus'" },
    });
    expect(usage.stderr).toBe('');
  });
});
