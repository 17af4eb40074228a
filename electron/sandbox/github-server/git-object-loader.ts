import type { SandboxGit } from './sandbox-git';

/** The kinds of git object, named as GitHub's GraphQL types name them. */
export type GitObjectTypeName = 'Commit' | 'Tree' | 'Blob' | 'Tag';

const TYPE_NAMES: Record<string, GitObjectTypeName> = { commit: 'Commit', tree: 'Tree', blob: 'Blob', tag: 'Tag' };

/**
 * Collects the keys asked for during one turn of the event loop and loads them with one call. GraphQL
 * resolves the 100 aliased `object(oid:)` fields of a batch query in one synchronous pass, so this turns
 * 100 git processes into one.
 */
function batched<V>(load: (keys: string[]) => Promise<Map<string, V>>): (key: string) => Promise<V | undefined> {
  const results = new Map<string, Promise<V | undefined>>();
  let pending: Set<string> | undefined;
  let pendingResult: Promise<Map<string, V>> | undefined;
  return (key) => {
    const known = results.get(key);
    if (known) return known;
    if (!pending || !pendingResult) {
      const keys = new Set<string>();
      pending = keys;
      pendingResult = new Promise<void>((resolveTurn) => setImmediate(resolveTurn)).then(() => {
        pending = undefined;
        pendingResult = undefined;
        return load([...keys]);
      });
    }
    pending.add(key);
    const result = pendingResult.then((loaded) => loaded.get(key));
    results.set(key, result);
    return result;
  };
}

/** Reads git objects for one GraphQL request, batching the lookups of each execution step. */
export interface GitObjectLoader {
  /** The object's type, or `undefined` when the repository has no such object. */
  typeOf(oid: string): Promise<GitObjectTypeName | undefined>;
  /** The first line of a commit's message (call only for commits known to exist). */
  headlineOf(oid: string): Promise<string>;
}

/** A loader over one bare repository; make one per request so nothing outlives it. */
export function createGitObjectLoader(git: SandboxGit): GitObjectLoader {
  const typeOf = batched(async (oids) => {
    // One line per input line, in order: `<oid> <type>`, or `<input> missing`.
    const output = await git.text(['cat-file', '--batch-check=%(objectname) %(objecttype)'], {
      input: `${oids.join('\n')}\n`,
    });
    const types = new Map<string, GitObjectTypeName>();
    output.split('\n').forEach((line, index) => {
      const type = TYPE_NAMES[line.split(' ')[1] ?? ''];
      const oid = oids[index];
      if (type && oid) types.set(oid, type);
    });
    return types;
  });
  const headlineOf = batched(async (oids) => {
    // `--no-walk=unsorted` shows just the given commits; NUL ends each record, since a message may hold
    // any text but NUL.
    const output = await git.run(['log', '--no-walk=unsorted', '--stdin', '--format=%H%n%B%x00'], {
      input: `${oids.join('\n')}\n`,
    });
    const headlines = new Map<string, string>();
    for (const record of output.stdout.split('\0')) {
      const [sha = '', firstLine = ''] = record.replace(/^\n/, '').split('\n');
      if (sha) headlines.set(sha, firstLine.trim());
    }
    return headlines;
  });
  return {
    typeOf,
    headlineOf: async (oid) => (await headlineOf(oid)) ?? '',
  };
}
