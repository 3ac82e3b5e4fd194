import type { GraphRequest } from '@microsoft/microsoft-graph-client';
import { z } from 'zod';
import type { GraphClient } from './create-graph-client';
import { GraphError } from './graph-error';

/** 1,000 pages of 999 is a million objects: far past any tenant Mamori serves, short of a loop. */
export const DEFAULT_MAX_PAGES = 1_000;

export interface PageOptions<T> {
  /** Each item is validated with this schema. */
  item: z.ZodType<T>;
  maxPages?: number;
}

export interface GetAllOptions<T> extends PageOptions<T> {
  select?: readonly string[];
  top?: number;
  /** An OData filter expression, URL-encoded here (the SDK puts it in the URL as given). */
  filter?: string;
}

const collectionPage = z.object({
  value: z.array(z.unknown()),
  '@odata.nextLink': z.string().optional(),
});

/**
 * Yields the validated items of each page, following `@odata.nextLink`; next links are absolute
 * and requested as-is (they carry Graph's skip token), through the same auth, retry and timeout.
 */
export async function* pages<T>(
  client: GraphClient,
  firstRequest: GraphRequest,
  options: PageOptions<T>,
): AsyncGenerator<T[], void, undefined> {
  const maxPages = options.maxPages ?? DEFAULT_MAX_PAGES;
  const items = z.array(options.item);
  const seen = new Set<string>();
  let body: unknown = await firstRequest.get();
  for (let pageNumber = 1; ; pageNumber++) {
    const page = collectionPage.safeParse(body);
    if (!page.success) throw invalidPage(pageNumber, 'has no `value` array');
    const parsed = items.safeParse(page.data.value);
    if (!parsed.success) {
      const where = parsed.error.issues[0]?.path.join('.') ?? '';
      throw invalidPage(pageNumber, `has an item not as expected at ${where}`);
    }
    yield parsed.data;
    const next = page.data['@odata.nextLink'];
    if (next === undefined) return;
    if (pageNumber >= maxPages) throw invalidPage(pageNumber, `links to more than ${maxPages} pages`);
    if (seen.has(next)) throw invalidPage(pageNumber, 'links back to an earlier page');
    seen.add(next);
    body = await client.getUrl(next);
  }
}

/** GETs a whole collection: `$select`, `$top` (page size) and `$filter` on the first request. */
export async function getAll<T>(client: GraphClient, path: string, options: GetAllOptions<T>): Promise<T[]> {
  let request = client.api(path);
  if (options.select && options.select.length > 0) request = request.select([...options.select]);
  if (options.top !== undefined) request = request.top(options.top);
  if (options.filter !== undefined) request = request.filter(encodeURIComponent(options.filter));
  const all: T[] = [];
  for await (const items of pages(client, request, options)) all.push(...items);
  return all;
}

function invalidPage(pageNumber: number, problem: string): GraphError {
  return new GraphError({
    reason: 'invalidResponse',
    status: 200,
    message: `Graph collection page ${pageNumber} ${problem}`,
  });
}
