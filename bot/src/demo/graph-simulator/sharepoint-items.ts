import { z } from 'zod';
import { evaluateFilter, filterPaths, parseFilter } from './filter';
import { collection, option } from './odata';
import type { Router } from './router';
import { ifMatchFails, itemETag, preconditionFailed } from './etags';
import { checkQueryable, pageItems } from './sharepoint-item-query';
import { applyFields, type Item, type SpList } from './sharepoint-model';
import { listFragment, notFound, parseBody, resolveList, type SharePointState } from './sharepoint-state';
import { badRequest, isoSeconds, json, noContent, stableGuid, type SimRequest } from './types';

/**
 * List items: api-reference/v1.0/api/listitem-list.md, listitem-get.md, listitem-create.md, listitem-update.md and
 * listitem-delete.md. Items carry `@odata.etag` and `eTag` as `"{guid},{version}"`, and so does `fields`;
 * every write bumps the version; `If-Match` with another ETag is 412 and changes nothing. The collection takes
 * `$filter` and `$orderby` on indexed columns and pages by position (sharepoint-item-query.ts).
 */
const APP_IDENTITY = { user: { displayName: 'SharePoint App' } };
/** The lookup id SharePoint gives the app principal in the site's user list (Author/Editor of app writes). */
const APP_LOOKUP_ID = '1073741822';

/** The fieldValueSet of an item: its column values (empty ones omitted) and the standard read-only fields. */
function fieldsOf(list: SpList, item: Item, select?: string[]): Record<string, unknown> {
  const title = typeof item.values.Title === 'string' ? item.values.Title : '';
  const all: Record<string, unknown> = {
    '@odata.etag': itemETag(list, item),
    ...Object.fromEntries(Object.entries(item.values).filter(([, v]) => v !== null && v !== undefined)),
    id: String(item.id),
    ContentType: 'Item',
    Modified: item.modified,
    Created: item.created,
    AuthorLookupId: APP_LOOKUP_ID,
    EditorLookupId: APP_LOOKUP_ID,
    _UIVersionString: `${item.version}.0`,
    Attachments: false,
    Edit: '',
    LinkTitleNoMenu: title,
    LinkTitle: title,
    ItemChildCount: '0',
    FolderChildCount: '0',
  };
  if (!select) return all;
  return Object.fromEntries(Object.entries(all).filter(([k]) => k === '@odata.etag' || select.includes(k)));
}

function renderItem(state: SharePointState, list: SpList, item: Item, expand: Expand) {
  const etag = itemETag(list, item);
  return {
    '@odata.etag': etag,
    createdDateTime: item.created,
    eTag: etag,
    id: String(item.id),
    lastModifiedDateTime: item.modified,
    webUrl: `${state.site.webUrl}/Lists/${encodeURIComponent(list.name)}/${item.id}_.000`,
    createdBy: APP_IDENTITY,
    lastModifiedBy: APP_IDENTITY,
    parentReference: { id: stableGuid(`root-folder/${list.id}`), siteId: state.site.id },
    contentType: {
      id: `0x0100${stableGuid(`content-type/${list.id}`).replace(/-/g, '').toUpperCase()}`,
      name: 'Item',
    },
    ...(expand.fields ? { fields: fieldsOf(list, item, expand.select) } : {}),
  };
}

interface Expand {
  fields: boolean;
  select?: string[];
}

/** `expand=fields`, `$expand=fields`, `expand=fields(select=A,B)` and `$expand=fields($select=A,B)`. */
function parseExpand(req: SimRequest): Expand {
  const raw = option(req, 'expand');
  if (raw === undefined) return { fields: false };
  const m = /^\s*fields\s*(?:\(\s*\$?select\s*=\s*([^)]*)\))?\s*$/i.exec(raw);
  if (!m) throw badRequest(`The simulator supports only $expand=fields on list items, not '${raw}'.`);
  const select = m[1]?.split(',').map((s) => s.trim());
  return select ? { fields: true, select } : { fields: true };
}

function valueOf(item: Item, name: string): unknown {
  if (name === 'id' || name === 'ID') return String(item.id);
  if (name === 'Created') return item.created;
  if (name === 'Modified') return item.modified;
  return item.values[name];
}

/** $filter over `fields/{column}`: a column that is not indexed needs the Prefer header (listitem-list.md). */
function filterItems(req: SimRequest, list: SpList, items: Item[]): Item[] {
  const text = option(req, 'filter');
  if (text === undefined) return items;
  const expr = parseFilter(text);
  for (const path of filterPaths(expr)) checkQueryable(req, list, path);
  return items.filter((item) => evaluateFilter(expr, (p) => valueOf(item, p.slice('fields/'.length))));
}

function findItem(list: SpList, ref: string): Item {
  const item = /^\d+$/.test(ref) ? list.items.get(Number(ref)) : undefined;
  if (!item) throw notFound('Item');
  return item;
}

const createSchema = z.looseObject({ fields: z.record(z.string(), z.unknown()) });
const updateSchema = z.looseObject({ fields: z.record(z.string(), z.unknown()).optional() });
const fieldValueSetSchema = z.record(z.string(), z.unknown());

export function registerItemRoutes(router: Router, state: SharePointState): void {
  const items = '/sites/:site/lists/:list/items';
  const context = (baseUrl: string, list: SpList, suffix: string) =>
    `${baseUrl}/$metadata#${listFragment(state, list)}/${suffix}`;
  /** Applies a write to an item under its If-Match precondition and bumps its version. */
  const update = (req: SimRequest, list: SpList, item: Item, fields: Record<string, unknown>, now: Date) => {
    if (ifMatchFails(req.headers['if-match'], itemETag(list, item))) throw preconditionFailed();
    applyFields(list, item.values, fields);
    item.version += 1;
    item.modified = isoSeconds(now);
    list.modified = item.modified;
  };
  router
    .on('GET', items, (req, { site, list }, ctx) => {
      const found = resolveList(state, site!, list!);
      const expand = parseExpand(req);
      const matching = filterItems(req, found, [...found.items.values()]);
      const page = pageItems(req, ctx, found, matching);
      const value = page.page.map((item) => renderItem(state, found, item, expand));
      return json(collection(context(ctx.baseUrl, found, 'items'), { ...page, page: value }));
    })
    .on('POST', items, (req, { site, list }, ctx) => {
      const found = resolveList(state, site!, list!);
      const { fields } = parseBody(createSchema, req.body);
      const values: Record<string, unknown> = {};
      applyFields(found, values, fields);
      const now = isoSeconds(ctx.now());
      const item: Item = { id: found.nextItemId++, version: 1, created: now, modified: now, values };
      found.items.set(item.id, item);
      found.modified = now;
      const body = renderItem(state, found, item, { fields: true });
      return json({ '@odata.context': context(ctx.baseUrl, found, 'items/$entity'), ...body }, 201);
    })
    .on('GET', `${items}/:item`, (req, { site, list, item }, ctx) => {
      const found = resolveList(state, site!, list!);
      const body = renderItem(state, found, findItem(found, item!), parseExpand(req));
      return json({ '@odata.context': context(ctx.baseUrl, found, 'items/$entity'), ...body });
    })
    .on('GET', `${items}/:item/fields`, (_req, { site, list, item }, ctx) => {
      const found = resolveList(state, site!, list!);
      const target = findItem(found, item!);
      const ctxUrl = context(ctx.baseUrl, found, `items('${target.id}')/fields/$entity`);
      return json({ '@odata.context': ctxUrl, ...fieldsOf(found, target) });
    })
    .on('PATCH', `${items}/:item/fields`, (req, { site, list, item }, ctx) => {
      const found = resolveList(state, site!, list!);
      const target = findItem(found, item!);
      update(req, found, target, parseBody(fieldValueSetSchema, req.body), ctx.now());
      const ctxUrl = context(ctx.baseUrl, found, `items('${target.id}')/fields/$entity`);
      return json({ '@odata.context': ctxUrl, ...fieldsOf(found, target) });
    })
    .on('PATCH', `${items}/:item`, (req, { site, list, item }, ctx) => {
      const found = resolveList(state, site!, list!);
      const target = findItem(found, item!);
      update(req, found, target, parseBody(updateSchema, req.body).fields ?? {}, ctx.now());
      const body = renderItem(state, found, target, { fields: true });
      return json({ '@odata.context': context(ctx.baseUrl, found, 'items/$entity'), ...body });
    })
    .on('DELETE', `${items}/:item`, (req, { site, list, item }) => {
      const found = resolveList(state, site!, list!);
      const target = findItem(found, item!);
      if (ifMatchFails(req.headers['if-match'], itemETag(found, target))) throw preconditionFailed();
      found.items.delete(target.id);
      return noContent();
    });
}
