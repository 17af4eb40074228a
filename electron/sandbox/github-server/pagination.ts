/** One page of a list, with the `Link` header Octokit's paginate follows. */
export interface Page<T> {
  items: T[];
  headers: Record<string, string>;
}

/**
 * Slices `items` by `per_page` (default 30, at most 100) and `page` (from 1), as GitHub does, and adds
 * GitHub's `Link` header with `next`/`last` (and `prev`/`first`) relations when there is more than one page.
 */
export function paginate<T>(items: readonly T[], requestUrl: URL): Page<T> {
  const perPage = Math.min(Math.max(Number(requestUrl.searchParams.get('per_page') ?? 30) || 30, 1), 100);
  const page = Math.max(Number(requestUrl.searchParams.get('page') ?? 1) || 1, 1);
  const lastPage = Math.max(Math.ceil(items.length / perPage), 1);
  const link = (target: number, rel: string) => {
    const url = new URL(requestUrl);
    url.searchParams.set('per_page', String(perPage));
    url.searchParams.set('page', String(target));
    return `<${url.toString()}>; rel="${rel}"`;
  };
  const links: string[] = [];
  if (page > 1) links.push(link(page - 1, 'prev'));
  if (page < lastPage) links.push(link(page + 1, 'next'), link(lastPage, 'last'));
  if (page > 1) links.push(link(1, 'first'));
  return {
    items: items.slice((page - 1) * perPage, page * perPage),
    headers: links.length > 0 ? { link: links.join(', ') } : {},
  };
}
