import type { TrainGitHubView } from '../../shared/domain/train/train-github';
import type { TrainReport } from '../services/train/train-service';

/**
 * The `status --json` document: the fields the issue promises (`lanes`, `pairs`, `backMerge`,
 * `lastRelease`, `versionFiles`, `warnings`) plus context. Commit details are left out to keep it
 * small; the full shas are there for scripts that want more.
 */
export function statusJson(report: TrainReport): unknown {
  const { status } = report;
  return {
    lanes: status.lanes.map((lane) => ({ name: lane.name, branch: lane.branch, ref: lane.ref, head: lane.head })),
    pairs: status.pairs.map(({ details: _details, ...pair }) => pair),
    backMerge: status.backMerge.map(({ details: _details, ...debt }) => debt),
    lastRelease: status.lastRelease,
    versionFiles: status.versionFiles,
    warnings: status.warnings,
    laneWarnings: status.laneWarnings,
    tagFormat: status.tagFormat,
    config: report.configSources,
    fetchError: report.fetchError,
    computedAt: status.computedAt,
  };
}

const short = (sha: string): string => sha.slice(0, 8);
const day = (iso: string): string => iso.slice(0, 10);

function listPrs(prs: readonly number[], limit = 12): string {
  if (prs.length === 0) return '';
  const shown = prs.slice(0, limit).map((pr) => `#${pr}`);
  return prs.length > limit ? `${shown.join(' ')} … and ${prs.length - limit} more` : shown.join(' ');
}

/** The human-readable status: lanes, what waits between them, back-merge debt, the last release, warnings. */
export function statusText(report: TrainReport): string {
  const { status } = report;
  const lines: string[] = [];
  const width = Math.max(...status.lanes.map((lane) => `${lane.name} (${lane.branch})`.length));
  lines.push('Lanes');
  for (const lane of status.lanes) {
    const label = `${lane.name} (${lane.branch})`.padEnd(width);
    lines.push(
      lane.head
        ? `  ${label}  ${short(lane.head.sha)}  ${day(lane.head.date)}  ${lane.head.subject}`
        : `  ${label}  (missing)`,
    );
  }
  lines.push('', 'Waiting');
  for (const pair of status.pairs) {
    const prs = listPrs(pair.prs);
    const waiting =
      pair.ahead === 0
        ? 'nothing waiting'
        : `${pair.ahead} commit${pair.ahead === 1 ? '' : 's'} waiting, ${pair.prs.length} PR${pair.prs.length === 1 ? '' : 's'}${prs ? `: ${prs}` : ''}`;
    lines.push(`  ${pair.from} → ${pair.to}: ${waiting}`);
  }
  lines.push('', 'Back-merge into development');
  for (const debt of status.backMerge) {
    lines.push(`  ${debt.lane}: ${debt.message}${debt.prs.length ? ` (${listPrs(debt.prs)})` : ''}`);
  }
  lines.push('', 'Last release');
  const release = status.lastRelease;
  if (release) {
    const where = release.isAncestor ? 'in main' : 'NOT in main';
    lines.push(
      `  ${release.tag} (${short(release.sha)}, ${where}); ${release.unreleasedCommits} commit(s) on main since`,
    );
  } else {
    lines.push('  no release tags yet');
  }
  if (status.versionFiles.length > 0) {
    lines.push('', 'Version files (on main)');
    for (const file of status.versionFiles) {
      lines.push(`  ${file.matchesTag ? 'ok ' : '!! '} ${file.path}: ${file.version ?? 'unreadable'}`);
    }
  }
  if (report.fetchError) lines.push('', `Fetch failed: ${report.fetchError}`);
  if (status.warnings.length > 0) {
    lines.push('', 'Warnings');
    for (const warning of status.warnings) lines.push(`  - ${warning}`);
  }
  return `${lines.join('\n')}\n`;
}

/** A run's state in a word: its conclusion once completed, else where it is. */
function runWord(run: { status: string; conclusion: string | null }): string {
  if (run.status !== 'completed') return run.status === 'in_progress' ? 'running' : run.status.replace('_', ' ');
  return run.conclusion ?? 'completed';
}

/** The GitHub section of `status --github`: who, each lane's deploy and CI, open and waiting PRs. */
export function githubStatusText(view: TrainGitHubView): string {
  if (view.state === 'not-connected') return `\nGitHub\n  not connected for ${view.host}\n`;
  const lines = ['', `GitHub (${view.host}, as @${view.login})`];
  for (const lane of view.lanes) {
    const run = lane.latestRun;
    const deploy = run
      ? `${run.name}: ${runWord(run)} (${short(run.headSha)}, ${day(run.createdAt)})`
      : 'no deploy runs';
    lines.push(`  ${lane.lane} (${lane.branch}): deploy ${deploy}; CI ${lane.ci}`);
  }
  lines.push('', 'Open pull requests');
  if (view.openPulls.length === 0) lines.push('  none into the lane branches');
  for (const pull of view.openPulls) lines.push(`  #${pull.number} ${pull.title} (${pull.head} → ${pull.base})`);
  for (const [pair, pulls] of Object.entries(view.waitingPulls)) {
    if (pulls.length > 0)
      lines.push(`  waiting ${pair}: ${pulls.map((pull) => `#${pull.number} ${pull.title}`).join('; ')}`);
  }
  return `${lines.join('\n')}\n`;
}
