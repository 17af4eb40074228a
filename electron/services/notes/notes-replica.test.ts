import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReleaseNotes } from '../../../shared/domain/notes/notes-model';
import { createGitSandbox, type GitSandbox } from '../testing/git-sandbox';
import { generateNotes, type NotesRequest, type NotesResult } from './notes-service';

/** The field-tm replica (DESIGN.md): every branch, tag, subject, author, date and merge of the real history. */
const BUNDLE = resolve(import.meta.dirname, '../../../../shared/fixtures/field-tm-history.bundle');
const FIELD = '\x1f';
const PLAIN_MERGE = /^Merge (branch|remote-tracking branch|tag|commit) /;

/** The PR a subject names, read with GitHub's two conventions, independently of the code under test. */
function prOf(subject: string): number | null {
  const match = /^Merge pull request #(\d+) from /.exec(subject) ?? /\(#(\d+)\)\s*$/.exec(subject);
  return match ? Number(match[1]) : null;
}

interface LoggedCommit {
  sha: string;
  parents: string[];
  subject: string;
}

/**
 * Ranges checked by hand against `git log --graph`: consecutive releases where the older tag IS an
 * ancestor of the newer. Figures: commits in `git log A..B`, plain "Merge branch" merges among them,
 * distinct PR numbers in their subjects, and the entries the notes hold.
 */
const ANCESTRY_RANGES = [
  // Squashes, direct commits and one merged PR (#2723) whose 4 branch commits are grouped under it.
  { from: '2025.4.3', to: '2025.5.0', commits: 44, plainMerges: 0, prs: 29, entries: 40 },
  // A promotion PR (#2903, "Merge 'dev' to 'staging'") holding 20 squashed PRs: each stays its own entry.
  { from: '2025.6.2', to: '2025.6.3', commits: 32, plainMerges: 1, prs: 22, entries: 31 },
  // 2024: PRs merged into development with merge commits, development merged into main by hand, and
  // direct hotfixes cherry-picked between branches (same author, date and subject: one entry each).
  { from: '2024.1.0', to: '2024.2.0', commits: 96, plainMerges: 9, prs: 32, entries: 60 },
  // Two promotion PRs carrying 31 other PRs.
  { from: '2025.3.0', to: '2025.3.1', commits: 67, plainMerges: 8, prs: 34, entries: 57 },
];

describe('release notes of the field-tm replica (real history), checked against git log', () => {
  let sandbox: GitSandbox;
  let restoreEnv: () => void;
  let mirror: string;
  let configFile: string;
  const git = (args: string[]): string => sandbox.git(args, mirror);
  const lines = (args: string[]): string[] => git(args).split('\n').filter(Boolean);
  const isAncestor = (ancestor: string, descendant: string): boolean =>
    spawnSync('git', ['merge-base', '--is-ancestor', ancestor, descendant], { cwd: mirror, env: sandbox.env })
      .status === 0;
  const logOf = (range: string[]): LoggedCommit[] =>
    lines(['log', `--format=%H${FIELD}%P${FIELD}%s`, ...range]).map((line) => {
      const [sha = '', parents = '', subject = ''] = line.split(FIELD);
      return { sha, parents: parents.split(' ').filter(Boolean), subject };
    });
  const generate = (request: Partial<NotesRequest>): Promise<NotesResult> =>
    generateNotes({ dir: mirror, configFile, ...request }, { hooksDir: join(sandbox.root, 'hooks') });

  beforeAll(() => {
    sandbox = createGitSandbox();
    restoreEnv = sandbox.activate();
    mirror = join(sandbox.root, 'field-tm.git');
    sandbox.git(['clone', '--mirror', '--', BUNDLE, mirror]);
    // field-tm's development branch is `dev`.
    configFile = join(sandbox.root, 'field-tm.yml');
    writeFileSync(configFile, 'branches: { development: dev }\n');
  });
  afterAll(() => {
    restoreEnv();
    sandbox.dispose();
  });

  describe.each(ANCESTRY_RANGES)('$from..$to (an ancestry range)', (expected) => {
    let notes: ReleaseNotes;
    let logged: LoggedCommit[];

    beforeAll(async () => {
      expect(isAncestor(expected.from, expected.to)).toBe(true);
      // No --from: the newest earlier release is chosen, and it is the older tag of the pair.
      notes = (await generate({ to: expected.to })).notes;
      logged = logOf([`${expected.from}..${expected.to}`]);
    });

    it('chooses the older tag by ancestry, with no warning', () => {
      expect(notes.range).toMatchObject({
        from: expected.from,
        to: expected.to,
        mode: 'ancestry',
        fromSha: git(['rev-parse', `${expected.from}^{commit}`]),
      });
      expect(notes.warnings).toEqual([]);
    });

    it('lists every commit of `git log A..B` in exactly one entry, except plain "Merge branch" merges', () => {
      expect(logged).toHaveLength(expected.commits);
      const seen = new Map<string, number>();
      for (const entry of notes.entries) for (const sha of entry.commits) seen.set(sha, (seen.get(sha) ?? 0) + 1);
      const plain = logged.filter((commit) => commit.parents.length > 1 && PLAIN_MERGE.test(commit.subject));
      expect(plain).toHaveLength(expected.plainMerges);
      for (const commit of logged) {
        // A plain merge is left out, unless it lies inside a merged PR's branch (a sync of that branch).
        if (plain.includes(commit)) expect(seen.get(commit.sha) ?? 0).toBeLessThanOrEqual(1);
        else expect(seen.get(commit.sha), commit.subject).toBe(1);
      }
      const inRange = new Set(logged.map((commit) => commit.sha));
      expect([...seen.keys()].filter((sha) => !inRange.has(sha))).toEqual([]);
      expect(notes.entries).toHaveLength(expected.entries);
    });

    it('has one entry per PR number that the subjects name, and no other', () => {
      const fromSubjects = new Set(logged.map((commit) => prOf(commit.subject)).filter((pr) => pr !== null));
      const fromEntries = notes.entries.map((entry) => entry.pr).filter((pr) => pr !== null);
      expect(fromSubjects.size).toBe(expected.prs);
      expect(new Set(fromEntries)).toEqual(fromSubjects);
      expect(fromEntries).toHaveLength(fromSubjects.size);
    });

    it('groups a merged PR’s branch (`git log M^1..M^2`) under it, unless that branch holds other PRs', () => {
      for (const entry of notes.entries) {
        const head = logged.find((commit) => commit.sha === entry.commits[0]);
        if (!head || !/^Merge pull request #/.test(head.subject)) continue;
        const branch = logOf([`${head.sha}^1..${head.sha}^2`, `^${expected.from}`]);
        const promotion = branch.some((commit) => prOf(commit.subject) !== null && prOf(commit.subject) !== entry.pr);
        if (promotion) expect(entry.commits).toEqual([head.sha]);
        else expect([...entry.commits].sort()).toEqual([head.sha, ...branch.map((commit) => commit.sha)].sort());
      }
    });
  });

  describe('--to 2026.1.0: the previous release 2025.7.0 is not in its history (a reset)', () => {
    let result: NotesResult;
    let earlierTags: string[];

    beforeAll(async () => {
      earlierTags = lines(['tag', '--list']).filter((tag) => {
        const match = /^(\d{4})\.(\d+)\.(\d+)$/.exec(tag);
        return match !== null && (Number(match[1]) < 2026 || (Number(match[1]) === 2026 && Number(match[2]) < 1));
      });
      result = await generate({ to: '2026.1.0', date: new Date('2026-01-10T00:00:00Z') });
    });

    it('uses the released set, from 2025.7.0, and warns why', () => {
      expect(isAncestor('2025.7.0', '2026.1.0')).toBe(false);
      expect(earlierTags).toHaveLength(24);
      expect(result.notes.range).toMatchObject({ from: '2025.7.0', to: '2026.1.0', mode: 'released-set' });
      expect(result.notes.warnings).toHaveLength(1);
      expect(result.notes.warnings[0]).toContain('The previous release 2025.7.0 is not in the history of 2026.1.0');
    });

    it('holds far fewer entries than the 5,216 commits of 2025.7.0..2026.1.0', () => {
      expect(Number(git(['rev-list', '--count', '2025.7.0..2026.1.0']))).toBe(5_216);
      // Checked by hand: 134 entries (23 of them PRs), each one commit, in 8 categories.
      expect(result.notes.entries.length).toBeGreaterThan(100);
      expect(result.notes.entries.length).toBeLessThanOrEqual(134);
      const commits = result.notes.entries.flatMap((entry) => entry.commits);
      expect(new Set(commits).size).toBe(commits.length);
      const target = new Set(lines(['rev-list', '2026.1.0']));
      expect(commits.filter((sha) => !target.has(sha))).toEqual([]);
    });

    it('leaves out every commit that an earlier release had, by (author, author date, subject) and by PR number', () => {
      const released = lines(['log', `--format=%an${FIELD}%aI${FIELD}%s`, ...earlierTags]);
      const releasedIdentities = new Set(released);
      const releasedPrs = new Set(released.map((line) => prOf(line.split(FIELD)[2] ?? '')).filter((pr) => pr !== null));
      const commits = result.notes.entries.flatMap((entry) => entry.commits);
      const identities = lines(['show', '-s', `--format=%an${FIELD}%aI${FIELD}%s`, ...commits]);
      expect(identities).toHaveLength(commits.length);
      expect(identities.filter((identity) => releasedIdentities.has(identity))).toEqual([]);
      expect(result.notes.entries.filter((entry) => entry.pr !== null && releasedPrs.has(entry.pr))).toEqual([]);
      // The rule is not vacuous: most of 2026.1.0's commits are earlier releases' commits re-applied.
      const all = lines([
        'log',
        `--format=%an${FIELD}%aI${FIELD}%s`,
        '2026.1.0',
        ...earlierTags.map((tag) => `^${tag}`),
      ]);
      expect(all.filter((identity) => releasedIdentities.has(identity)).length).toBeGreaterThan(4_000);
    });

    it('suggests 2026.1.0 for --date 2026-01-10: the year rolls over after 2025.7.0', () => {
      expect(result.version).toEqual({
        scheme: 'calver',
        current: '2025.7.0',
        next: '2026.1.0',
        tag: '2026.1.0',
        reason: 'The release date is in 2026, after 2025: the year rolls over.',
      });
    });
  });
});
