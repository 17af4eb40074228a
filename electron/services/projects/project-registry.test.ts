import { existsSync, mkdirSync, mkdtempSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/ipc/errors';
import { createCoreServices, type CoreServices } from '../core-services';
import { createConfSettingsStore } from '../settings/conf-settings-store';
import { createGitSandbox, type GitSandbox } from '../testing/git-sandbox';

describe('project registry (real git)', () => {
  let sandbox: GitSandbox;
  let restoreEnv: () => void;
  let dataDir: string;
  let services: CoreServices;

  const reopen = (): CoreServices => createCoreServices({ dataDir, settings: createConfSettingsStore(dataDir) });

  beforeEach(() => {
    sandbox = createGitSandbox();
    restoreEnv = sandbox.activate();
    dataDir = mkdtempSync(join(sandbox.root, 'data-'));
    services = reopen();
  });
  afterEach(() => {
    restoreEnv();
    sandbox.dispose();
  });

  const errorOf = async (work: Promise<unknown>): Promise<AppError> => {
    const error = await work.then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(AppError);
    return error as AppError;
  };

  it('adds a project from a local clone, makes a managed clone, and keeps it across a restart', async () => {
    sandbox.createRemote('hotosm', 'field-tm');
    const work = sandbox.cloneWorkingCopy('hotosm', 'field-tm');
    const stages: string[] = [];

    const project = await services.registry.add(work, (progress) => stages.push(progress.stage));

    expect(project).toMatchObject({
      id: 'github.com/hotosm/field-tm',
      name: 'field-tm',
      remoteUrl: 'https://github.com/hotosm/field-tm.git',
      localPath: work,
      repository: { kind: 'github', host: 'github.com', owner: 'hotosm', repo: 'field-tm' },
    });
    expect(project.clonePath.startsWith(dataDir)).toBe(true);
    expect(sandbox.git(['rev-parse', 'main'], project.clonePath)).toBe(sandbox.git(['rev-parse', 'main'], work));
    expect(stages[0]).toBe('checking');
    expect(stages).toContain('cloning');
    expect(stages.at(-1)).toBe('done');

    expect(
      reopen()
        .registry.list()
        .map((p) => p.id),
    ).toEqual(['github.com/hotosm/field-tm']);
  });

  it('adds a project from an https URL and from the scp-like ssh form of the same repository is refused as a duplicate', async () => {
    sandbox.createRemote('hotosm', 'fmtm');
    await services.registry.add('https://github.com/hotosm/fmtm.git');
    const duplicate = await errorOf(services.registry.add('git@github.com:HOTOSM/fmtm.git'));
    expect(duplicate.code).toBe('ALREADY_ADDED');
    expect(duplicate.message).toContain('already in your projects');
    expect(services.registry.list()).toHaveLength(1);
  });

  it('refuses a folder that is not a git repository, and adds nothing', async () => {
    const plain = join(sandbox.root, 'plain-folder');
    mkdirSync(plain);
    const error = await errorOf(services.registry.add(plain));
    expect(error.code).toBe('NOT_A_REPOSITORY');
    expect(error.message).toMatch(/not a git repository/);
    expect(services.registry.list()).toEqual([]);
  });

  it('refuses a missing folder and a relative path with a message that says what to do', async () => {
    expect((await errorOf(services.registry.add(join(sandbox.root, 'nope')))).message).toMatch(/does not exist/);
    expect((await errorOf(services.registry.add('some/relative/dir'))).message).toMatch(
      /absolute folder path nor a remote URL/,
    );
  });

  it('refuses a repository with no remote', async () => {
    const lonely = join(sandbox.root, 'lonely');
    mkdirSync(lonely);
    sandbox.git(['init'], lonely);
    const error = await errorOf(services.registry.add(lonely));
    expect(error.code).toBe('NO_REMOTE');
    expect(error.message).toMatch(/git remote add origin/);
  });

  it('refuses a remote that is not GitHub', async () => {
    const other = join(sandbox.root, 'other');
    mkdirSync(other);
    sandbox.git(['init'], other);
    sandbox.git(['remote', 'add', 'origin', '/srv/git/other.git'], other);
    const error = await errorOf(services.registry.add(other));
    expect(error.code).toBe('UNSUPPORTED_REMOTE');
    expect(error.message).toContain('/srv/git/other.git');
  });

  it('reports an unreachable URL and leaves no clone or scratch folder behind', async () => {
    const error = await errorOf(services.registry.add('https://127.0.0.1:9/hotosm/missing.git'));
    expect(['NETWORK', 'NOT_FOUND']).toContain(error.code);
    expect(services.registry.list()).toEqual([]);
    const incoming = join(dataDir, 'projects', '.incoming');
    expect(existsSync(incoming) ? readdirSync(incoming) : []).toEqual([]);
    expect(readdirSync(join(dataDir, 'projects')).filter((name) => name !== '.incoming')).toEqual([]);
  });

  it('removes a project and its managed clone, but never the user clone', async () => {
    sandbox.createRemote('hotosm', 'field-tm');
    const work = sandbox.cloneWorkingCopy('hotosm', 'field-tm');
    const project = await services.registry.add(work);
    await services.registry.remove('hotosm/field-tm');
    expect(services.registry.list()).toEqual([]);
    expect(existsSync(project.clonePath)).toBe(false);
    expect(existsSync(join(work, '.git'))).toBe(true);
    expect((await errorOf(services.registry.remove('hotosm/field-tm'))).code).toBe('NOT_FOUND');
  });
});
