import type { IncomingMessage } from 'node:http';

/** What a route handler receives. */
export interface RouteRequest {
  params: Record<string, string>;
  query: URLSearchParams;
  /** The full request URL on the server's own origin (for `Link` headers). */
  url: URL;
  /** The parsed JSON body (`{}` for GET or an empty body). */
  body: Record<string, unknown>;
  raw: IncomingMessage;
}

/** What a route handler returns: a status and a JSON body, plus optional headers. */
export interface RouteResponse {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

/** A route handler. Throw `GitHubHttpError` for GitHub-shaped errors. */
export type RouteHandler = (request: RouteRequest) => Promise<RouteResponse>;

interface CompiledRoute {
  method: string;
  pattern: RegExp;
  names: string[];
  handler: RouteHandler;
}

/**
 * A route table keyed by GitHub's path templates. `{name}` matches one segment; `{name+}` matches the
 * rest of the path (a ref such as `heads/feature/x`). Parameters are percent-decoded, because Octokit
 * encodes `/` inside `{ref}` as `%2F` and GitHub accepts both spellings.
 */
export class Router {
  private readonly routes: CompiledRoute[] = [];

  /** Adds a route, e.g. `add('GET', '/repos/{owner}/{repo}/git/ref/{ref+}', handler)`. */
  add(method: string, template: string, handler: RouteHandler): this {
    const names: string[] = [];
    const source = template
      .replace(/[.*?^$()|[\]\\]/g, '\\$&')
      .replace(/\{(\w+)(\+?)\}/g, (_match, name: string, rest) => {
        names.push(name);
        return rest === '+' ? '(.+)' : '([^/]+)';
      });
    this.routes.push({ method, pattern: new RegExp(`^${source}/?$`), names, handler });
    return this;
  }

  /**
   * Finds the route for a method and path. Returns `'method-not-allowed'` when the path exists under
   * another method, and `undefined` when no route has the path.
   */
  match(
    method: string,
    path: string,
  ): { handler: RouteHandler; params: Record<string, string> } | 'method-not-allowed' | undefined {
    let pathExists = false;
    for (const route of this.routes) {
      const found = route.pattern.exec(path);
      if (!found) continue;
      pathExists = true;
      if (route.method !== method) continue;
      const params: Record<string, string> = {};
      route.names.forEach((name, index) => {
        params[name] = decodeURIComponent(found[index + 1] ?? '');
      });
      return { handler: route.handler, params };
    }
    return pathExists ? 'method-not-allowed' : undefined;
  }
}
