import {
  Cherry,
  ClipboardCheck,
  FilePen,
  GitBranch,
  GitCommitHorizontal,
  GitMerge,
  GitPullRequest,
  Hourglass,
  Lock,
  LockOpen,
  Package,
  Rocket,
  Send,
  Tag,
  type LucideIcon,
} from 'lucide-react';
import type { FlowStepKind } from '../../../shared/domain/flows/flow-plan';
import { assertNever } from '../lib/assert-never';

/** The icon of a kind of step; a new kind without one does not type-check. */
export function stepKindIcon(kind: FlowStepKind): LucideIcon {
  switch (kind) {
    case 'acquire-lock':
      return Lock;
    case 'create-branch':
      return GitBranch;
    case 'cherry-pick':
      return Cherry;
    case 'open-pr':
      return GitPullRequest;
    case 'wait-pr':
      return Hourglass;
    case 'wait-commits':
      return GitCommitHorizontal;
    case 'merge-pr':
      return GitMerge;
    case 'watch-workflow':
      return Rocket;
    case 'bump-version':
      return FilePen;
    case 'create-tag':
      return Tag;
    case 'create-release':
      return Package;
    case 'publish-release':
      return Send;
    case 'approve':
      return ClipboardCheck;
    case 'release-lock':
      return LockOpen;
    default:
      return assertNever(kind);
  }
}
