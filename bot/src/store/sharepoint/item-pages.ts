import { z } from 'zod';
import type { GraphClient } from '../../graph/create-graph-client';
import { GraphError } from '../../graph/graph-error';
import type { QueryPlan } from '../query-plan';
import type { RecordKind } from '../record-kind';
import type { RecordPage, StoredRecord } from '../record-store';
import { cursorFromNextLink, nextPagePath } from './cursor';
import { recordFromItem } from './item-mapping';
import { CLIENT_REQUEST_ID_COLUMN } from './names';
import { itemQueryOptions, matchesExactly } from './odata-query';
import { mapFailures } from './store-errors';

const collection = z.object({ value: z.array(z.unknown()), '@odata.nextLink': z.string().optional() });

/** Pages a filter only emptied (case-only matches) that are skipped before an empty page is returned. */
const MAX_EMPTY_PAGES = 10;

/**
 * One page of a query: `GET .../items?$expand=fields&$filter=…&$orderby=…&$top=limit`, and the
 * `$skiptoken` of the cursor's nextLink after the first (cursor.ts). A page holds at most `limit`
 * records, fewer when SharePoint pages server-side below `$top`; the last page has no nextLink.
 */
export async function queryPage(
  client: GraphClient,
  kind: RecordKind,
  itemsPath: string,
  plan: QueryPlan,
): Promise<RecordPage<unknown>> {
  const { filter, orderBy } = itemQueryOptions(kind, plan);
  const firstPage = firstPagePath(itemsPath, filter, orderBy, plan.limit);
  const expected = { kind: kind.name, itemsPath, firstPage };
  let path = plan.after ? nextPagePath(String(plan.after.value), expected) : firstPage;
  for (let pages = 1; ; pages++) {
    const body: unknown = await mapFailures({ kind: kind.name, operation: 'read' }, () =>
      client.api(path).get(),
    );
    const parsed = collection.safeParse(body);
    if (!parsed.success) throw invalid();
    const records = parsed.data.value
      .map((item) => recordFromItem(kind, item))
      .filter((r) => matchesExactly(kind, plan, r.data as Record<string, unknown>));
    const next = parsed.data['@odata.nextLink'];
    if (records.length > 0 || next === undefined || pages >= MAX_EMPTY_PAGES) {
      return { records, nextCursor: cursorFromNextLink(plan, next) };
    }
    path = nextPagePath(next, expected);
  }
}

export function firstPagePath(
  itemsPath: string,
  filter: string | null,
  orderBy: string | null,
  top: number,
): string {
  const options = [
    ['$expand', 'fields'],
    ['$filter', filter],
    ['$orderby', orderBy],
    ['$top', String(top)],
  ].filter((o): o is [string, string] => o[1] !== null);
  return `${itemsPath}?${options.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&')}`;
}

/** The item whose hidden clientRequestId column holds `key` (compared exactly), if any. */
export async function findByRequestId(
  client: GraphClient,
  kind: RecordKind,
  itemsPath: string,
  key: string,
): Promise<StoredRecord<unknown> | null> {
  const filter = `fields/${CLIENT_REQUEST_ID_COLUMN} eq '${key.replace(/'/g, "''")}'`;
  const body: unknown = await mapFailures({ kind: kind.name, operation: 'read' }, () =>
    client.api(firstPagePath(itemsPath, filter, null, 10)).get(),
  );
  const parsed = collection.safeParse(body);
  if (!parsed.success) throw invalid();
  const item = parsed.data.value.find(
    (i) => (i as { fields?: Record<string, unknown> }).fields?.[CLIENT_REQUEST_ID_COLUMN] === key,
  );
  return item === undefined ? null : recordFromItem(kind, item);
}

function invalid(): GraphError {
  return new GraphError({
    reason: 'invalidResponse',
    status: 200,
    message: 'SharePoint returned a list item page without a `value` array',
  });
}
