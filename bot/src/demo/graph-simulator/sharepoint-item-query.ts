import { nextLinkFor, option, readTop } from './odata';
import { isIndexed, type Item, type SpList } from './sharepoint-model';
import { badRequest, GraphError, type RouteContext, type SimRequest } from './types';

/**
 * `$orderby` and paging of list items. SharePoint only filters and sorts a list on indexed columns
 * (ID always is) unless `Prefer: HonorNonIndexedQueriesWarningMayFailRandomly` is sent; the error names
 * "filter or orderby" (listitem-list.md, and the Graph error text SharePoint returns). Its list item
 * `$skiptoken` is a position, not an offset (`Paged=TRUE&p_ID=1000`, plus `p_{Field}` when sorted):
 * items added before that position while a client pages are not read twice, none after it is missed.
 */
export const NON_INDEXED_PREFERENCE = 'HonorNonIndexedQueriesWarningMayFailRandomly';

/** Refuses a `fields/{name}` path on an unknown column, or on a column that is not indexed (without Prefer). */
export function checkQueryable(req: SimRequest, list: SpList, path: string): string {
  if (!path.startsWith('fields/')) throw new GraphError(400, 'invalidRequest', 'Invalid filter clause');
  const name = path.slice('fields/'.length);
  if (isIndexed(list, name)) return name;
  if (!list.columns.some((c) => c.name === name))
    throw new GraphError(400, 'invalidRequest', `Field '${name}' is not recognized`);
  const honorNonIndexed = (req.headers.prefer ?? '')
    .toLowerCase()
    .includes(NON_INDEXED_PREFERENCE.toLowerCase());
  if (!honorNonIndexed)
    throw new GraphError(
      400,
      'invalidRequest',
      `Field '${name}' cannot be referenced in filter or orderby as it is not indexed. Provide the ` +
        `'Prefer: ${NON_INDEXED_PREFERENCE}' header to allow this, but be warned that such queries may fail on large lists.`,
    );
  return name;
}

/** The value an item sorts by: ID as a number. */
function sortValue(item: Item, name: string): unknown {
  if (name === 'id' || name === 'ID') return item.id;
  if (name === 'Created') return item.created;
  if (name === 'Modified') return item.modified;
  return item.values[name];
}

interface OrderKey {
  name: string;
  desc: boolean;
}

/** `$orderby=fields/Rank desc,fields/ID desc`: ID ascending ends every order, as SharePoint breaks ties. */
function parseOrderBy(req: SimRequest, list: SpList): OrderKey[] {
  const raw = option(req, 'orderby');
  const keys = (raw ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((term) => {
      const m = /^(\S+)(?:\s+(asc|desc))?$/i.exec(term);
      if (!m) throw badRequest(`Invalid $orderby term '${term}'.`);
      return { name: checkQueryable(req, list, m[1]!), desc: m[2]?.toLowerCase() === 'desc' };
    });
  if (!keys.some((k) => k.name === 'ID' || k.name === 'id')) keys.push({ name: 'ID', desc: false });
  return keys;
}

type Position = unknown[];

/** Empty values first; text without regard to case, as SharePoint collates. */
function compareValues(a: unknown, b: unknown): number {
  const x = a ?? null;
  const y = b ?? null;
  if (x === y) return 0;
  if (x === null) return -1;
  if (y === null) return 1;
  if (typeof x === 'string' && typeof y === 'string') {
    const [lx, ly] = [x.toLowerCase(), y.toLowerCase()];
    return lx < ly ? -1 : lx > ly ? 1 : x < y ? -1 : x > y ? 1 : 0;
  }
  if (typeof x === 'number' && typeof y === 'number') return x - y;
  if (typeof x === 'boolean' && typeof y === 'boolean') return Number(x) - Number(y);
  return typeof x < typeof y ? -1 : 1; // mixed types: grouped by type, as no column holds two
}

function comparePositions(keys: OrderKey[], a: Position, b: Position): number {
  for (const [i, key] of keys.entries()) {
    const c = compareValues(a[i], b[i]);
    if (c !== 0) return key.desc ? -c : c;
  }
  return 0;
}

const encodeToken = (keys: OrderKey[], position: Position) =>
  Buffer.from(
    [
      'Paged=TRUE',
      ...keys.map((k, i) => `p_${k.name}=${encodeURIComponent(JSON.stringify(position[i]))}`),
    ].join('&'),
  ).toString('base64url');

function decodeToken(keys: OrderKey[], token: string): Position {
  const params = new URLSearchParams(Buffer.from(token, 'base64url').toString('utf8'));
  if (params.get('Paged') !== 'TRUE') throw badRequest('The $skiptoken value is not valid.');
  return keys.map((k) => {
    const raw = params.get(`p_${k.name}`);
    if (raw === null) throw badRequest('The $skiptoken value is not valid for this $orderby.');
    try {
      return JSON.parse(raw) as unknown;
    } catch {
      throw badRequest('The $skiptoken value is not valid.');
    }
  });
}

/** Sorts the matching items by `$orderby` and returns the page after `$skiptoken`, with the next link. */
export function pageItems(
  req: SimRequest,
  ctx: RouteContext,
  list: SpList,
  matching: Item[],
): { page: Item[]; nextLink?: string } {
  const keys = parseOrderBy(req, list);
  const positionOf = (item: Item): Position => keys.map((k) => sortValue(item, k.name));
  const sorted = matching
    .map((item) => ({ item, position: positionOf(item) }))
    .sort((a, b) => comparePositions(keys, a.position, b.position));
  const token = option(req, 'skiptoken');
  const after = token === undefined ? null : decodeToken(keys, token);
  const start = after === null ? 0 : sorted.findIndex((e) => comparePositions(keys, e.position, after) > 0);
  const rest = start === -1 ? [] : sorted.slice(start);
  const top = readTop(req, { defaultSize: 200, maxTop: 5000, outOfRange: 'clamp' });
  const size = Math.min(top ?? 200, ctx.pageSize ?? Number.POSITIVE_INFINITY);
  const page = rest.slice(0, size);
  const last = page.at(-1);
  if (!last || rest.length <= size) return { page: page.map((e) => e.item) };
  return { page: page.map((e) => e.item), nextLink: nextLinkFor(req, ctx, encodeToken(keys, last.position)) };
}
