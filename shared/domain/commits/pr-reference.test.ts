import { describe, expect, it } from 'vitest';
import { prNumberFromSubject, prNumbersOf, type CommitSummary } from './pr-reference';

const commit = (subject: string, isMerge = false): CommitSummary => ({
  sha: 'f'.repeat(40),
  date: '2026-01-01T00:00:00Z',
  author: 'A',
  subject,
  isMerge,
});

describe('prNumberFromSubject', () => {
  it.each([
    ['feat(tasks): x (#12)', 12],
    ['fix: crash on login (#3068)', 3068],
    ['feat: trailing space (#7)  ', 7],
    ['Merge pull request #13 from org/branch', 13],
    ['Merge pull request #2941 from hotosm/feat/odk-forms', 2941],
    // A merge commit's own number wins over a squash-style suffix in the branch name.
    ['Merge pull request #5 from org/fix-(#9)', 5],
    ['Revert "feat: x (#12)" (#15)', 15],
    ['[pre-commit.ci] pre-commit autoupdate (#3068)', 3068],
  ])('reads the PR of %j', (subject, pr) => {
    expect(prNumberFromSubject(subject)).toBe(pr);
  });

  it.each([
    'chore: tidy',
    'fix: see #12 for context',
    'feat: x (#12) and more',
    'feat: x (#)',
    'feat: x (#abc)',
    'feat: x #12',
    'Merge branch staging into dev',
    'Merge pull request from org/branch',
    'Revert "feat: x (#12)"',
    'merge pull request #4 from org/lowercase',
    '',
  ])('finds no PR in %j', (subject) => {
    expect(prNumberFromSubject(subject)).toBeNull();
  });
});

describe('prNumbersOf', () => {
  it('lists each PR once, in first-seen order, skipping direct commits', () => {
    const commits = [
      commit('chore: direct'),
      commit('Merge pull request #13 from org/topic', true),
      commit('feat: topic work'),
      commit('feat(tasks): x (#12)'),
      commit('fix: again (#13)'),
      commit('feat: older (#2)'),
    ];
    expect(prNumbersOf(commits)).toEqual([13, 12, 2]);
  });

  it('is empty for no commits', () => {
    expect(prNumbersOf([])).toEqual([]);
  });
});
