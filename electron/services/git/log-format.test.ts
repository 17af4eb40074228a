import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTrainRepo, type TrainRepo } from '../testing/train-repo';
import { LOG_FORMAT, MARKED_LOG_FORMAT, REF_FORMAT, parseLog, parseMarkedLog, parseRefs } from './log-format';

const F = '\x1f';
const R = '\x1e';

describe('parseLog (pure)', () => {
  it('reads sha, date, author, subject, and a merge from its parents', () => {
    const output =
      `${'a'.repeat(40)}${F}${'b'.repeat(40)} ${'c'.repeat(40)}${F}2026-01-02T03:04:05+01:00${F}Ann${F}Merge pull request #1 from o/b${R}\n` +
      `${'b'.repeat(40)}${F}${'c'.repeat(40)}${F}2026-01-01T00:00:00Z${F}Bo${F}feat: x (#2)${R}\n`;
    expect(parseLog(output)).toEqual([
      {
        sha: 'a'.repeat(40),
        date: '2026-01-02T03:04:05+01:00',
        author: 'Ann',
        subject: 'Merge pull request #1 from o/b',
        isMerge: true,
      },
      { sha: 'b'.repeat(40), date: '2026-01-01T00:00:00Z', author: 'Bo', subject: 'feat: x (#2)', isMerge: false },
    ]);
  });

  it('reads a root commit (no parents) and nothing from empty output', () => {
    expect(parseLog(`${'a'.repeat(40)}${F}${F}2026-01-01T00:00:00Z${F}A${F}init${R}\n`)[0]?.isMerge).toBe(false);
    expect(parseLog('')).toEqual([]);
    expect(parseLog('\n')).toEqual([]);
  });
});

describe('parseMarkedLog (pure)', () => {
  it('marks "=" as equivalent and "+" as not', () => {
    const line = (mark: string, sha: string): string =>
      `${mark}${F}${sha}${F}${'0'.repeat(40)}${F}2026-01-01T00:00:00Z${F}A${F}fix: ${sha.slice(0, 1)}${R}\n`;
    const marked = parseMarkedLog(line('=', 'a'.repeat(40)) + line('+', 'b'.repeat(40)));
    expect(marked.map(({ commit, equivalent }) => [commit.sha.slice(0, 1), equivalent])).toEqual([
      ['a', true],
      ['b', false],
    ]);
    expect(parseMarkedLog('')).toEqual([]);
  });
});

describe('parseRefs (pure)', () => {
  it('peels an annotated tag to its commit and keeps other refs as they are', () => {
    expect(
      parseRefs(`refs/heads/main${F}${'a'.repeat(40)}${F}\nrefs/tags/v1${F}${'b'.repeat(40)}${F}${'c'.repeat(40)}\n`),
    ).toEqual([
      { name: 'refs/heads/main', sha: 'a'.repeat(40) },
      { name: 'refs/tags/v1', sha: 'c'.repeat(40) },
    ]);
    expect(parseRefs('')).toEqual([]);
  });
});

describe('the formats against real git output', () => {
  let train: TrainRepo;
  beforeAll(() => {
    train = createTrainRepo();
  });
  afterAll(() => train.dispose());

  it('round-trips subjects with separators people really type, and merges', () => {
    const { development } = train.branches;
    const odd = train.commit(development, 'fix: tabs\tand | pipes; "quotes" and ünïcødé (#4)');
    const merge = train.mergePr(development, 5, { commits: ['feat: a', 'feat: b'] });
    const log = parseLog(train.git(['log', `--format=${LOG_FORMAT}`, '-4', development]));
    expect(log.map((commit) => commit.sha)).toEqual(train.git(['rev-list', '-4', development]).split('\n'));
    expect(log[0]).toMatchObject({ sha: merge, subject: 'Merge pull request #5 from org/feature/pr-5', isMerge: true });
    expect(log[0]?.date).toBe(train.git(['log', '-1', '--format=%cI', merge]));
    expect(log[0]?.author).toBe('Test Author');
    expect(log.find((commit) => commit.sha === odd)).toMatchObject({
      subject: 'fix: tabs\tand | pipes; "quotes" and ünïcødé (#4)',
      isMerge: false,
    });
  });

  it('reads --cherry-mark output: a cherry-picked commit is equivalent, a new one is not', () => {
    const { development, staging } = train.branches;
    const picked = train.squash(staging, 20, 'hotfix picked');
    const lonely = train.squash(staging, 21, 'hotfix not picked');
    train.cherryPick(development, picked);
    const output = train.git([
      'log',
      '--no-merges',
      '--cherry-mark',
      '--right-only',
      `--format=${MARKED_LOG_FORMAT}`,
      `${development}...${staging}`,
    ]);
    const marked = parseMarkedLog(output);
    expect(marked.map(({ commit, equivalent }) => [commit.sha, equivalent])).toEqual([
      [lonely, false],
      [picked, true],
    ]);
  });

  it('reads for-each-ref output with lightweight and annotated tags peeled to commits', () => {
    const { main } = train.branches;
    const head = train.sha(main);
    train.tag('2025.1.0', main);
    train.tag('2025.2.0', main, { annotated: true });
    const refs = parseRefs(train.git(['for-each-ref', `--format=${REF_FORMAT}`, 'refs/heads', 'refs/tags']));
    expect(refs).toContainEqual({ name: 'refs/tags/2025.1.0', sha: head });
    expect(refs).toContainEqual({ name: 'refs/tags/2025.2.0', sha: head });
    expect(refs).toContainEqual({ name: `refs/heads/${main}`, sha: head });
    // The annotated tag's own object is not a commit: only the peeled sha is kept.
    expect(train.git(['rev-parse', 'refs/tags/2025.2.0'])).not.toBe(head);
  });
});
