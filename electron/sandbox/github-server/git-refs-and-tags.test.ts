import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGitHubServerFixture, failureOf, type GitHubServerFixture } from './testing/github-server-fixture';
import { OpenApiResponseValidator } from './testing/openapi-response-validator';

let fixture: GitHubServerFixture;

beforeAll(async () => {
  fixture = await createGitHubServerFixture(new OpenApiResponseValidator());
});
afterAll(async () => {
  await fixture.dispose();
});

const repo = () => ({ owner: fixture.owner, repo: fixture.repo });

describe('git refs', () => {
  it('answers 422 "Reference already exists" for a second create, leaving the ref where it was', async () => {
    const main = fixture.bareGit(['rev-parse', 'main']);
    const other = fixture.commitOn('other', 'o.txt', 'o\n', 'feat: other', 'main');
    await fixture.octokit.rest.git.createRef({ ...repo(), ref: 'refs/heads/lock', sha: main });
    const again = await failureOf(
      fixture.octokit.rest.git.createRef({ ...repo(), ref: 'refs/heads/lock', sha: other }),
    );
    expect(again).toMatchObject({ status: 422, data: { message: 'Reference already exists' } });
    expect(fixture.bareGit(['rev-parse', 'refs/heads/lock'])).toBe(main);
  });

  it('moves a ref forward, refuses a rewind without force, and rewinds with force as GitHub allows', async () => {
    const start = fixture.bareGit(['rev-parse', 'main']);
    fixture.bareGit(['update-ref', 'refs/heads/moving', start]);
    const ahead = fixture.commitOn('ahead', 'a.txt', 'a\n', 'feat: ahead', 'main');
    const { data } = await fixture.octokit.rest.git.updateRef({ ...repo(), ref: 'heads/moving', sha: ahead });
    expect(data).toMatchObject({ ref: 'refs/heads/moving', object: { sha: ahead, type: 'commit' } });

    const back = await failureOf(fixture.octokit.rest.git.updateRef({ ...repo(), ref: 'heads/moving', sha: start }));
    expect(back).toMatchObject({ status: 422, data: { message: 'Update is not a fast forward' } });
    expect(fixture.bareGit(['rev-parse', 'refs/heads/moving'])).toBe(ahead);

    const sideways = fixture.commitOn('sideways', 's.txt', 's\n', 'feat: sideways', 'main');
    const notAhead = await failureOf(
      fixture.octokit.rest.git.updateRef({ ...repo(), ref: 'heads/moving', sha: sideways }),
    );
    expect(notAhead.status).toBe(422);

    await fixture.octokit.rest.git.updateRef({ ...repo(), ref: 'heads/moving', sha: start, force: true });
    expect(fixture.bareGit(['rev-parse', 'refs/heads/moving'])).toBe(start);
  });

  it('422s on moving a missing ref or to a missing object', async () => {
    const main = fixture.bareGit(['rev-parse', 'main']);
    const missing = await failureOf(fixture.octokit.rest.git.updateRef({ ...repo(), ref: 'heads/nope', sha: main }));
    expect(missing).toMatchObject({ status: 422, data: { message: 'Reference does not exist' } });
    const noObject = await failureOf(
      fixture.octokit.rest.git.updateRef({ ...repo(), ref: 'heads/main', sha: 'f'.repeat(40) }),
    );
    expect(noObject).toMatchObject({ status: 422, data: { message: 'Object does not exist' } });
  });

  it('deletes a ref with 204, then answers 422 "Reference does not exist"', async () => {
    const main = fixture.bareGit(['rev-parse', 'main']);
    fixture.bareGit(['update-ref', 'refs/heads/feature/doomed', main]);
    const { status } = await fixture.octokit.rest.git.deleteRef({ ...repo(), ref: 'heads/feature/doomed' });
    expect(status).toBe(204);
    expect(fixture.bareGit(['for-each-ref', 'refs/heads/feature/doomed'])).toBe('');
    const again = await failureOf(fixture.octokit.rest.git.deleteRef({ ...repo(), ref: 'heads/feature/doomed' }));
    expect(again).toMatchObject({ status: 422, data: { message: 'Reference does not exist' } });
  });

  it('lists refs by name prefix, and [] when none match', async () => {
    const main = fixture.bareGit(['rev-parse', 'main']);
    for (const tag of ['v1', 'v1.2', 'v2']) fixture.bareGit(['update-ref', `refs/tags/${tag}`, main]);
    const { data } = await fixture.octokit.rest.git.listMatchingRefs({ ...repo(), ref: 'tags/v1' });
    expect(data.map((ref) => ref.ref)).toEqual(['refs/tags/v1', 'refs/tags/v1.2']);
    const { data: none } = await fixture.octokit.rest.git.listMatchingRefs({ ...repo(), ref: 'tags/zzz' });
    expect(none).toEqual([]);
  });
});

describe('annotated tags', () => {
  it('creates a tag object with its tagger and no ref, then a ref to it with POST refs', async () => {
    const main = fixture.bareGit(['rev-parse', 'main']);
    const tagger = { name: 'Rel Manager', email: 'rm@example.test', date: '2026-01-05T10:00:00Z' };
    const { data: tag, status } = await fixture.octokit.rest.git.createTag({
      ...repo(),
      tag: '2026.1.0',
      message: 'Release 2026.1.0',
      object: main,
      type: 'commit',
      tagger,
    });
    expect(status).toBe(201);
    expect(tag).toMatchObject({ tag: '2026.1.0', message: 'Release 2026.1.0', tagger, object: { sha: main } });
    expect(fixture.bareGit(['cat-file', '-t', tag.sha])).toBe('tag');
    expect(fixture.bareGit(['tag', '--list', '2026.1.0'])).toBe('');

    const { data: ref } = await fixture.octokit.rest.git.createRef({
      ...repo(),
      ref: 'refs/tags/2026.1.0',
      sha: tag.sha,
    });
    expect(ref.object).toMatchObject({ type: 'tag', sha: tag.sha });
    expect(fixture.bareGit(['rev-parse', '2026.1.0^{commit}'])).toBe(main);

    const { data: read } = await fixture.octokit.rest.git.getTag({ ...repo(), tag_sha: tag.sha });
    expect(read).toEqual(tag);
  });

  it('defaults the tagger to the signed-in user, and refuses bad names, types and objects', async () => {
    const main = fixture.bareGit(['rev-parse', 'main']);
    const { data } = await fixture.octokit.rest.git.createTag({
      ...repo(),
      tag: 'v-default',
      message: '',
      object: main,
      type: 'commit',
    });
    expect(data.tagger).toMatchObject({ name: 'sandbox-user', email: 'sandbox-user@users.noreply.test' });
    const bad = (overrides: Record<string, string>) =>
      failureOf(
        fixture.octokit.rest.git.createTag({
          ...repo(),
          tag: 'ok',
          message: 'm',
          object: main,
          type: 'commit',
          ...overrides,
        }),
      );
    expect((await bad({ tag: 'bad..name' })).status).toBe(422);
    expect((await bad({ type: 'tree' })).status).toBe(422);
    expect((await bad({ object: 'e'.repeat(40) })).status).toBe(422);
    expect((await failureOf(fixture.octokit.rest.git.getTag({ ...repo(), tag_sha: main }))).status).toBe(404);
  });
});
