import { GitHubHttpError, notFound, validationFailed } from './github-error';
import { isValidRefName, objectExists, requireString } from './git-refs';
import { nodeId, type ServerUrls } from './json-urls';
import { isoSeconds, openRepository, type RouteContext } from './route-context';
import type { Router } from './router';
import type { SandboxGit } from './sandbox-git';
import type { ServerState, StoredRepository } from './server-state';

const OBJECT_TYPES = ['commit', 'tree', 'blob', 'tag'] as const;

/** An annotated tag object as git stores it. */
interface TagObject {
  sha: string;
  tag: string;
  message: string;
  object: { sha: string; type: string };
  tagger: { name: string; email: string; date: string };
}

/** A name or email that fits in git's `tagger Name <email>` line. */
function identityPart(value: unknown, field: string): string {
  if (typeof value === 'string' && value.trim() !== '' && !/[<>\n\r\0]/.test(value)) return value.trim();
  throw validationFailed({ resource: 'Tag', code: 'invalid', field: `tagger.${field}` });
}

/** The tagger of a new tag: the body's, or the signed-in user now, as GitHub does when none is given. */
function taggerOf(body: Record<string, unknown>, state: ServerState): { name: string; email: string; epoch: number } {
  const given = body.tagger;
  if (given === undefined || given === null) {
    return { name: state.user.name, email: state.user.email, epoch: Math.floor(Date.now() / 1000) };
  }
  if (typeof given !== 'object') throw validationFailed({ resource: 'Tag', code: 'invalid', field: 'tagger' });
  const tagger = given as Record<string, unknown>;
  const date = tagger.date === undefined ? Date.now() : Date.parse(String(tagger.date));
  if (Number.isNaN(date)) throw validationFailed({ resource: 'Tag', code: 'invalid', field: 'tagger.date' });
  return {
    name: identityPart(tagger.name, 'name'),
    email: identityPart(tagger.email, 'email'),
    epoch: Math.floor(date / 1000),
  };
}

/** Reads an annotated tag object; `undefined` when `sha` is not one. */
async function readTagObject(git: SandboxGit, sha: string): Promise<TagObject | undefined> {
  if (!/^[0-9a-f]{40}$/.test(sha)) return undefined;
  const kind = await git.run(['cat-file', '-t', sha], { okExitCodes: [1, 128] });
  if (kind.exitCode !== 0 || kind.stdout.trim() !== 'tag') return undefined;
  const raw = (await git.run(['cat-file', 'tag', sha])).stdout;
  const split = raw.indexOf('\n\n');
  const headers = new Map<string, string>();
  for (const line of (split === -1 ? raw : raw.slice(0, split)).split('\n')) {
    const space = line.indexOf(' ');
    if (space > 0) headers.set(line.slice(0, space), line.slice(space + 1));
  }
  const tagger = /^(.*) <([^>]*)> (\d+) [+-]\d{4}$/.exec(headers.get('tagger') ?? '');
  return {
    sha,
    tag: headers.get('tag') ?? '',
    // git ends every message with a newline that the client did not send.
    message: split === -1 ? '' : raw.slice(split + 2).replace(/\n$/, ''),
    object: { sha: headers.get('object') ?? '', type: headers.get('type') ?? 'commit' },
    tagger: {
      name: tagger?.[1] ?? '',
      email: tagger?.[2] ?? '',
      date: isoSeconds(new Date(Number(tagger?.[3] ?? 0) * 1000)),
    },
  };
}

/** GitHub's `git-tag`. The sandbox never signs, so verification says `unsigned`. */
function gitTagJson(urls: ServerUrls, repo: StoredRepository, tag: TagObject) {
  const base = `${urls.api}/repos/${repo.owner}/${repo.name}/git`;
  return {
    node_id: nodeId('Tag', repo.id) + tag.sha.slice(0, 8),
    tag: tag.tag,
    sha: tag.sha,
    url: `${base}/tags/${tag.sha}`,
    message: tag.message,
    tagger: tag.tagger,
    object: { sha: tag.object.sha, type: tag.object.type, url: `${base}/${tag.object.type}s/${tag.object.sha}` },
    verification: { verified: false, reason: 'unsigned', payload: null, signature: null, verified_at: null },
  };
}

/**
 * Annotated tag objects: create one (`git mktag`) and read one. As on GitHub, creating the object
 * makes no ref: `POST /git/refs` with `refs/tags/<tag>` and the object's sha does that.
 */
export function addGitTagRoutes(router: Router, context: RouteContext): void {
  router.add('POST', '/repos/{owner}/{repo}/git/tags', async ({ params, body }) => {
    const { repo, git } = openRepository(context, params);
    const tag = requireString(body.tag, 'Tag', 'tag');
    const object = requireString(body.object, 'Tag', 'object');
    const type = requireString(body.type, 'Tag', 'type');
    if (typeof body.message !== 'string')
      throw validationFailed({ resource: 'Tag', code: 'missing_field', field: 'message' });
    if (!(OBJECT_TYPES as readonly string[]).includes(type)) {
      throw validationFailed({ resource: 'Tag', code: 'invalid', field: 'type' });
    }
    if (!(await isValidRefName(git, `refs/tags/${tag}`))) {
      throw validationFailed({ resource: 'Tag', code: 'invalid', field: 'tag' });
    }
    if (!(await objectExists(git, object))) throw new GitHubHttpError(422, 'Object does not exist');
    if ((await git.text(['cat-file', '-t', object])) !== type) {
      throw validationFailed({ resource: 'Tag', code: 'invalid', field: 'type' });
    }
    const tagger = taggerOf(body, context.store.state);
    const message = body.message.endsWith('\n') || body.message === '' ? body.message : `${body.message}\n`;
    const text = [
      `object ${object}`,
      `type ${type}`,
      `tag ${tag}`,
      `tagger ${tagger.name} <${tagger.email}> ${tagger.epoch} +0000`,
      '',
      message,
    ].join('\n');
    const sha = await git.text(['mktag'], { input: text });
    const created = await readTagObject(git, sha);
    if (!created) throw new GitHubHttpError(500, 'Tag was not created');
    const json = gitTagJson(context.urls, repo, created);
    return { status: 201, body: json, headers: { location: json.url } };
  });

  router.add('GET', '/repos/{owner}/{repo}/git/tags/{tag_sha}', async ({ params }) => {
    const { repo, git } = openRepository(context, params);
    const found = await readTagObject(git, params.tag_sha ?? '');
    if (!found) throw notFound();
    return { status: 200, body: gitTagJson(context.urls, repo, found) };
  });
}
