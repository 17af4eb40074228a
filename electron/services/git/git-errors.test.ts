import { describe, expect, it } from 'vitest';
import type { IpcErrorCode } from '../../../shared/ipc/errors';
import { classifyGitError, redactUrlCredentials } from './git-errors';

const SSH_ADVICE =
  'fatal: Could not read from remote repository.\n\nPlease make sure you have the correct access rights\nand the repository exists.\n';

// Verbatim stderr of git 2.39 (and the curl/ssh/GitHub lines it relays), each with the line the user should see.
const CASES: { label: string; stderr: string; code: IpcErrorCode; detail: string }[] = [
  {
    label: 'rev-parse outside a repository',
    stderr: 'fatal: not a git repository (or any of the parent directories): .git\n',
    code: 'NOT_A_REPOSITORY',
    detail: 'fatal: not a git repository (or any of the parent directories): .git',
  },
  {
    label: 'an unknown host over https',
    stderr: "fatal: unable to access 'https://nohost.invalid/o/r.git/': Could not resolve host: nohost.invalid\n",
    code: 'NETWORK',
    detail: "fatal: unable to access 'https://nohost.invalid/o/r.git/': Could not resolve host: nohost.invalid",
  },
  {
    label: 'a closed port over https',
    stderr:
      "fatal: unable to access 'https://127.0.0.1:9/o/r.git/': Failed to connect to 127.0.0.1 port 9 after 0 ms: Couldn't connect to server\n",
    code: 'NETWORK',
    detail:
      "fatal: unable to access 'https://127.0.0.1:9/o/r.git/': Failed to connect to 127.0.0.1 port 9 after 0 ms: Couldn't connect to server",
  },
  {
    label: 'a closed port over ssh',
    stderr: `ssh: connect to host 127.0.0.1 port 9: Connection refused\r\n${SSH_ADVICE}`,
    code: 'NETWORK',
    detail: 'ssh: connect to host 127.0.0.1 port 9: Connection refused',
  },
  {
    label: 'an unknown host over ssh',
    stderr: `ssh: Could not resolve hostname github.com: Name or service not known\r\n${SSH_ADVICE}`,
    code: 'NETWORK',
    detail: 'ssh: Could not resolve hostname github.com: Name or service not known',
  },
  {
    label: 'a time-out over ssh',
    stderr: `ssh: connect to host github.com port 22: Connection timed out\r\n${SSH_ADVICE}`,
    code: 'NETWORK',
    detail: 'ssh: connect to host github.com port 22: Connection timed out',
  },
  {
    label: 'a wrong password or token',
    stderr:
      "remote: Invalid username or password.\nfatal: Authentication failed for 'https://github.com/hotosm/field-tm.git/'\n",
    code: 'AUTH_FAILED',
    detail: "fatal: Authentication failed for 'https://github.com/hotosm/field-tm.git/'",
  },
  {
    label: 'GIT_TERMINAL_PROMPT=0 and no credentials',
    stderr: "fatal: could not read Username for 'https://github.com': terminal prompts disabled\n",
    code: 'AUTH_FAILED',
    detail: "fatal: could not read Username for 'https://github.com': terminal prompts disabled",
  },
  {
    label: 'an ssh key GitHub does not know',
    stderr: `git@github.com: Permission denied (publickey).\r\n${SSH_ADVICE}`,
    code: 'AUTH_FAILED',
    detail: 'git@github.com: Permission denied (publickey).',
  },
  {
    label: 'an unknown ssh host key in batch mode',
    stderr: `Host key verification failed.\r\n${SSH_ADVICE}`,
    code: 'AUTH_FAILED',
    detail: 'Host key verification failed.',
  },
  {
    label: 'a forbidden https request',
    stderr: "fatal: unable to access 'https://github.com/o/r.git/': The requested URL returned error: 403\n",
    code: 'AUTH_FAILED',
    detail: "fatal: unable to access 'https://github.com/o/r.git/': The requested URL returned error: 403",
  },
  {
    label: 'a missing repository over https (GitHub)',
    stderr: "remote: Repository not found.\nfatal: repository 'https://github.com/hotosm/nope.git/' not found\n",
    code: 'NOT_FOUND',
    detail: 'remote: Repository not found.',
  },
  {
    label: 'a missing repository over ssh (GitHub)',
    stderr: `ERROR: Repository not found.\n${SSH_ADVICE}`,
    code: 'NOT_FOUND',
    detail: 'ERROR: Repository not found.',
  },
  {
    label: 'a path that is not a repository',
    stderr: "fatal: '/srv/git/nope.git' does not appear to be a git repository\n" + SSH_ADVICE,
    code: 'NOT_FOUND',
    detail: "fatal: '/srv/git/nope.git' does not appear to be a git repository",
  },
  {
    label: 'a failure after progress meters redrawn with carriage returns',
    stderr:
      "Cloning into 'x'...\nremote: Enumerating objects: 5, done.\nReceiving objects:  40% (2/5)\rReceiving objects:  60% (3/5)\rfatal: early EOF\nfatal: fetch-pack: invalid index-pack output\n",
    code: 'INTERNAL',
    detail: 'fatal: early EOF',
  },
  {
    label: 'anything else',
    stderr: "Cloning into 'x'...\nfatal: the remote end hung up unexpectedly\nsome trailing noise\n",
    code: 'INTERNAL',
    detail: 'fatal: the remote end hung up unexpectedly',
  },
];

describe('classifyGitError', () => {
  it.each(CASES.map((c) => [c.label, c]))('%s', (_label, { stderr, code, detail }) => {
    const error = classifyGitError(stderr);
    expect(error.code).toBe(code);
    expect(error.detail).toBe(detail);
    expect(error.message.length).toBeGreaterThan(20);
  });

  it('names the URL it was working on in the message', () => {
    const error = classifyGitError(CASES[1]?.stderr ?? '', { url: 'https://nohost.invalid/o/r.git' });
    expect(error.message).toBe(
      'Could not reach https://nohost.invalid/o/r.git. Check the URL and your network connection, then try again.',
    );
  });

  it('says what to do next for each kind of failure', () => {
    expect(classifyGitError('fatal: Authentication failed for x').message).toMatch(/connect your account/);
    expect(classifyGitError('remote: Repository not found.').message).toMatch(/Check the URL for typos/);
    expect(classifyGitError('fatal: not a git repository').message).toMatch(/contains \.git/);
  });

  it('uses the only line there is as the detail', () => {
    expect(classifyGitError('boom').detail).toBe('boom');
  });

  it('redacts credentials from the detail', () => {
    const error = classifyGitError(
      "fatal: unable to access 'https://octocat:ghp_abc123XYZ@github.com/hotosm/field-tm.git/': Could not resolve host: github.com\n",
    );
    expect(error.code).toBe('NETWORK');
    expect(error.detail).toBe(
      "fatal: unable to access 'https://***@github.com/hotosm/field-tm.git/': Could not resolve host: github.com",
    );
    expect(JSON.stringify(error.toIpcError())).not.toMatch(/ghp_abc123XYZ|octocat/);
  });

  it('redacts credentials from the URL it names in the message', () => {
    const error = classifyGitError('fatal: Authentication failed for x', {
      url: 'https://octocat:ghp_abc123XYZ@github.com/hotosm/field-tm.git',
    });
    expect(error.message).toContain('https://***@github.com/hotosm/field-tm.git');
    expect(JSON.stringify(error.toIpcError())).not.toMatch(/ghp_abc123XYZ|octocat/);
  });
});

describe('redactUrlCredentials', () => {
  it.each<[string, string]>([
    ['https://user:pass@github.com/o/r.git', 'https://***@github.com/o/r.git'],
    ['https://ghp_token@github.com/o/r.git', 'https://***@github.com/o/r.git'],
    ['HTTPS://user:pass@github.com', 'HTTPS://***@github.com'],
    ['http://x-access-token:ghs_abc@127.0.0.1:8080/o/r', 'http://***@127.0.0.1:8080/o/r'],
    ['ssh://git:secret@github.com/o/r.git', 'ssh://***@github.com/o/r.git'],
    ['https://user:p@ss@github.com/o/r.git', 'https://***@github.com/o/r.git'],
    ["'https://a:b@h1/x' and 'https://c:d@h2/y'", "'https://***@h1/x' and 'https://***@h2/y'"],
    ['first https://a:b@h1/x\nthen https://c:d@h2/y', 'first https://***@h1/x\nthen https://***@h2/y'],
    ['https://github.com/o/r.git', 'https://github.com/o/r.git'],
    [
      'https://github.com/o/r/commit/abc mailto bob@example.com',
      'https://github.com/o/r/commit/abc mailto bob@example.com',
    ],
    ['git@github.com:o/r.git', 'git@github.com:o/r.git'],
    ['no URL here', 'no URL here'],
  ])('%j → %j', (input, expected) => {
    expect(redactUrlCredentials(input)).toBe(expected);
  });
});
