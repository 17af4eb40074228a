import { describe, expect, it } from 'vitest';
import { branchOfSource, checkNewDemo, envRowProblems, suggestedName, type NewDemoValues } from './new-demo-model';

const pulls = [{ number: 42, title: 'Map export', head: 'feature/Map-Export_v2' }];
const valid: NewDemoValues = {
  projectId: 'github.com/hotosm/field-tm',
  source: 'branch:feature/login',
  name: 'login',
  server: 'eu-1',
  expires: '14d',
  env: [],
};

describe('the New demo form', () => {
  it('runs a branch as chosen, and an open PR as its head branch', () => {
    expect(branchOfSource('branch:feature/login', pulls)).toBe('feature/login');
    expect(branchOfSource('pr:42', pulls)).toBe('feature/Map-Export_v2');
    expect(branchOfSource('pr:7', pulls)).toBeNull();
    expect(branchOfSource('', pulls)).toBeNull();
  });

  it('suggests the name from the branch', () => {
    expect(suggestedName('pr:42', pulls)).toBe('map-export-v2');
    expect(suggestedName('branch:fix/Crash', pulls)).toBe('crash');
  });

  it('builds the launch request from valid values, with filled env rows only', () => {
    const check = checkNewDemo(
      {
        ...valid,
        name: ' login ',
        env: [
          { id: 'a', key: 'API_KEY', value: 's3cret' },
          { id: 'b', key: '', value: '' },
        ],
      },
      pulls,
    );
    expect(check).toEqual({
      ok: true,
      request: {
        projectId: 'github.com/hotosm/field-tm',
        server: 'eu-1',
        branch: 'feature/login',
        name: 'login',
        expires: '14d',
        env: { API_KEY: 's3cret' },
      },
    });
  });

  it.each([
    ['a name with shell characters', { name: 'a;rm -rf x' }, 'name', /lower-case letters, digits and dashes/],
    ['a name starting with a dash', { name: '-x' }, 'name', /cannot start with a dash/],
    ['a name of 41 characters', { name: 'a'.repeat(41) }, 'name', /at most 40 characters/],
    ['no source', { source: '' }, 'source', /Choose the branch/],
    ['no server', { server: '' }, 'server', /Choose the server/],
    ['an expiry in minutes', { expires: '30m' }, 'expires', /14d, 36h or 2w/],
    ['an expiry past 90 days', { expires: '91d' }, 'expires', /at most 90 days/],
  ] as const)('refuses %s beside its field', (_label, change, field, message) => {
    const check = checkNewDemo({ ...valid, ...change }, pulls);
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.problems[field]).toMatch(message);
  });

  it('names each bad environment row: bad names, duplicates, values too long', () => {
    const problems = envRowProblems([
      { id: 'lower', key: 'api_key', value: 'x' },
      { id: 'first', key: 'TOKEN', value: 'x' },
      { id: 'twice', key: 'TOKEN', value: 'y' },
      { id: 'nameless', key: '', value: 'z' },
      { id: 'long', key: 'BIG', value: 'x'.repeat(4097) },
      { id: 'blank', key: '', value: '' },
    ]);
    expect(Object.keys(problems).sort()).toEqual(['long', 'lower', 'nameless', 'twice']);
    expect(problems.twice).toBe('TOKEN is given twice; keep one.');
    expect(checkNewDemo({ ...valid, env: [{ id: 'lower', key: 'api_key', value: 'x' }] }, pulls).ok).toBe(false);
  });

  it('refuses more than 50 environment values', () => {
    const env = Array.from({ length: 51 }, (_, index) => ({ id: `${index}`, key: `K${index}`, value: 'v' }));
    const check = checkNewDemo({ ...valid, env }, pulls);
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.problems.env).toMatch(/at most 50/);
  });
});
