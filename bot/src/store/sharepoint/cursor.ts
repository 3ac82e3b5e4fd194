import { RecordQueryError } from '../errors';
import { encodeCursor, type QueryPlan } from '../query-plan';

/**
 * Cursors wrap SharePoint's `@odata.nextLink` inside the port's cursor envelope, which ties it to
 * the query's fingerprint. The link's `$skiptoken` is a position in the query's order
 * (`Paged=TRUE&p_ID=…`, with `p_{Field}` when sorted), so it stays right when items are added
 * between pages. A cursor can come back from outside (a card's "more" button) and is not signed, so
 * the link is not fetched as given: its path must be this list's items, and the next request is
 * this query's own (same `$filter`, `$orderby`, `$expand`, `$top` = the limit asked now) plus the
 * link's `$skiptoken`, relative to the client's Graph service root. A forged cursor can then neither
 * point the bot at another host or list nor widen the filter; at worst it moves the position.
 */
export function cursorFromNextLink(plan: QueryPlan, nextLink: string | undefined): string | null {
  return nextLink === undefined ? null : encodeCursor(plan, nextLink, 0);
}

export interface ExpectedPage {
  kind: string;
  /** `/sites/{site-id}/lists/{list-id}/items`, as requested. */
  itemsPath: string;
  /** The first page's request (path and query options). */
  firstPage: string;
}

/** The request (below the service root) for the page a nextLink points at. */
export function nextPagePath(nextLink: string, expected: ExpectedPage): string {
  const refuse = () => new RecordQueryError(expected.kind, 'the cursor does not belong to this query');
  let url: URL;
  try {
    url = new URL(nextLink);
  } catch {
    throw refuse();
  }
  const at = url.pathname.indexOf('/sites/');
  if (
    at === -1 ||
    decode(url.pathname.slice(at)).toLowerCase() !== decode(expected.itemsPath).toLowerCase()
  ) {
    throw refuse();
  }
  // The token as the link carries it (still percent-encoded), with or without the `$`.
  const tokens = url.search
    .replace(/^\?/, '')
    .split('&')
    .filter((pair) => /^(\$|%24)?skiptoken=/i.test(pair))
    .map((pair) => pair.slice(pair.indexOf('=') + 1));
  const token = tokens[0];
  if (tokens.length !== 1 || token === undefined || token === '' || /[^A-Za-z0-9%._~=+-]/.test(token)) {
    throw refuse();
  }
  return `${expected.firstPage}&$skiptoken=${token}`;
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
