import { z } from 'zod';
import { collection, option, paginate } from './odata';
import type { Router } from './router';
import {
  COLUMN_KINDS,
  columnInputSchema,
  makeColumn,
  renderColumn,
  templateColumns,
  type Column,
  type SpList,
} from './sharepoint-model';
import {
  listFragment,
  notFound,
  parseBody,
  renderList,
  renderSite,
  resolveList,
  resolveSite,
  siteFragment,
  type SharePointState,
} from './sharepoint-state';
import { GraphError, isoSeconds, json, stableGuid, type RouteContext } from './types';

/**
 * Site, lists and list columns: api-reference/v1.0/api/site-get.md, list-list.md, list-create.md, list-get.md,
 * list-list-columns.md, list-post-columns.md, columndefinition-get.md and columndefinition-update.md.
 */
const listInputSchema = z.looseObject({
  displayName: z.string().min(1),
  description: z.string().optional(),
  columns: z.array(columnInputSchema).optional(),
  list: z.looseObject({ template: z.string().optional() }).optional(),
});

function createList(state: SharePointState, body: unknown, ctx: RouteContext): SpList {
  const input = parseBody(listInputSchema, body);
  const template = input.list?.template ?? 'genericList';
  if (template !== 'genericList')
    throw new GraphError(
      400,
      'invalidRequest',
      `The simulator only creates genericList lists, not '${template}'.`,
    );
  if ([...state.lists.values()].some((l) => l.displayName.toLowerCase() === input.displayName.toLowerCase()))
    throw new GraphError(
      409,
      'nameAlreadyExists',
      'A list, survey, discussion board, or document library with the specified title already exists in this Web site.',
    );
  const id = stableGuid(`list/${input.displayName}`);
  const now = isoSeconds(ctx.now());
  const list: SpList = {
    id,
    name: input.displayName.replace(/\s+/g, ''),
    displayName: input.displayName,
    description: input.description ?? '',
    created: now,
    modified: now,
    version: 1,
    columns: templateColumns(id),
    items: new Map(),
    nextItemId: 1,
  };
  for (const column of input.columns ?? []) addColumn(list, makeColumn(column, id));
  state.lists.set(id, list);
  return list;
}

function addColumn(list: SpList, column: Column) {
  if (list.columns.some((c) => c.name.toLowerCase() === column.name.toLowerCase()))
    throw new GraphError(400, 'invalidRequest', `A duplicate field name "${column.name}" was found.`);
  list.columns.push(column);
}

function findColumn(list: SpList, ref: string) {
  const column = list.columns.find((c) => c.id === ref.toLowerCase() || c.name === ref);
  if (!column) throw notFound('Column');
  return column;
}

/** columndefinition-update.md: any property of a list column but id may change; the type facet is merged. */
const columnPatchSchema = columnInputSchema.partial().extend({ id: z.never().optional() });

function patchColumn(column: Column, body: unknown) {
  const { name, id: _id, ...patch } = parseBody(columnPatchSchema, body);
  for (const kind of COLUMN_KINDS) {
    const facet = patch[kind];
    if (facet === undefined) continue;
    if (kind !== column.kind)
      throw new GraphError(400, 'invalidRequest', `Column '${column.name}' is a ${column.kind} column.`);
    column.facet = { ...column.facet, ...facet };
    delete patch[kind];
  }
  Object.assign(column, name === undefined ? {} : { name }, patch);
}

export function registerSiteRoutes(router: Router, state: SharePointState): void {
  const base = (ctx: RouteContext, fragment: string) => `${ctx.baseUrl}/$metadata#${fragment}`;
  router
    .on('GET', '/sites/:site', (_req, { site }, ctx) =>
      json({ '@odata.context': base(ctx, 'sites/$entity'), ...renderSite(resolveSite(state, site!)) }),
    )
    .on('GET', '/sites/:host/sites/:name', (_req, { host, name }, ctx) => {
      const s = state.site;
      if (host?.toLowerCase() !== `${s.hostname}:` || name?.toLowerCase() !== s.name)
        throw notFound('Requested site');
      return json({ '@odata.context': base(ctx, 'sites/$entity'), ...renderSite(s) });
    })
    .on('GET', '/sites/:site/lists', (req, { site }, ctx) => {
      resolveSite(state, site!);
      const lists = [...state.lists.values()].map((l) => renderList(state, l, false));
      const page = paginate(req, ctx, lists, { defaultSize: 200, maxTop: 5000, outOfRange: 'clamp' });
      return json(collection(base(ctx, `${siteFragment(state)}/lists`), page));
    })
    .on('POST', '/sites/:site/lists', (req, { site }, ctx) => {
      resolveSite(state, site!);
      const list = createList(state, req.body, ctx);
      const context = base(ctx, `${siteFragment(state)}/lists/$entity`);
      return json({ '@odata.context': context, ...renderList(state, list, false) }, 201);
    })
    .on('GET', '/sites/:site/lists/:list', (req, { site, list }, ctx) => {
      const found = resolveList(state, site!, list!);
      const expandColumns = /(^|,)\s*columns\s*(,|$)/i.test(option(req, 'expand') ?? '');
      const context = base(ctx, `${siteFragment(state)}/lists/$entity`);
      return json({ '@odata.context': context, ...renderList(state, found, expandColumns) });
    })
    .on('GET', '/sites/:site/lists/:list/columns', (_req, { site, list }, ctx) => {
      const found = resolveList(state, site!, list!);
      const value = found.columns.filter((c) => !c.hidden).map(renderColumn);
      return json({ '@odata.context': base(ctx, `${listFragment(state, found)}/columns`), value });
    })
    .on('POST', '/sites/:site/lists/:list/columns', (req, { site, list }, ctx) => {
      const found = resolveList(state, site!, list!);
      const column = makeColumn(parseBody(columnInputSchema, req.body), found.id);
      addColumn(found, column);
      const context = base(ctx, `${listFragment(state, found)}/columns/$entity`);
      return json({ '@odata.context': context, ...renderColumn(column) }, 201);
    })
    .on('GET', '/sites/:site/lists/:list/columns/:column', (_req, { site, list, column }, ctx) => {
      const found = resolveList(state, site!, list!);
      const context = base(ctx, `${listFragment(state, found)}/columns/$entity`);
      return json({ '@odata.context': context, ...renderColumn(findColumn(found, column!)) });
    })
    .on('PATCH', '/sites/:site/lists/:list/columns/:column', (req, { site, list, column }, ctx) => {
      const found = resolveList(state, site!, list!);
      const target = findColumn(found, column!);
      patchColumn(target, req.body);
      const context = base(ctx, `${listFragment(state, found)}/columns/$entity`);
      return json({ '@odata.context': context, ...renderColumn(target) });
    });
}
