import type { QueryPlan } from '../query-plan';
import type { RecordKind } from '../record-kind';

/** Kind and field names go into SQL text (expression and partial indexes need literals). */
const safeName = /^[A-Za-z][A-Za-z0-9]*$/;

export const recordColumns = 'seq, id, etag, created_at, updated_at, data';

/**
 * One index per indexed field, partial to the kind. With kind as a column too, a filter on the
 * field is two equalities, so the planner prefers it to the kind's creation-order index.
 */
export function indexStatements(kind: RecordKind): string[] {
  return kind.columns
    .filter((c) => c.indexed)
    .map(
      (c) =>
        `CREATE INDEX IF NOT EXISTS "records_${safe(kind.name)}_${safe(c.name)}"
         ON records (kind, ${jsonField(c.name)}, seq) WHERE kind = '${safe(kind.name)}'`,
    );
}

/** A keyset-paged SELECT for the plan: one row more than the page, to know whether another follows. */
export function selectStatement(
  kind: RecordKind,
  plan: QueryPlan,
): { sql: string; params: (string | number)[] } {
  const conditions = [`kind = '${safe(kind.name)}'`];
  const params: (string | number)[] = [];
  for (const { field, value } of plan.where) {
    if (value === null) {
      conditions.push(`${jsonField(field)} IS NULL`);
    } else {
      conditions.push(`${jsonField(field)} = ?`);
      params.push(sqlValue(value));
    }
  }
  const { sql: orderBy, single } = orderExpression(plan);
  const [direction, beyond, within] =
    plan.order.direction === 'asc' ? ['ASC', '>', '>='] : ['DESC', '<', '<='];
  if (plan.after && single) {
    conditions.push(`seq ${beyond} ?`);
    params.push(plan.after.tie);
  } else if (plan.after) {
    // The first term bounds the index range; the row value then skips the ties already seen.
    conditions.push(`${orderBy} ${within} ?`, `(${orderBy}, seq) ${beyond} (?, ?)`);
    params.push(sqlValue(plan.after.value), sqlValue(plan.after.value), plan.after.tie);
  }
  const sql = `SELECT ${recordColumns}, ${orderBy} AS order_value FROM records WHERE ${conditions.join(' AND ')}
    ORDER BY ${single ? '' : `${orderBy} ${direction}, `}seq ${direction} LIMIT ?`;
  return { sql, params: [...params, plan.limit + 1] };
}

/**
 * Creation order is insertion order (seq), whatever the clocks said. With a filter, a field order
 * is written `+expr` so the filter's index is used and the (few) matches are sorted.
 */
function orderExpression(plan: QueryPlan): { sql: string; single: boolean } {
  if (plan.order.field === 'createdAt') return { sql: 'seq', single: true };
  const sql = plan.order.field === 'updatedAt' ? 'updated_at' : jsonField(plan.order.field);
  return { sql: plan.where.length > 0 ? `+${sql}` : sql, single: false };
}

function safe(name: string): string {
  if (!safeName.test(name)) throw new Error(`unsafe name in SQL: ${name}`);
  return name;
}

function jsonField(name: string): string {
  return `json_extract(data, '$.${safe(name)}')`;
}

/** JSON booleans come out of json_extract as 1 and 0. */
function sqlValue(value: string | number | boolean): string | number {
  return typeof value === 'boolean' ? (value ? 1 : 0) : value;
}
