import { defaultBranchOf, requireString } from './git-refs';
import { GitHubHttpError, notFound, validationFailed } from './github-error';
import { nodeId, type ServerUrls } from './json-urls';
import { paginate } from './pagination';
import { isoSeconds, openRepository, type RouteContext } from './route-context';
import type { Router } from './router';
import { activeRulesForBranch } from './ruleset-matching';
import { takeId, type StoredRepository } from './server-state';
import type { StoredRule, StoredRuleset } from './stored-rules-and-checks';

const ENFORCEMENTS: readonly StoredRuleset['enforcement'][] = ['disabled', 'active', 'evaluate'];
const TARGETS: readonly StoredRuleset['target'][] = ['branch', 'tag', 'push'];
/** Rule types without parameters. */
const PLAIN_RULES = [
  'creation',
  'update',
  'deletion',
  'required_linear_history',
  'required_signatures',
  'non_fast_forward',
];

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** GitHub's 422 for a ruleset body it cannot accept. */
function invalidRuleset(message: string): GitHubHttpError {
  return new GitHubHttpError(422, `Invalid request.\n\n${message}`);
}

function stringList(value: unknown, field: string): string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value) || value.some((entry) => typeof entry !== 'string')) {
    throw invalidRuleset(`Invalid property /conditions/ref_name/${field}: not an array of strings.`);
  }
  return value as string[];
}

/** Checks one rule and fills the parameters GitHub always returns, so every rule reads back complete. */
function ruleOf(value: unknown): StoredRule {
  if (!isObject(value) || typeof value.type !== 'string')
    throw invalidRuleset('Invalid property /rules: missing type.');
  const parameters = isObject(value.parameters) ? value.parameters : {};
  if (PLAIN_RULES.includes(value.type)) return { type: value.type };
  if (value.type === 'pull_request') {
    const count = parameters.required_approving_review_count ?? 0;
    if (typeof count !== 'number' || !Number.isInteger(count) || count < 0 || count > 10) {
      throw invalidRuleset('Invalid property /rules/pull_request/parameters/required_approving_review_count.');
    }
    return {
      type: 'pull_request',
      parameters: {
        required_approving_review_count: count,
        dismiss_stale_reviews_on_push: parameters.dismiss_stale_reviews_on_push === true,
        require_code_owner_review: parameters.require_code_owner_review === true,
        require_last_push_approval: parameters.require_last_push_approval === true,
        required_review_thread_resolution: parameters.required_review_thread_resolution === true,
        allowed_merge_methods: Array.isArray(parameters.allowed_merge_methods)
          ? parameters.allowed_merge_methods
          : ['merge', 'squash', 'rebase'],
      },
    };
  }
  if (value.type === 'required_status_checks') {
    const checks = parameters.required_status_checks;
    if (!Array.isArray(checks) || checks.some((check) => !isObject(check) || typeof check.context !== 'string')) {
      throw invalidRuleset('Invalid property /rules/required_status_checks/parameters/required_status_checks.');
    }
    return {
      type: 'required_status_checks',
      parameters: {
        required_status_checks: (checks as Record<string, unknown>[]).map((check) => ({
          context: check.context,
          ...(typeof check.integration_id === 'number' ? { integration_id: check.integration_id } : {}),
        })),
        strict_required_status_checks_policy: parameters.strict_required_status_checks_policy === true,
        do_not_enforce_on_create: parameters.do_not_enforce_on_create === true,
      },
    };
  }
  throw invalidRuleset(`Invalid rule '${value.type}'.`);
}

/** GitHub's `repository-ruleset`; the list view leaves out conditions and rules, as GitHub's does. */
function rulesetJson(urls: ServerUrls, repo: StoredRepository, ruleset: StoredRuleset, detail: boolean) {
  const fullName = `${repo.owner}/${repo.name}`;
  return {
    id: ruleset.id,
    name: ruleset.name,
    target: ruleset.target,
    source_type: 'Repository',
    source: fullName,
    enforcement: ruleset.enforcement,
    node_id: nodeId('RepositoryRuleset', ruleset.id),
    _links: {
      self: { href: `${urls.api}/repos/${fullName}/rulesets/${ruleset.id}` },
      html: { href: `${urls.html}/${fullName}/rules/${ruleset.id}` },
    },
    created_at: ruleset.createdAt,
    updated_at: ruleset.updatedAt,
    ...(detail
      ? {
          bypass_actors: [],
          current_user_can_bypass: 'never',
          conditions: { ref_name: { include: ruleset.include, exclude: ruleset.exclude } },
          rules: ruleset.rules,
        }
      : {}),
  };
}

/** Rulesets (list, create, get) and the rules in force on a branch. */
export function addRulesetRoutes(router: Router, context: RouteContext): void {
  router.add('GET', '/repos/{owner}/{repo}/rulesets', async ({ params, url }) => {
    const { repo } = openRepository(context, params);
    const page = paginate(repo.rulesets ?? [], url);
    return {
      status: 200,
      body: page.items.map((ruleset) => rulesetJson(context.urls, repo, ruleset, false)),
      headers: page.headers,
    };
  });

  router.add('POST', '/repos/{owner}/{repo}/rulesets', async ({ params, body }) => {
    const { repo, key } = openRepository(context, params);
    const name = requireString(body.name, 'Ruleset', 'name');
    const enforcement = body.enforcement as StoredRuleset['enforcement'];
    if (!ENFORCEMENTS.includes(enforcement)) throw invalidRuleset('Invalid property /enforcement.');
    const target = (body.target ?? 'branch') as StoredRuleset['target'];
    if (!TARGETS.includes(target)) throw invalidRuleset('Invalid property /target.');
    const refName = isObject(body.conditions) && isObject(body.conditions.ref_name) ? body.conditions.ref_name : {};
    const include = stringList(refName.include, 'include');
    const exclude = stringList(refName.exclude, 'exclude');
    const rules = (Array.isArray(body.rules) ? body.rules : []).map(ruleOf);
    return context.lock.run(key, async () => {
      if ((repo.rulesets ?? []).some((ruleset) => ruleset.name === name)) {
        throw validationFailed({ resource: 'Ruleset', code: 'already_exists', field: 'name' });
      }
      const now = isoSeconds();
      const ruleset: StoredRuleset = {
        id: takeId(context.store.state),
        name,
        target,
        enforcement,
        include,
        exclude,
        rules,
        createdAt: now,
        updatedAt: now,
      };
      repo.rulesets = [...(repo.rulesets ?? []), ruleset];
      context.store.save();
      return { status: 201, body: rulesetJson(context.urls, repo, ruleset, true) };
    });
  });

  router.add('GET', '/repos/{owner}/{repo}/rulesets/{ruleset_id}', async ({ params }) => {
    const { repo } = openRepository(context, params);
    const ruleset = (repo.rulesets ?? []).find((candidate) => String(candidate.id) === params.ruleset_id);
    if (!ruleset) throw notFound();
    return { status: 200, body: rulesetJson(context.urls, repo, ruleset, true) };
  });

  // The branch need not exist: GitHub answers for any name, which is how a client checks a branch to be.
  router.add('GET', '/repos/{owner}/{repo}/rules/branches/{branch+}', async ({ params, url }) => {
    const { repo, git } = openRepository(context, params);
    const defaultBranch = await defaultBranchOf(git);
    const rules = activeRulesForBranch(repo, params.branch ?? '', defaultBranch).map(({ ruleset, rule }) => ({
      ...rule,
      ruleset_source_type: 'Repository',
      ruleset_source: `${repo.owner}/${repo.name}`,
      ruleset_id: ruleset.id,
    }));
    const page = paginate(rules, url);
    return { status: 200, body: page.items, headers: page.headers };
  });
}
