import { LANES, type Lane } from '../../../shared/domain/config/project-config';
import { renderReleaseMarkdown } from '../../../shared/domain/notes/render-markdown';
import type { TrainStatus } from '../../../shared/domain/train/train-status';
import { loadEffectiveConfig } from '../../services/config/config-loader';
import { openRepository } from '../../services/git/git-repository';
import type { RefEntry } from '../../services/git/log-format';
import type { GitHubClient } from '../../services/github/github-client';
import { generateNotes, type NotesResult } from '../../services/notes/notes-service';
import { computeTrainStatus, laneRef, tagFormatFor } from '../../services/train/train-status';
import { requireFullSha } from './choice-validation';
import type { FlowFacts } from './flow-facts';
import { githubFacts, pullsOf } from './gather-github-facts';
import { releaseWorkflowOf } from './release-workflow';

/** Where to read the facts from. */
export interface GatherFactsInput {
  projectId: string;
  /** The app-managed clone (or a bare repository) of the project, already fetched. */
  dir: string;
  /** The app's empty hooks folder. */
  hooksDir: string;
  /** A `.release-desk.yml` that replaces the repository's own. */
  configFile?: string;
  repository: { owner: string; repo: string };
  /** A client for the repository's GitHub; null when no account is connected. */
  client: GitHubClient | null;
  /** The release date, for the CalVer year; today by default. */
  date?: Date;
  /** The development commit a freeze would take; development's head by default. */
  freezeSha?: string;
}

/** The branches the remote has, by name: `origin/*` in a clone, local branches in a bare repository. */
function remoteBranchesOf(refs: readonly RefEntry[]): Record<string, string> {
  const branches: Record<string, string> = {};
  const remote = refs.filter((ref) => ref.name.startsWith('refs/remotes/origin/'));
  const source = remote.length > 0 ? remote : refs.filter((ref) => ref.name.startsWith('refs/heads/'));
  for (const ref of source) {
    const name = ref.name.replace(/^refs\/(remotes\/origin|heads)\//, '');
    if (name !== 'HEAD') branches[name] = ref.sha;
  }
  return branches;
}

function tagsOf(refs: readonly RefEntry[]): Record<string, string> {
  const tags: Record<string, string> = {};
  for (const ref of refs) if (ref.name.startsWith('refs/tags/')) tags[ref.name.slice('refs/tags/'.length)] = ref.sha;
  return tags;
}

/** The notes as the GitHub release body would carry them. */
function markdownOf(result: NotesResult): string {
  return renderReleaseMarkdown({ summary: '', entries: result.notes.entries, notes: result.notes }).markdown;
}

function pairOf(status: TrainStatus, from: Lane, to: Lane) {
  return status.pairs.find((pair) => pair.from === from && pair.to === to);
}

/**
 * Reads every fact the planners and preflight checks need: the train status and config from git, the
 * next version and notes from the notes engine (counted up to development for a freeze, staging for a
 * promote, main for a release), and GitHub's side (who, permissions, open PRs, main's rules, CI of the
 * freeze commit, the deploys) when a client is given.
 */
export async function gatherFlowFacts(input: GatherFactsInput): Promise<FlowFacts> {
  const repo = openRepository(input.dir, { hooksDir: input.hooksDir });
  const refs = await repo.refs();
  const effective = await loadEffectiveConfig(repo, input.configFile, refs);
  const config = effective.config;
  const branches = { ...config.branches };
  const status = await computeTrainStatus(repo, effective, undefined, refs);
  const refOf = (lane: Lane) => laneRef(refs, branches[lane])?.name ?? null;
  const heads = Object.fromEntries(
    LANES.map((lane) => [lane, status.lanes.find((entry) => entry.name === lane)?.head?.sha ?? null]),
  ) as Record<Lane, string | null>;
  const remoteBranches = remoteBranchesOf(refs);
  const tags = tagsOf(refs);
  const tagFormat = tagFormatFor(effective, Object.keys(tags));
  const deployWorkflows: Partial<Record<Lane, string>> = {};
  for (const lane of LANES) {
    const workflow = config.deployments[lane]?.workflow;
    if (workflow) deployWorkflows[lane] = workflow;
  }

  const freezeSha = input.freezeSha ? requireFullSha(input.freezeSha, 'commit to freeze') : heads.development;
  const notesAt = (to: string | null) =>
    generateNotes(
      {
        dir: input.dir,
        ...(input.configFile ? { configFile: input.configFile } : {}),
        ...(to ? { to } : {}),
        ...(input.date ? { date: input.date } : {}),
      },
      { hooksDir: input.hooksDir },
    );
  const [freezeNotes, promoteNotes, releaseNotes, releaseWorkflow] = await Promise.all([
    notesAt(freezeSha ?? refOf('development')),
    notesAt(refOf('staging')),
    notesAt(refOf('main')),
    releaseWorkflowOf(repo, refOf('main')),
  ]);

  const stagingRef = refOf('staging');
  const frozenCommits = freezeSha ? await repo.log(stagingRef, freezeSha) : [];
  const releaseBranchName = `release/${freezeNotes.version.next}`;
  const releaseBranchSha = remoteBranches[releaseBranchName] ?? null;
  const promotePair = pairOf(status, 'staging', 'main');

  const github = input.client
    ? await githubFacts(input.client, input.repository, { branches, deployWorkflows, freezeSha })
    : null;
  const [includedPulls, promotePulls] = await Promise.all([
    pullsOf(input.client, input.repository, frozenCommits),
    pullsOf(input.client, input.repository, promotePair?.details ?? []),
  ]);

  return {
    projectId: input.projectId,
    repository: { ...input.repository },
    branches,
    heads,
    remoteBranches,
    tags,
    tagFormat,
    freezeMode: config.freeze.mode,
    mergeMethod: config.freeze.method,
    deployWorkflows,
    releaseWorkflow,
    backMerge: status.backMerge,
    freeze: {
      version: freezeNotes.version,
      sha: freezeSha,
      includedPulls,
      waitingCommits: frozenCommits.length,
      releaseBranch: {
        name: releaseBranchName,
        sha: releaseBranchSha,
        mergedIntoStaging:
          releaseBranchSha !== null && stagingRef !== null && (await repo.isAncestor(releaseBranchSha, stagingRef)),
      },
    },
    promote: {
      version: promoteNotes.version,
      notes: markdownOf(promoteNotes),
      waitingCommits: promotePair?.ahead ?? 0,
      includedPulls: promotePulls,
    },
    release: {
      version: releaseNotes.version,
      notes: markdownOf(releaseNotes),
      versionFiles: releaseNotes.versionFiles.map((file) => ({ path: file.path, problem: file.problem })),
      stagingAheadOfMain: promotePair?.ahead ?? 0,
    },
    github,
  };
}
