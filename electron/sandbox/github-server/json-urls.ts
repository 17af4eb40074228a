/** Where the server is reachable; every URL in a response is built from it. */
export interface ServerUrls {
  /** API root, e.g. `http://127.0.0.1:41234` (what Octokit takes as `baseUrl`). */
  api: string;
  /** Root of the "web" URLs (`html_url`); the server does not serve pages there. */
  html: string;
}

/** A stable, opaque `node_id` in the spirit of GitHub's (base64 of type and id). */
export function nodeId(type: string, id: number): string {
  return Buffer.from(`0${type.length}:${type}${id}`).toString('base64');
}
