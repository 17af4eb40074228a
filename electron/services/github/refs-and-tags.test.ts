import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/ipc/errors';
import {
  attachOpenApiValidation,
  createGitHubServerFixture,
  type GitHubServerFixture,
} from '../../sandbox/github-server/testing/github-server-fixture';
import { OpenApiResponseValidator } from '../../sandbox/github-server/testing/openapi-response-validator';
import { createGitHubClient, type GitHubClient } from './github-client';
import { createRefExclusive, deleteRef, findOrCreateRef, getRef, updateRef } from './refs';
import { findOrCreateTag, tagCommit } from './tags';

let fixture: GitHubServerFixture;
let client: GitHubClient;
let main: string;

beforeAll(async () => {
  const validator = new OpenApiResponseValidator();
  fixture = await createGitHubServerFixture(validator);
  client = createGitHubClient({
    writeSpacingMs: 0,
    apiUrl: fixture.server.apiUrl,
    token: fixture.server.token,
    retries: 0,
  });
  attachOpenApiValidation(client, validator);
  main = fixture.bareGit(['rev-parse', 'main']);
});
afterAll(async () => {
  await fixture.dispose();
});

const repo = () => ({ owner: fixture.owner, repo: fixture.repo });
const refsUnder = (prefix: string) =>
  fixture.bareGit(['for-each-ref', '--format=%(refname)', prefix]).split('\n').filter(Boolean);

/** The AppError a promise rejects with. */
async function appErrorOf(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (failure: unknown) => failure,
  );
  if (!(error instanceof AppError)) throw new Error(`Expected an AppError, got ${String(error)}`);
  return error;
}

describe('refs', () => {
  it('reads a ref as its sha, and a missing one as null', async () => {
    expect(await getRef(client, repo(), 'refs/heads/main')).toBe(main);
    expect(await getRef(client, repo(), 'heads/main')).toBe(main);
    expect(await getRef(client, repo(), 'refs/heads/none')).toBeNull();
    expect((await appErrorOf(getRef(client, repo(), 'refs/heads/bad..name'))).code).toBe('INVALID_ARGUMENTS');
  });

  it('creates a ref once; a re-run changes nothing and a ref at another commit is a CONFLICT', async () => {
    expect(await findOrCreateRef(client, repo(), { ref: 'refs/heads/freeze/2026.1', sha: main })).toEqual({
      created: true,
    });
    expect(await findOrCreateRef(client, repo(), { ref: 'refs/heads/freeze/2026.1', sha: main })).toEqual({
      created: false,
    });
    expect(refsUnder('refs/heads/freeze')).toEqual(['refs/heads/freeze/2026.1']);

    const other = fixture.commitOn('other', 'o.txt', 'o\n', 'feat: other', 'main');
    const conflict = await appErrorOf(findOrCreateRef(client, repo(), { ref: 'refs/heads/freeze/2026.1', sha: other }));
    expect(conflict.code).toBe('CONFLICT');
    expect(conflict.message).toContain(main.slice(0, 7));
    expect(conflict.message).toContain(other.slice(0, 7));
    expect(fixture.bareGit(['rev-parse', 'refs/heads/freeze/2026.1'])).toBe(main);
  });

  it('judges a 422 "Reference already exists" on create by the same rule (the look missed it)', async () => {
    const other = fixture.bareGit(['rev-parse', 'other']);
    fixture.bareGit(['update-ref', 'refs/heads/raced', main]);
    const hideOnce = () =>
      fixture.server.injectFault({
        method: 'GET',
        path: '/repos/{owner}/{repo}/git/ref/{ref}',
        fault: { kind: 'status', status: 404, message: 'Not Found' },
      });
    hideOnce();
    expect(await findOrCreateRef(client, repo(), { ref: 'refs/heads/raced', sha: main })).toEqual({ created: false });
    hideOnce();
    expect((await appErrorOf(findOrCreateRef(client, repo(), { ref: 'refs/heads/raced', sha: other }))).code).toBe(
      'CONFLICT',
    );
  });

  it('recovers from a create whose answer was lost: the re-run finds the ref', async () => {
    fixture.server.injectFault({
      method: 'POST',
      path: '/repos/{owner}/{repo}/git/refs',
      fault: { kind: 'drop-after-write' },
    });
    const lost = await appErrorOf(findOrCreateRef(client, repo(), { ref: 'refs/heads/lost', sha: main }));
    expect(lost.code).toBe('NETWORK');
    expect(await findOrCreateRef(client, repo(), { ref: 'refs/heads/lost', sha: main })).toEqual({ created: false });
  });

  it('creates a lock ref exclusively', async () => {
    expect(await createRefExclusive(client, repo(), { ref: 'refs/release-desk/lock', sha: main })).toBe('created');
    expect(await createRefExclusive(client, repo(), { ref: 'refs/release-desk/lock', sha: main })).toBe('exists');
  });

  it('deletes a ref, and a second delete reports it was already gone', async () => {
    expect(await deleteRef(client, repo(), 'refs/release-desk/lock')).toEqual({ deleted: true });
    expect(refsUnder('refs/release-desk')).toEqual([]);
    expect(await deleteRef(client, repo(), 'refs/release-desk/lock')).toEqual({ deleted: false });
  });

  it('moves a ref forward only: a move that would drop commits is a CONFLICT, a missing ref REF_MISSING', async () => {
    const ahead = fixture.commitOn('ahead', 'a.txt', 'a\n', 'feat: ahead', 'main');
    await updateRef(client, repo(), { ref: 'refs/heads/freeze/2026.1', sha: ahead });
    expect(fixture.bareGit(['rev-parse', 'refs/heads/freeze/2026.1'])).toBe(ahead);
    const back = await appErrorOf(updateRef(client, repo(), { ref: 'refs/heads/freeze/2026.1', sha: main }));
    expect(back.code).toBe('CONFLICT');
    expect(fixture.bareGit(['rev-parse', 'refs/heads/freeze/2026.1'])).toBe(ahead);
    expect((await appErrorOf(updateRef(client, repo(), { ref: 'refs/heads/gone', sha: main }))).code).toBe(
      'REF_MISSING',
    );
  });
});

describe('tags', () => {
  it('creates a lightweight tag once, and refuses it at another commit', async () => {
    expect(await findOrCreateTag(client, repo(), { tag: '2026.1.0', sha: main })).toEqual({ created: true });
    expect(await findOrCreateTag(client, repo(), { tag: '2026.1.0', sha: main })).toEqual({ created: false });
    const other = fixture.bareGit(['rev-parse', 'other']);
    const conflict = await appErrorOf(findOrCreateTag(client, repo(), { tag: '2026.1.0', sha: other }));
    expect(conflict.code).toBe('CONFLICT');
    expect(conflict.message).toContain(
      `refs/tags/2026.1.0 already exists at ${main.slice(0, 7)}, not at ${other.slice(0, 7)}`,
    );
    expect(refsUnder('refs/tags')).toEqual(['refs/tags/2026.1.0']);
  });

  it('creates an annotated tag and compares its peeled commit on a re-run', async () => {
    const tagger = { name: 'Rel Manager', email: 'rm@example.test', date: '2026-01-05T10:00:00Z' };
    const request = { tag: 'v2026.2.0', sha: main, annotated: { message: 'Release 2026.2.0', tagger } };
    expect(await findOrCreateTag(client, repo(), request)).toEqual({ created: true });
    expect(fixture.bareGit(['cat-file', '-t', 'refs/tags/v2026.2.0'])).toBe('tag');
    expect(fixture.bareGit(['for-each-ref', '--format=%(taggername) %(contents:subject)', 'refs/tags/v2026.2.0'])).toBe(
      'Rel Manager Release 2026.2.0',
    );
    expect(await tagCommit(client, repo(), 'v2026.2.0')).toBe(main);
    expect(await findOrCreateTag(client, repo(), request)).toEqual({ created: false });
    const other = fixture.bareGit(['rev-parse', 'other']);
    expect((await appErrorOf(findOrCreateTag(client, repo(), { ...request, sha: other }))).code).toBe('CONFLICT');
    expect(refsUnder('refs/tags')).toEqual(['refs/tags/2026.1.0', 'refs/tags/v2026.2.0']);
    expect(await tagCommit(client, repo(), 'none')).toBeNull();
  });
});
