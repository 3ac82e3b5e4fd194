import type { Item, SpList } from './sharepoint-model';
import { GraphError, stableGuid } from './types';

/**
 * ETags and If-Match for list items and lists. SharePoint's are `"{guid},{version}"`; a write with an If-Match
 * that is not the current ETag is 412 with the documented `resourceModified` code (concepts/errors.md, whose
 * detailed codes name `entityTagDoesNotMatch`).
 */
export const itemETag = (list: SpList, item: Item) =>
  `"${stableGuid(`item/${list.id}/${item.id}`)},${item.version}"`;
export const listETag = (list: SpList) => `"${list.id},${list.version}"`;

/** If-Match: `*` matches anything; otherwise the ETag, quoted or not, optionally weak. */
export function ifMatchFails(header: string | undefined, etag: string): boolean {
  if (header === undefined) return false;
  const normalise = (v: string) =>
    v
      .trim()
      .replace(/^W\//, '')
      .replace(/^"(.*)"$/, '$1');
  return header.trim() !== '*' && normalise(header) !== normalise(etag);
}

export function preconditionFailed(): GraphError {
  return new GraphError(
    412,
    'resourceModified',
    "ETag does not match current item's value",
    {},
    {
      code: 'entityTagDoesNotMatch',
    },
  );
}
