/** The first 7 characters of a commit sha, as git and GitHub abbreviate it. */
export function shortSha(sha: string): string {
  return sha.slice(0, 7);
}

/** "1 commit", "92 commits": a count with its noun. */
export function countOf(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** The web page of pull request `number` in a repository at `repositoryUrl`. */
export function pullRequestUrl(repositoryUrl: string, number: number): string {
  return `${repositoryUrl}/pull/${number}`;
}
