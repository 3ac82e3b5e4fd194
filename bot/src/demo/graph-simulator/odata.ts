import { badRequest, GraphError, type RouteContext, type SimRequest } from './types';

/** A system query option, with or without its `$` prefix (the SharePoint pages write `expand=fields`). */
export function option(req: SimRequest, name: string): string | undefined {
  return req.query.get(`$${name}`) ?? req.query.get(name) ?? undefined;
}

export function parseSelect(req: SimRequest): string[] | undefined {
  const raw = option(req, 'select');
  if (raw === undefined) return undefined;
  return raw
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

/**
 * Keeps `@odata.*` annotations and the selected properties; a selected property the record lacks is `null`.
 * `known` (when given) is the entity's property set: selecting anything else is the 400 Graph returns.
 */
export function project(
  entity: Record<string, unknown>,
  select: string[] | undefined,
  known?: { type: string; properties: ReadonlySet<string> },
): Record<string, unknown> {
  if (!select) return entity;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(entity)) if (k.startsWith('@odata.')) out[k] = v;
  for (const name of select) {
    if (known && !known.properties.has(name))
      throw badRequest(`Could not find a property named '${name}' on type '${known.type}'.`);
    out[name] = entity[name] ?? null;
  }
  return out;
}

/** `{serviceRoot}/$metadata#{fragment}`, with a `(select list)` when $select was used. */
export function contextUrl(ctx: RouteContext, fragment: string, select?: string[], entity = false): string {
  const withSelect = select ? `${fragment}(${select.join(',')})` : fragment;
  return `${ctx.baseUrl}/$metadata#${withSelect}${entity ? '/$entity' : ''}`;
}

export interface PageRules {
  /** Page size when the request has no $top. */
  defaultSize: number;
  maxTop: number;
  /** `reject`: a $top outside 1..maxTop is a 400 (directory objects); `clamp`: it is cut to maxTop. */
  outOfRange: 'reject' | 'clamp';
}

export function readTop(req: SimRequest, rules: PageRules): number | undefined {
  const raw = option(req, 'top');
  if (raw === undefined) return undefined;
  const top = /^-?\d+$/.test(raw.trim()) ? Number(raw) : NaN;
  if (rules.outOfRange === 'reject' && !(top >= 1 && top <= rules.maxTop))
    throw new GraphError(
      400,
      'Request_UnsupportedQuery',
      `Invalid page size specified: '${raw}'. Must be between 1 and ${rules.maxTop} inclusive.`,
    );
  if (!(top >= 1)) throw badRequest(`Invalid value '${raw}' for query option $top.`);
  return Math.min(top, rules.maxTop);
}

const encodeToken = (offset: number) => Buffer.from(`offset:${offset}`).toString('base64url');

function decodeToken(token: string): number {
  const m = /^offset:(\d+)$/.exec(Buffer.from(token, 'base64url').toString('utf8'));
  if (!m) throw badRequest('The $skiptoken value is not valid.');
  return Number(m[1]);
}

/** `$` stays readable in links, as in the documented nextLink examples. */
const encodeParam = (s: string) => encodeURIComponent(s).replace(/%24/g, '$').replace(/%2C/g, ',');

/**
 * One page of `items` and the `@odata.nextLink` to the next (concepts/paging.md): the link repeats every query
 * option of the request and adds an opaque `$skiptoken`. A page size set by the test caps every page.
 */
export function paginate<T>(
  req: SimRequest,
  ctx: RouteContext,
  items: readonly T[],
  rules: PageRules,
): { page: T[]; nextLink?: string } {
  const top = readTop(req, rules);
  const token = option(req, 'skiptoken');
  const offset = token === undefined ? 0 : decodeToken(token);
  const size = Math.min(top ?? rules.defaultSize, ctx.pageSize ?? Number.POSITIVE_INFINITY);
  const page = items.slice(offset, offset + size);
  if (offset + size >= items.length) return { page };
  return { page, nextLink: nextLinkFor(req, ctx, encodeToken(offset + size)) };
}

/** The request again, every query option kept, with `$skiptoken` set to `token`. */
export function nextLinkFor(req: SimRequest, ctx: RouteContext, token: string): string {
  const params: string[] = [];
  req.query.forEach((value, key) => {
    if (key !== '$skiptoken' && key !== 'skiptoken') params.push(`${encodeParam(key)}=${encodeParam(value)}`);
  });
  params.push(`$skiptoken=${encodeParam(token)}`);
  return `${ctx.baseUrl}${req.path}?${params.join('&')}`;
}

/** A collection response body: `@odata.context`, optional `@odata.nextLink`, `value`. */
export function collection(context: string, page: { page: unknown[]; nextLink?: string }) {
  return {
    '@odata.context': context,
    ...(page.nextLink ? { '@odata.nextLink': page.nextLink } : {}),
    value: page.page,
  };
}
