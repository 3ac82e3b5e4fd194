import type { QueryPlan, ScalarValue } from '../query-plan';
import type { RecordKind } from '../record-kind';
import { columnName } from './names';

/**
 * A checked QueryPlan as list item query options. `planQuery` has already refused filters and orders
 * on fields that are not indexed, so no request needs SharePoint's
 * `Prefer: HonorNonIndexedQueriesWarningMayFailRandomly` (and none is ever sent).
 */
export interface ItemQueryOptions {
  filter: string | null;
  orderBy: string | null;
}

/** OData literal: strings quoted with '' escapes; times quoted, to the second, as SharePoint stores them. */
export function literal(kind: RecordKind, field: string, value: ScalarValue): string {
  if (value === null) return 'null';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  const text = kind.fields[field]?.type === 'dateTime' ? toSeconds(value) : value;
  return `'${text.replace(/'/g, "''")}'`;
}

/** `2026-04-01T00:00:00.000Z` → `2026-04-01T00:00:00Z`. */
export function toSeconds(iso: string): string {
  return `${new Date(iso).toISOString().slice(0, 19)}Z`;
}

export function itemQueryOptions(kind: RecordKind, plan: QueryPlan): ItemQueryOptions {
  const filter = plan.where
    .map((w) => `fields/${columnName(kind, w.field)} eq ${literal(kind, w.field, w.value)}`)
    .join(' and ');
  return { filter: filter === '' ? null : filter, orderBy: orderBy(kind, plan) };
}

/**
 * Creation order is item ID order (IDs only grow), which is also the order SharePoint returns items
 * in when no `$orderby` is sent; updatedAt is `Modified` (indexed by provisioning); ties on a field
 * are broken by ID in the same direction, as the other adapters break them by creation.
 */
function orderBy(kind: RecordKind, plan: QueryPlan): string | null {
  const { field, direction } = plan.order;
  if (field === 'createdAt') return direction === 'asc' ? null : 'fields/ID desc';
  const column = field === 'updatedAt' ? 'Modified' : columnName(kind, field);
  return `fields/${column} ${direction},fields/ID ${direction}`;
}

/**
 * SharePoint compares text without regard to case; the port's equality is exact. Items a filter
 * matched only by case are dropped after reading (times compare to the second, as stored).
 */
export function matchesExactly(kind: RecordKind, plan: QueryPlan, data: Record<string, unknown>): boolean {
  return plan.where.every(({ field, value }) => {
    const actual = data[field];
    const type = kind.fields[field]?.type;
    if (type === 'dateTime' && typeof actual === 'string' && typeof value === 'string')
      return toSeconds(actual) === toSeconds(value);
    return actual === value;
  });
}
