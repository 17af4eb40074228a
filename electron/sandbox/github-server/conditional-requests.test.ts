import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ifNoneMatchHits, weakEtag } from './etag';
import { createGitHubServerFixture, failureOf, type GitHubServerFixture } from './testing/github-server-fixture';
import { OpenApiResponseValidator } from './testing/openapi-response-validator';

let fixture: GitHubServerFixture;

beforeAll(async () => {
  fixture = await createGitHubServerFixture(new OpenApiResponseValidator());
});
afterAll(async () => {
  await fixture.dispose();
});

const getMain = (etag?: string) =>
  fixture.octokit.rest.git.getRef({
    owner: fixture.owner,
    repo: fixture.repo,
    ref: 'heads/main',
    headers: etag ? { 'if-none-match': etag } : {},
  });

describe('conditional requests', () => {
  it('answers a matching If-None-Match with a bodiless 304 until the resource changes', async () => {
    const first = await getMain();
    const etag = first.headers.etag ?? '';
    expect(etag).toMatch(/^W\/"[0-9a-f]+"$/);
    const again = await failureOf(getMain(etag));
    expect(again).toMatchObject({ status: 304 });
    expect(again.data).toBeFalsy();

    fixture.commitOn('main', 'next.txt', 'n\n', 'feat: next');
    const changed = await getMain(etag);
    expect(changed.status).toBe(200);
    expect(changed.headers.etag).not.toBe(etag);
    expect(changed.data.object.sha).toBe(fixture.bareGit(['rev-parse', 'main']));
  });

  it('counts requests in x-ratelimit headers, but not the 304s', async () => {
    const first = await getMain();
    const used = Number(first.headers['x-ratelimit-used']);
    expect(first.headers).toMatchObject({ 'x-ratelimit-limit': '5000', 'x-ratelimit-resource': 'core' });
    expect(Number(first.headers['x-ratelimit-remaining'])).toBe(5000 - used);
    await failureOf(getMain(first.headers.etag));
    const next = await getMain();
    expect(Number(next.headers['x-ratelimit-used'])).toBe(used + 1);
    const failed = await failureOf(
      fixture.octokit.rest.git.getRef({ owner: fixture.owner, repo: fixture.repo, ref: 'heads/none' }),
    );
    expect(failed.status).toBe(404);
    expect(Number((await getMain()).headers['x-ratelimit-used'])).toBe(used + 3);
  });

  it('compares entity tags weakly, in lists and with *', () => {
    const etag = weakEtag({ a: 1 });
    expect(weakEtag({ a: 1 })).toBe(etag);
    expect(weakEtag({ a: 2 })).not.toBe(etag);
    expect(ifNoneMatchHits(etag.replace('W/', ''), etag)).toBe(true);
    expect(ifNoneMatchHits(`W/"other", ${etag}`, etag)).toBe(true);
    expect(ifNoneMatchHits('*', etag)).toBe(true);
    expect(ifNoneMatchHits('W/"other"', etag)).toBe(false);
    expect(ifNoneMatchHits(undefined, etag)).toBe(false);
  });
});
