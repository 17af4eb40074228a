/** What an injected fault does to a matching request. */
export type Fault =
  /** Answer with this status and GitHub's error JSON, without running the route. */
  | { kind: 'status'; status: number; message?: string }
  /**
   * Answer as GitHub does when a rate limit is hit: primary (403, `x-ratelimit-remaining: 0` and a
   * reset time) or secondary (403 with `retry-after`).
   */
  | { kind: 'rate-limit'; limit: 'primary' | 'secondary'; resetInSeconds?: number }
  /** Wait this long, then serve the request normally. */
  | { kind: 'latency'; ms: number }
  /** Run the route (its writes happen), then drop the connection instead of answering. */
  | { kind: 'drop-after-write' }
  /** Run the route (its writes happen), then answer with this status, as a proxy's 502 would. */
  | { kind: 'status-after-write'; status: number };

/** A fault and the requests it applies to. */
export interface FaultRule {
  /** HTTP method; any method when absent. */
  method?: string;
  /** A path template as GitHub's docs write it (`/repos/{owner}/{repo}/pulls`) or a concrete path. */
  path: string;
  fault: Fault;
  /** How many matching requests it hits; 1 when absent, `Infinity` for all. */
  times?: number;
}

interface ActiveRule {
  method: string | undefined;
  pattern: RegExp;
  fault: Fault;
  remaining: number;
}

/** The faults armed on a server, consumed in the order they were added. */
export class FaultInjector {
  private rules: ActiveRule[] = [];

  /** Arms a fault. */
  add(rule: FaultRule): void {
    const source = rule.path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '[^/]+');
    this.rules.push({
      method: rule.method?.toUpperCase(),
      pattern: new RegExp(`^${source}/?$`),
      fault: rule.fault,
      remaining: rule.times ?? 1,
    });
  }

  /** Disarms every fault. */
  clear(): void {
    this.rules = [];
  }

  /** The fault for this request, if any, counting it against its rule. */
  take(method: string, path: string): Fault | undefined {
    const rule = this.rules.find(
      (candidate) => (!candidate.method || candidate.method === method) && candidate.pattern.test(path),
    );
    if (!rule) return undefined;
    rule.remaining -= 1;
    if (rule.remaining <= 0) this.rules = this.rules.filter((candidate) => candidate !== rule);
    return rule.fault;
  }
}

/** GitHub's messages and headers for a rate-limited request. */
export function rateLimitResponse(
  fault: Extract<Fault, { kind: 'rate-limit' }>,
  userId: number,
): { status: number; message: string; headers: Record<string, string> } {
  const reset = Math.floor(Date.now() / 1000) + (fault.resetInSeconds ?? 60);
  if (fault.limit === 'primary') {
    return {
      status: 403,
      message: `API rate limit exceeded for user ID ${userId}.`,
      headers: {
        'x-ratelimit-limit': '5000',
        'x-ratelimit-remaining': '0',
        'x-ratelimit-used': '5000',
        'x-ratelimit-reset': String(reset),
        'x-ratelimit-resource': 'core',
      },
    };
  }
  return {
    status: 403,
    message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.',
    headers: { 'retry-after': String(fault.resetInSeconds ?? 60) },
  };
}
