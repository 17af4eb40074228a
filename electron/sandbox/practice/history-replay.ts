import type { Octokit } from '@octokit/rest';
import type { SandboxGit } from '../github-server/sandbox-git';
import { FastImportBatch } from './fast-import-batch';
import type { HistoryStep } from './practice-history';

/** Where a replay writes: the bare repository directly, and the server through the product's client. */
export interface ReplayTarget {
  git: SandboxGit;
  client: Octokit;
  owner: string;
  repo: string;
  /** Called after each step with a short description of it. */
  onStep?: (description: string) => void;
}

/**
 * Replays the history: commits are written with `git fast-import` (fixed authors and dates), PRs are
 * opened and merged and releases published through the server's API, so the PRs, merge commits,
 * squashes and tags are the ones GitHub would have made. Merged PR branches are deleted at the end, as
 * GitHub's "delete branch" button would.
 */
export async function replayHistory(steps: readonly HistoryStep[], target: ReplayTarget): Promise<void> {
  const { git, client, owner, repo } = target;
  const tips = new Map<string, string>();
  const mergedBranches: string[] = [];

  for (const step of steps) {
    const batch = new FastImportBatch(tips);
    if (step.kind === 'push') {
      if (step.commits.length === 0 && step.from) batch.branchAt(step.branch, step.from);
      step.commits.forEach((commit, index) => batch.commit(step.branch, commit, index === 0 ? step.from : undefined));
      await batch.write(git);
      target.onStep?.(`Pushed to ${step.branch}`);
    } else if (step.kind === 'pull') {
      step.commits.forEach((commit, index) =>
        batch.commit(step.head, commit, index === 0 ? (step.from ?? step.base) : undefined),
      );
      await batch.write(git);
      const { data: pull } = await client.rest.pulls.create({
        owner,
        repo,
        head: step.head,
        base: step.base,
        title: step.title,
        body: step.body,
      });
      if (step.merge) {
        const { data: merged } = await client.rest.pulls.merge({
          owner,
          repo,
          pull_number: pull.number,
          merge_method: step.merge,
          sha: pull.head.sha,
        });
        tips.set(step.base, merged.sha);
        if (step.commits.length > 0) mergedBranches.push(step.head);
      }
      target.onStep?.(`${step.merge ? 'Merged' : 'Opened'} #${pull.number} ${step.title}`);
    } else {
      await client.rest.repos.createRelease({
        owner,
        repo,
        tag_name: step.tag,
        target_commitish: 'main',
        name: step.tag,
        body: step.body,
      });
      target.onStep?.(`Published ${step.tag}`);
    }
  }

  // One transaction; each delete names the sha it expects, so nothing else is ever removed.
  const deletes = mergedBranches.map((branch) => `delete refs/heads/${branch} ${tips.get(branch)}\n`).join('');
  if (deletes) await git.run(['update-ref', '--stdin'], { input: deletes });
}
