/**
 * Git reports each phase of a clone or fetch from 0 to 100 on its own, so showing its number directly
 * would make a bar run backwards between phases. Each phase gets a slice of one overall bar instead;
 * receiving the objects is nearly all of the wait on a real network. (The server's own "remote:"
 * counting and compressing lines are not passed on by the git service.)
 */
const PHASES: Record<string, { from: number; to: number; words: string }> = {
  receiving: { from: 0, to: 90, words: 'receiving objects' },
  resolving: { from: 90, to: 100, words: 'resolving deltas' },
};

/** One git progress event placed on a single 0–100 bar, with its phase in plain words. */
export interface OverallProgress {
  percent: number;
  /** "receiving objects", or git's own phase name when it is not one we know. */
  words: string | null;
}

function clamp(percent: number): number {
  return Math.max(0, Math.min(100, Math.round(percent)));
}

/** Maps git's per-phase percentage onto one bar that never runs backwards between phases. */
export function overallGitProgress(phase: string | undefined, percent: number | undefined): OverallProgress {
  const known = phase ? PHASES[phase] : undefined;
  const raw = percent ?? 0;
  const overall = known ? known.from + ((known.to - known.from) * raw) / 100 : raw;
  return { percent: clamp(overall), words: known?.words ?? phase ?? null };
}
