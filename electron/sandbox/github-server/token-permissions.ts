import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { GitHubHttpError } from './github-error';

/** The fine-grained token permissions the server knows, named as GitHub names them. */
export type TokenPermissionName =
  'metadata' | 'contents' | 'pull_requests' | 'checks' | 'statuses' | 'actions' | 'workflows' | 'administration';

/** A permission level; `write` includes `read`. */
export type TokenPermissionLevel = 'read' | 'write';

/** What a token may do, e.g. `{ contents: 'write', pull_requests: 'read' }`. */
export type TokenPermissions = Partial<Record<TokenPermissionName, TokenPermissionLevel>>;

/** Who a token acts as, and what it may do. Lives in memory only: never in `state.json` or any file. */
export interface TokenGrant {
  permissions: TokenPermissions;
  /** The login the token acts as (reviews are written by it). */
  login: string;
  userId: number;
}

/** Every permission at `write`: the server's main token. */
export const ALL_PERMISSIONS: Readonly<TokenPermissions> = {
  metadata: 'read',
  contents: 'write',
  pull_requests: 'write',
  checks: 'write',
  statuses: 'write',
  actions: 'write',
  workflows: 'write',
  administration: 'write',
};

/**
 * What a route needs: any one of these sets (each set is satisfied when the token has every
 * permission in it), or nothing at all.
 */
type Requirement = TokenPermissions[] | 'none';

const READ_METADATA: Requirement = [{ metadata: 'read' }];

/**
 * The permission each route needs, by method and GitHub path template, as GitHub's docs list them for
 * fine-grained tokens. `*` matches any method; the first matching row wins, so specific rows come first.
 * `{name+}` matches the rest of a path. Rows for routes other engineers serve are here too, so one
 * table decides every request.
 */
const TABLE: [method: string, template: string, requirement: Requirement][] = [
  ['GET', '/user', 'none'],
  ['POST', '/graphql', READ_METADATA],
  ['GET', '/repos/{owner}/{repo}', READ_METADATA],
  // Git data: refs, tags.
  ['GET', '/repos/{owner}/{repo}/git/{rest+}', [{ contents: 'read' }]],
  ['*', '/repos/{owner}/{repo}/git/{rest+}', [{ contents: 'write' }]],
  // Merging writes the base branch, so GitHub asks for contents, not pull_requests.
  ['PUT', '/repos/{owner}/{repo}/pulls/{pull_number}/merge', [{ contents: 'write' }]],
  ['GET', '/repos/{owner}/{repo}/pulls/{pull_number}/merge', [{ pull_requests: 'read' }]],
  ['GET', '/repos/{owner}/{repo}/pulls', [{ pull_requests: 'read' }]],
  ['GET', '/repos/{owner}/{repo}/pulls/{rest+}', [{ pull_requests: 'read' }]],
  ['*', '/repos/{owner}/{repo}/pulls', [{ pull_requests: 'write' }]],
  ['*', '/repos/{owner}/{repo}/pulls/{rest+}', [{ pull_requests: 'write' }]],
  ['POST', '/repos/{owner}/{repo}/releases/generate-notes', [{ contents: 'write' }]],
  ['GET', '/repos/{owner}/{repo}/releases', [{ contents: 'read' }]],
  ['GET', '/repos/{owner}/{repo}/releases/{rest+}', [{ contents: 'read' }]],
  ['*', '/repos/{owner}/{repo}/releases', [{ contents: 'write' }]],
  ['*', '/repos/{owner}/{repo}/releases/{rest+}', [{ contents: 'write' }]],
  ['GET', '/repos/{owner}/{repo}/commits/{ref+}/check-runs', [{ checks: 'read' }]],
  ['GET', '/repos/{owner}/{repo}/commits/{ref+}/check-suites', [{ checks: 'read' }]],
  ['GET', '/repos/{owner}/{repo}/commits/{ref+}/status', [{ statuses: 'read' }]],
  ['GET', '/repos/{owner}/{repo}/commits/{ref+}/statuses', [{ statuses: 'read' }]],
  ['GET', '/repos/{owner}/{repo}/commits', [{ contents: 'read' }]],
  ['GET', '/repos/{owner}/{repo}/compare/{basehead+}', [{ contents: 'read' }]],
  ['GET', '/repos/{owner}/{repo}/commits/{rest+}', [{ contents: 'read' }]],
  ['GET', '/repos/{owner}/{repo}/check-runs/{rest+}', [{ checks: 'read' }]],
  ['*', '/repos/{owner}/{repo}/check-runs', [{ checks: 'write' }]],
  ['*', '/repos/{owner}/{repo}/check-runs/{rest+}', [{ checks: 'write' }]],
  ['GET', '/repos/{owner}/{repo}/statuses/{sha}', [{ statuses: 'read' }]],
  ['POST', '/repos/{owner}/{repo}/statuses/{sha}', [{ statuses: 'write' }]],
  ['GET', '/repos/{owner}/{repo}/branches/{branch}/protection', [{ administration: 'read' }]],
  ['GET', '/repos/{owner}/{repo}/branches/{branch}/protection/{rest+}', [{ administration: 'read' }]],
  ['*', '/repos/{owner}/{repo}/branches/{branch}/protection', [{ administration: 'write' }]],
  ['*', '/repos/{owner}/{repo}/branches/{branch}/protection/{rest+}', [{ administration: 'write' }]],
  ['GET', '/repos/{owner}/{repo}/rulesets', READ_METADATA],
  ['GET', '/repos/{owner}/{repo}/rulesets/{rest+}', READ_METADATA],
  ['*', '/repos/{owner}/{repo}/rulesets', [{ administration: 'write' }]],
  ['*', '/repos/{owner}/{repo}/rulesets/{rest+}', [{ administration: 'write' }]],
  ['GET', '/repos/{owner}/{repo}/rules/branches/{branch+}', READ_METADATA],
  ['GET', '/repos/{owner}/{repo}/actions/{rest+}', [{ actions: 'read' }]],
  ['*', '/repos/{owner}/{repo}/actions/{rest+}', [{ actions: 'write' }]],
];

const COMPILED = TABLE.map(([method, template, requirement]) => {
  const source = template
    .replace(/[.*?^$()|[\]\\]/g, '\\$&')
    .replace(/\{\w+(\+?)\}/g, (_match, rest: string) => (rest === '+' ? '.+' : '[^/]+'));
  return { method, pattern: new RegExp(`^${source}/?$`), requirement };
});

/** The permission sets a request needs (any one of them), or `'none'`. Unknown routes need metadata. */
export function requiredPermissions(method: string, path: string): Requirement {
  const row = COMPILED.find((entry) => (entry.method === '*' || entry.method === method) && entry.pattern.test(path));
  return row?.requirement ?? READ_METADATA;
}

/** True when `granted` covers `level` of `name`. Fine-grained tokens always carry metadata read. */
function grants(granted: TokenPermissions, name: TokenPermissionName, level: TokenPermissionLevel): boolean {
  const has = granted[name] ?? (name === 'metadata' && Object.keys(granted).length > 0 ? 'read' : undefined);
  return has === 'write' || (has === 'read' && level === 'read');
}

/** True when a token with `granted` may make this request. */
export function mayRequest(granted: TokenPermissions, method: string, path: string): boolean {
  const requirement = requiredPermissions(method, path);
  if (requirement === 'none') return true;
  return requirement.some((set) =>
    Object.entries(set).every(([name, level]) => grants(granted, name as TokenPermissionName, level)),
  );
}

/** GitHub's `X-Accepted-GitHub-Permissions`: `name=level` joined by `,` within a set, sets joined by `; `. */
export function acceptedPermissionsHeader(method: string, path: string): string {
  const requirement = requiredPermissions(method, path);
  if (requirement === 'none') return '';
  return requirement
    .map((set) =>
      Object.entries(set)
        .map(([name, level]) => `${name}=${level}`)
        .join(','),
    )
    .join('; ');
}

/** GitHub's 403 for a fine-grained token without the permission, with the header naming what would do. */
export function permissionDenied(method: string, path: string) {
  return {
    status: 403,
    body: new GitHubHttpError(403, 'Resource not accessible by personal access token').toBody(),
    headers: { 'x-accepted-github-permissions': acceptedPermissionsHeader(method, path) },
  };
}

/** A GitHub-style token: `ghs_` and 36 random characters. */
export function randomToken(): string {
  return `ghs_${randomBytes(27).toString('base64url').slice(0, 36)}`;
}

/** Compares two tokens in constant time (for equal lengths), so timing does not leak a prefix. */
function sameToken(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * The tokens a server accepts: its main token (every permission, as the signed-in user) and tokens
 * issued at run time with fewer permissions. Issued tokens live in this object only: they are never
 * saved, so a restart forgets them, as revoking would.
 */
export class TokenRegistry {
  private readonly issued: { token: string; grant: TokenGrant }[] = [];
  private readonly byRequest = new WeakMap<IncomingMessage, TokenGrant>();

  constructor(
    private readonly mainToken: string,
    private readonly mainUser: () => { login: string; id: number },
  ) {}

  /** Issues a new random token with `permissions`, acting as `login` (the signed-in user by default). */
  issue(permissions: TokenPermissions, login?: string): string {
    const token = randomToken();
    const user = this.mainUser();
    const actingAs =
      login === undefined || login === user.login
        ? user
        : { login, id: 900_000 + this.issued.filter((entry) => entry.grant.login !== user.login).length };
    this.issued.push({ token, grant: { permissions: { ...permissions }, login: actingAs.login, userId: actingAs.id } });
    return token;
  }

  /** The grant of a request's `Authorization: token X` or `Bearer X`; `undefined` for an unknown token. */
  resolve(request: IncomingMessage): TokenGrant | undefined {
    const match = /^(?:token|bearer)\s+(\S+)$/i.exec(request.headers.authorization ?? '');
    const given = match?.[1];
    if (!given) return undefined;
    let found: TokenGrant | undefined;
    if (sameToken(given, this.mainToken)) {
      const user = this.mainUser();
      found = { permissions: ALL_PERMISSIONS, login: user.login, userId: user.id };
    }
    // Every issued token is compared, found or not, so the time taken says nothing about which matched.
    for (const entry of this.issued) if (sameToken(given, entry.token)) found = entry.grant;
    if (found) this.byRequest.set(request, found);
    return found;
  }

  /** The grant `resolve` found for this request (routes read it for `permissions` and review authors). */
  grantOf(request: IncomingMessage): TokenGrant {
    const grant = this.byRequest.get(request);
    if (!grant) throw new GitHubHttpError(401, 'Bad credentials');
    return grant;
  }
}

/** A repository's `permissions` as a token with `granted` sees them: push is contents write, admin is administration write. */
export function repositoryPermissions(granted: TokenPermissions) {
  const admin = granted.administration === 'write';
  const push = granted.contents === 'write';
  return {
    admin,
    maintain: admin,
    push,
    triage: push || granted.pull_requests === 'write',
    pull: Object.keys(granted).length > 0,
  };
}
