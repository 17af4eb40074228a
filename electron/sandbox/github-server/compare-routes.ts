import { commitJson, readCommits, type CommitFacts } from './commit-json';
import { GitHubHttpError, notFound } from './github-error';
import type { ServerUrls } from './json-urls';
import { paginate } from './pagination';
import { openRepository, type RouteContext } from './route-context';
import type { Router } from './router';
import type { SandboxGit } from './sandbox-git';
import type { StoredRepository } from './server-state';

/** GitHub lists at most this many commits of a comparison when no page is asked for. */
const DEFAULT_COMMITS = 250;
/** ...and at most this many changed files. */
const MAX_FILES = 300;

const FILE_STATUS: Record<string, string> = { A: 'added', D: 'removed', M: 'modified', T: 'changed' };

/** A side of `BASE...HEAD` as a name: `owner:branch` (GitHub's spelling for a fork) loses its owner. */
function sideName(repo: StoredRepository, side: string): string {
  const colon = side.indexOf(':');
  // Only the repository's own owner is served; a fork's branch is a 404.
  if (colon >= 0 && side.slice(0, colon).toLowerCase() !== repo.owner.toLowerCase()) throw notFound();
  const name = colon >= 0 ? side.slice(colon + 1) : side;
  if (name === '' || name.startsWith('-') || /[\s\0]/.test(name)) throw notFound();
  return name;
}

/**
 * The commits `names` resolve to (a branch first, then a tag, then a sha, as GitHub looks), every
 * candidate of every name asked in one `git cat-file --batch-check` rather than a process each.
 */
async function commitsOf(git: SandboxGit, names: string[]): Promise<string[]> {
  const candidates = names.map((name) => [
    `refs/heads/${name}`,
    `refs/tags/${name}`,
    ...(/^[0-9a-f]{7,40}$/i.test(name) ? [name] : []),
  ]);
  const input = candidates.flat().map((candidate) => `${candidate}^{commit}\n`);
  // One output line per input line: `<sha> commit`, or `<input> missing` (a tree or blob says so on stderr).
  const lines = (
    await git.run(['cat-file', '--batch-check=%(objectname) %(objecttype)'], { input: input.join('') })
  ).stdout.split('\n');
  let at = 0;
  return candidates.map((list) => {
    const found = list.map((_, index) => lines[at + index] ?? '').find((line) => line.endsWith(' commit'));
    at += list.length;
    if (!found) throw notFound();
    return found.split(' ')[0] ?? '';
  });
}

/** GitHub's `diff-entry` list for the changes from `from` to `to` (renames off, as plain adds and removes). */
async function diffEntries(git: SandboxGit, urls: ServerUrls, repo: StoredRepository, from: string, to: string) {
  // One process for both lists: `--raw -z` writes `:<modes> <old sha> <new sha> <status>` and the path as
  // two NUL-ended fields per file, then `--numstat -z` writes `<added>\t<deleted>\t<path>` per file.
  const fields = (
    await git.run([
      'diff',
      '--raw',
      '--numstat',
      '-z',
      '--no-renames',
      '--no-abbrev',
      '--end-of-options',
      from,
      to,
      '--',
    ])
  ).stdout.split('\0');
  const raw: { header: string; filename: string }[] = [];
  const counts = new Map<string, { additions: number; deletions: number }>();
  for (let index = 0; index < fields.length; index += 1) {
    const field = fields[index] ?? '';
    if (field.startsWith(':')) {
      raw.push({ header: field.slice(1), filename: fields[index + 1] ?? '' });
      index += 1;
    } else if (field !== '') {
      const [added, deleted, ...path] = field.split('\t');
      // Binary files count `-` lines; GitHub counts them as 0.
      counts.set(path.join('\t'), { additions: Number(added) || 0, deletions: Number(deleted) || 0 });
    }
  }
  const api = `${urls.api}/repos/${repo.owner}/${repo.name}`;
  const html = `${urls.html}/${repo.owner}/${repo.name}`;
  const entries = [];
  for (const { header, filename } of raw.slice(0, MAX_FILES)) {
    const parts = header.split(' ');
    const [oldSha, newSha, status] = [parts[2] ?? '', parts[3] ?? '', (parts[4] ?? '').charAt(0)];
    if (!filename || !status) continue;
    const count = counts.get(filename) ?? { additions: 0, deletions: 0 };
    const path = filename.split('/').map(encodeURIComponent).join('/');
    entries.push({
      sha: status === 'D' ? oldSha : newSha,
      filename,
      status: FILE_STATUS[status] ?? 'modified',
      additions: count.additions,
      deletions: count.deletions,
      changes: count.additions + count.deletions,
      blob_url: `${html}/blob/${to}/${path}`,
      raw_url: `${html}/raw/${to}/${path}`,
      contents_url: `${api}/contents/${path}?ref=${to}`,
    });
  }
  return entries;
}

/** Where the head stands against the base, in GitHub's words. */
function comparisonStatus(ahead: number, behind: number): 'identical' | 'ahead' | 'behind' | 'diverged' {
  if (ahead === 0 && behind === 0) return 'identical';
  if (behind === 0) return 'ahead';
  return ahead === 0 ? 'behind' : 'diverged';
}

/**
 * `GET /repos/{owner}/{repo}/compare/{basehead}`: GitHub's `commit-comparison` of `BASE...HEAD`, read
 * from the bare repository: counts from the merge base, the head's own commits (oldest first, 250 or
 * a page of them) and the files they change.
 */
export function addCompareRoutes(router: Router, context: RouteContext): void {
  // `{basehead+}`: Octokit writes `/` inside a branch name as `%2F`, but a hand-written URL may not.
  router.add('GET', '/repos/{owner}/{repo}/compare/{basehead+}', async ({ params, url }) => {
    const { repo, git } = openRepository(context, params);
    const basehead = params.basehead ?? '';
    const split = basehead.indexOf('...');
    if (split <= 0 || split + 3 >= basehead.length) throw notFound();
    const [baseName, headName] = [basehead.slice(0, split), basehead.slice(split + 3)];
    const [base = '', head = ''] = await commitsOf(git, [sideName(repo, baseName), sideName(repo, headName)]);
    // Independent reads run side by side: a comparison waits on three rounds of git, not eight.
    const [found, counted, own] = await Promise.all([
      git.run(['merge-base', '--end-of-options', base, head], { okExitCodes: [1] }),
      git.text(['rev-list', '--left-right', '--count', '--end-of-options', `${base}...${head}`, '--']),
      readCommits(git, [head, `^${base}`], { reverse: true }),
    ]);
    const mergeBase = found.stdout.trim();
    if (found.exitCode !== 0 || !mergeBase) {
      throw new GitHubHttpError(404, `No common ancestor between ${baseName} and ${headName}.`);
    }
    const [behindText, aheadText] = counted.split(/\s+/);
    const ahead = Number(aheadText) || 0;
    const behind = Number(behindText) || 0;
    // `--no-walk` shows a commit named twice once, so the base and the merge base are looked up by sha.
    const [ends, files] = await Promise.all([
      readCommits(git, [...new Set([base, mergeBase])], { noWalk: true }),
      diffEntries(git, context.urls, repo, mergeBase, head),
    ]);
    const baseCommit = ends.find((commit) => commit.sha === base);
    const mergeBaseCommit = ends.find((commit) => commit.sha === mergeBase);
    if (!baseCommit || !mergeBaseCommit) throw notFound();
    const paged = url.searchParams.has('page') || url.searchParams.has('per_page');
    const page = paged ? paginate(own, url) : { items: own.slice(0, DEFAULT_COMMITS), headers: {} };

    const api = `${context.urls.api}/repos/${repo.owner}/${repo.name}`;
    const html = `${context.urls.html}/${repo.owner}/${repo.name}`;
    const shortSide = (sha: string) => `${repo.owner}:${sha.slice(0, 7)}`;
    const toJson = (commit: CommitFacts) => commitJson(context.urls, repo, commit);
    return {
      status: 200,
      headers: page.headers,
      body: {
        url: `${api}/compare/${basehead}`,
        html_url: `${html}/compare/${basehead}`,
        permalink_url: `${html}/compare/${shortSide(base)}...${shortSide(head)}`,
        diff_url: `${html}/compare/${basehead}.diff`,
        patch_url: `${html}/compare/${basehead}.patch`,
        base_commit: toJson(baseCommit),
        merge_base_commit: toJson(mergeBaseCommit),
        status: comparisonStatus(ahead, behind),
        ahead_by: ahead,
        behind_by: behind,
        total_commits: ahead,
        commits: page.items.map(toJson),
        files,
      },
    };
  });
}
