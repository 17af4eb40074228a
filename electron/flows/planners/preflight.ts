import type { FlowName, PreflightCheck } from '../../../shared/domain/flows/flow-plan';
import { AppError } from '../../../shared/ipc/errors';
import { chooseVersion, hotfixBranchOf } from './choice-validation';
import type { FlowChoices } from './flow-choices';
import type { FlowFacts } from './flow-facts';
import type { BackmergeChoices } from './plan-backmerge';
import type { FreezeChoices } from './plan-freeze';
import type { HotfixChoices } from './plan-hotfix';
import { bumpRoute, type ReleaseChoices } from './plan-release';
import { choiceCheck, commonChecks, describePull, fail, pass } from './preflight-checks';
import { preflightFreeze } from './preflight-freeze';
import { preflightPromote } from './preflight-promote';

export { isBlocked } from './preflight-checks';
export { preflightFreeze, preflightPromote };

/** Hotfix: a usable name whose branch is free, the lane exists, and a token that can push. */
export function preflightHotfix(facts: FlowFacts, choices: HotfixChoices): PreflightCheck[] {
  const checks = commonChecks(facts);
  let branch: string | null = null;
  checks.push(
    choiceCheck('name', 'The hotfix name is usable', () => {
      branch = hotfixBranchOf(choices.name);
      return `The branch will be ${branch}.`;
    }),
  );
  if (branch !== null) {
    const name: string = branch;
    const existing = facts.remoteBranches[name];
    const pull = facts.github?.openPulls.find((candidate) => candidate.head === name);
    checks.push(
      existing || pull
        ? fail(
            'name-free',
            `${name} is free`,
            `${name} already exists${existing ? ` at ${existing.slice(0, 7)}` : ''}${pull ? `, with ${describePull(pull)} open` : ''}.`,
            'Choose another name, or finish the hotfix already under way.',
          )
        : pass('name-free', `${name} is free`, `No branch or PR uses ${name}.`),
    );
  }
  const lane = choices.from === 'main' ? 'main' : 'staging';
  checks.push(
    facts.heads[lane]
      ? pass(
          'lane',
          `${facts.branches[lane]} exists`,
          `The hotfix branches from ${facts.branches[lane]} at ${facts.heads[lane]?.slice(0, 7)}.`,
        )
      : fail(
          'lane',
          `${facts.branches[lane]} exists`,
          `${facts.branches[lane]} does not exist.`,
          `Create it, or fix branches.${lane} in .release-desk.yml.`,
        ),
  );
  return checks;
}

/** Release: the version and its tag are free, the version files can be bumped, and main is not behind staging. */
export function preflightRelease(facts: FlowFacts, choices: ReleaseChoices = {}): PreflightCheck[] {
  const checks = commonChecks(facts);
  let tag = facts.release.version.tag;
  checks.push(
    choiceCheck('version', 'The version is usable', () => {
      const chosen = chooseVersion(facts, facts.release.version, choices.version);
      tag = chosen.tag;
      return `The release is ${chosen.tag} (${chosen.reason}).`;
    }),
  );
  const taken = facts.tags[tag];
  checks.push(
    taken
      ? fail(
          'tag-free',
          `${tag} is free`,
          `The tag ${tag} already exists at ${taken.slice(0, 7)}.`,
          'Choose the next version; a released tag is never moved.',
        )
      : pass('tag-free', `${tag} is free`, `No tag is named ${tag}.`),
  );
  const files = facts.release.versionFiles;
  const broken = files.filter((file) => file.problem !== null);
  if (files.length === 0) {
    checks.push(
      fail(
        'version-files',
        'The version files can be bumped',
        'No version files are configured.',
        'List them under versionFiles in .release-desk.yml (or commitizen’s version_files).',
      ),
    );
  } else if (broken.length > 0) {
    checks.push(
      fail(
        'version-files',
        'The version files can be bumped',
        broken.map((file) => `${file.path}: ${file.problem}`).join(' '),
        'Make each file declare the current release, then check again.',
      ),
    );
  } else {
    checks.push(
      pass('version-files', 'The version files can be bumped', `Found ${files.map((file) => file.path).join(', ')}.`),
    );
  }
  const behind = facts.release.stagingAheadOfMain;
  checks.push(
    behind > 0
      ? fail(
          'main-current',
          `${facts.branches.main} has what staging has`,
          `${facts.branches.staging} has ${behind} commits that ${facts.branches.main} lacks.`,
          'Promote first if they belong in this release.',
          'warning',
        )
      : pass(
          'main-current',
          `${facts.branches.main} has what staging has`,
          `${facts.branches.main} is not behind ${facts.branches.staging}.`,
          'warning',
        ),
  );
  const via = bumpRoute(facts);
  checks.push(
    pass(
      'bump-route',
      'How the bump lands',
      via === 'pr'
        ? `${facts.branches.main} requires PRs or checks (or its rules cannot be read), so the bump goes through a PR.`
        : `${facts.branches.main} is not protected, so the bump is committed to it directly.`,
      'warning',
    ),
  );
  return checks;
}

/** Back-merge: there is debt to pay (else nothing to do), and any back-merge PR already open is named. */
export function preflightBackmerge(facts: FlowFacts, choices: BackmergeChoices): PreflightCheck[] {
  const checks = commonChecks(facts);
  const lane = facts.branches[choices.from];
  const development = facts.branches.development;
  const debt = facts.backMerge.find((entry) => entry.lane === choices.from && entry.commits.length > 0);
  checks.push(
    debt
      ? pass(
          'debt',
          `${lane} has something to back-merge`,
          `${debt.message}${debt.prs.length > 0 ? ` (${debt.prs.map((pr) => `#${pr}`).join(', ')})` : ''}.`,
        )
      : fail(
          'debt',
          `${lane} has something to back-merge`,
          `Nothing to back-merge: ${development} already has every commit of ${lane}.`,
          'Nothing to do.',
        ),
  );
  const open = facts.github?.openPulls.find((pull) => pull.head === lane && pull.base === development);
  if (open)
    checks.push(
      pass(
        'open-backmerge',
        'A back-merge PR is already open',
        `${describePull(open)} is open; the flow continues it.`,
        'warning',
      ),
    );
  return checks;
}

/** The preflight checks of any flow. */
export function preflight<F extends FlowName>(flow: F, facts: FlowFacts, choices: FlowChoices[F]): PreflightCheck[] {
  const name: FlowName = flow;
  switch (name) {
    case 'freeze':
      return preflightFreeze(facts, choices as FreezeChoices);
    case 'hotfix':
      return preflightHotfix(facts, choices as HotfixChoices);
    case 'promote':
      return preflightPromote(facts);
    case 'release':
      return preflightRelease(facts, choices as ReleaseChoices);
    case 'backmerge':
      return preflightBackmerge(facts, choices as BackmergeChoices);
    default:
      throw new AppError('INVALID_ARGUMENTS', `There is no flow "${String(name)}".`);
  }
}
