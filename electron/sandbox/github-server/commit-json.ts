import { nodeId, type ServerUrls } from './json-urls';
import { isoSeconds } from './route-context';
import type { SandboxGit } from './sandbox-git';
import type { StoredRepository } from './server-state';

/** One commit as git stores it: what GitHub's `commit` JSON is built from. */
export interface CommitFacts {
  sha: string;
  tree: string;
  parents: string[];
  author: { name: string; email: string; date: string };
  committer: { name: string; email: string; date: string };
  message: string;
}

// Ten NUL-terminated fields per commit: git strips NUL from messages, so no field can contain one.
const FIELDS = ['%H', '%T', '%P', '%an', '%ae', '%aI', '%cn', '%ce', '%cI', '%B'];
const LOG_FORMAT = `--format=${FIELDS.map((field) => `${field}%x00`).join('')}`;

/**
 * Reads commits with one `git log`: `revisions` are passed after `--end-of-options` (so none is read
 * as an option), and the result is oldest first when `reverse` is set, as GitHub lists a comparison.
 */
export async function readCommits(
  git: SandboxGit,
  revisions: string[],
  options: { reverse?: boolean; noWalk?: boolean } = {},
): Promise<CommitFacts[]> {
  const args = ['log', LOG_FORMAT];
  if (options.noWalk) args.push('--no-walk=unsorted');
  if (options.reverse) args.push('--reverse');
  const output = await git.text([...args, '--end-of-options', ...revisions, '--']);
  const values = output.split('\0');
  const commits: CommitFacts[] = [];
  for (let index = 0; index + FIELDS.length <= values.length; index += FIELDS.length) {
    const [sha, tree, parents, an, ae, ad, cn, ce, cd, message] = values.slice(index, index + FIELDS.length);
    // tformat ends each commit with a newline, which starts the next commit's first field.
    const cleanSha = (sha ?? '').trim();
    if (!/^[0-9a-f]{40}$/.test(cleanSha)) continue;
    commits.push({
      sha: cleanSha,
      tree: tree ?? '',
      parents: (parents ?? '').split(' ').filter(Boolean),
      author: { name: an ?? '', email: ae ?? '', date: isoSeconds(new Date(ad ?? 0)) },
      committer: { name: cn ?? '', email: ce ?? '', date: isoSeconds(new Date(cd ?? 0)) },
      // git ends every message with a newline that GitHub does not show.
      message: (message ?? '').replace(/\n+$/, ''),
    });
  }
  return commits;
}

/**
 * GitHub's `commit` (as in a comparison's `commits`). The sandbox has no accounts behind commit emails,
 * so `author` and `committer` are `null`, as GitHub sends for an email it cannot match to a user.
 */
export function commitJson(urls: ServerUrls, repo: StoredRepository, commit: CommitFacts) {
  const api = `${urls.api}/repos/${repo.owner}/${repo.name}`;
  const html = `${urls.html}/${repo.owner}/${repo.name}`;
  return {
    url: `${api}/commits/${commit.sha}`,
    sha: commit.sha,
    node_id: nodeId('Commit', repo.id) + commit.sha.slice(0, 8),
    html_url: `${html}/commit/${commit.sha}`,
    comments_url: `${api}/commits/${commit.sha}/comments`,
    commit: {
      url: `${api}/git/commits/${commit.sha}`,
      author: commit.author,
      committer: commit.committer,
      message: commit.message,
      comment_count: 0,
      tree: { sha: commit.tree, url: `${api}/git/trees/${commit.tree}` },
      verification: { verified: false, reason: 'unsigned', payload: null, signature: null, verified_at: null },
    },
    author: null,
    committer: null,
    parents: commit.parents.map((sha) => ({ sha, url: `${api}/commits/${sha}`, html_url: `${html}/commit/${sha}` })),
  };
}
