import { z } from 'zod';
import type { DemoTenant } from '../demo-tenant';
import { listETag } from './etags';
import { renderColumn, type SpList } from './sharepoint-model';
import { GraphError, isoSeconds, stableGuid } from './types';

/** The simulated SharePoint site and its lists, and how requests address them. */
export interface SiteInfo {
  /** Composite id `{hostname},{site-collection-guid},{web-guid}` (site-get.md). */
  id: string;
  hostname: string;
  name: string;
  displayName: string;
  webUrl: string;
  created: string;
}

export interface SharePointState {
  site: SiteInfo;
  lists: Map<string, SpList>;
}

export function createSharePointState(tenant: DemoTenant, created: Date): SharePointState {
  const hostname = `${tenant.tenant.defaultDomain.split('.')[0]}.sharepoint.com`;
  const id = `${hostname},${stableGuid('site-collection/mamori')},${stableGuid('web/mamori')}`;
  const site = { id, hostname, name: 'mamori', displayName: 'Mamori', created: isoSeconds(created) };
  return { site: { ...site, webUrl: `https://${hostname}/sites/mamori` }, lists: new Map() };
}

export const notFound = (what: string) => new GraphError(404, 'itemNotFound', `${what} not found`);

/** The site by its composite id (GUIDs in any case); `{hostname}:/sites/{name}` has its own GET route. */
export function resolveSite(state: SharePointState, ref: string): SiteInfo {
  if (ref.toLowerCase() === state.site.id.toLowerCase()) return state.site;
  throw notFound('Requested site');
}

/** A list by id or by title (list-get.md: `/lists/{list-id}` or `/lists/{list-title}`). */
export function resolveList(state: SharePointState, siteRef: string, listRef: string): SpList {
  resolveSite(state, siteRef);
  const key = listRef.toLowerCase();
  for (const list of state.lists.values())
    if (list.id === key || list.displayName.toLowerCase() === key || list.name.toLowerCase() === key)
      return list;
  throw notFound('List');
}

/** `$metadata#sites('{site-id}')/lists…` context fragments. */
export const siteFragment = (state: SharePointState) => `sites('${encodeURIComponent(state.site.id)}')`;
export const listFragment = (state: SharePointState, list: SpList) =>
  `${siteFragment(state)}/lists('${list.id}')`;

export function parseBody<T>(schema: z.ZodType<T>, body: unknown): T {
  const result = schema.safeParse(body);
  if (!result.success)
    throw new GraphError(400, 'invalidRequest', `Invalid request body: ${z.prettifyError(result.error)}`);
  return result.data;
}

const APP_IDENTITY = { user: { displayName: 'SharePoint App' } };

export function renderSite(site: SiteInfo) {
  return {
    createdDateTime: site.created,
    description: '',
    id: site.id,
    lastModifiedDateTime: site.created,
    name: site.name,
    webUrl: site.webUrl,
    displayName: site.displayName,
  };
}

export function renderList(state: SharePointState, list: SpList, expandColumns: boolean) {
  return {
    '@odata.etag': listETag(list),
    createdDateTime: list.created,
    description: list.description,
    eTag: listETag(list),
    id: list.id,
    lastModifiedDateTime: list.modified,
    name: list.name,
    webUrl: `${state.site.webUrl}/Lists/${encodeURIComponent(list.name)}`,
    displayName: list.displayName,
    createdBy: APP_IDENTITY,
    parentReference: { siteId: state.site.id },
    list: { contentTypesEnabled: false, hidden: false, template: 'genericList' },
    ...(expandColumns ? { columns: list.columns.map(renderColumn) } : {}),
  };
}
