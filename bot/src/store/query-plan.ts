import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { AuditQuery } from './audit';
import { RecordQueryError } from './errors';
import type { RecordKind } from './record-kind';
import { MAX_PAGE_SIZE } from './record-store';

export type ScalarValue = string | number | boolean | null;

/** A query checked against its kind and with its values normalised, ready for an adapter to run. */
export interface QueryPlan {
  where: { field: string; value: ScalarValue }[];
  order: { field: string; system: boolean; direction: 'asc' | 'desc' };
  limit: number;
  /** Keyset position: records strictly after (order value, tie-breaker) in the query's order. */
  after: { value: string | number | boolean; tie: number } | null;
  /** Ties a cursor to the query it came from. */
  fingerprint: string;
}

/** The shape every typed query erases to at run time. */
export interface UntypedQuery {
  where?: object;
  orderBy?: { field: string; direction?: 'asc' | 'desc' };
  limit: number;
  cursor?: string | null;
}

const cursorSchema = z.object({
  q: z.string(),
  v: z.union([z.string(), z.number(), z.boolean()]),
  t: z.number().int(),
});

/** Refuses filters and orders on fields that are not indexed (SharePoint cannot run them on big lists). */
export function planQuery(kind: RecordKind, query: UntypedQuery): QueryPlan {
  const fail = (message: string) => new RecordQueryError(kind.name, message);
  if (!Number.isInteger(query.limit) || query.limit < 1 || query.limit > MAX_PAGE_SIZE) {
    throw fail(`limit must be an integer from 1 to ${MAX_PAGE_SIZE}`);
  }
  const where = Object.entries(query.where ?? {})
    .filter(([, value]) => value !== undefined)
    .map(([name, value]) => {
      const f = kind.fields[name];
      if (!f?.indexed) throw fail(`"${name}" is not an indexed field`);
      const parsed = f.schema.safeParse(value);
      if (!parsed.success || !isScalar(parsed.data))
        throw fail(`"${name}" cannot equal ${JSON.stringify(value)}`);
      return { field: name, value: parsed.data };
    })
    .sort((a, b) => (a.field < b.field ? -1 : 1));
  const orderField = query.orderBy?.field ?? 'createdAt';
  const system = orderField === 'createdAt' || orderField === 'updatedAt';
  const f = kind.fields[orderField];
  if (!system && !(f?.indexed && f.required))
    throw fail(`cannot order by "${orderField}": not a required indexed field`);
  const order = { field: orderField, system, direction: query.orderBy?.direction ?? 'asc' } as const;
  const fingerprint = createHash('sha256')
    .update(JSON.stringify([kind.name, where, order.field, order.direction]))
    .digest('base64url')
    .slice(0, 16);
  return {
    where,
    order,
    limit: query.limit,
    after: decodeCursor(kind, query.cursor, fingerprint),
    fingerprint,
  };
}

export function planAuditQuery(kind: RecordKind, query: AuditQuery): QueryPlan {
  const { subjectKind, subjectId, limit, cursor } = query;
  return planQuery(kind, { where: { subjectKind, subjectId }, limit, cursor });
}

export function encodeCursor(plan: QueryPlan, value: string | number | boolean, tie: number): string {
  return Buffer.from(JSON.stringify({ q: plan.fingerprint, v: value, t: tie })).toString('base64url');
}

function decodeCursor(kind: RecordKind, cursor: string | null | undefined, fingerprint: string) {
  if (cursor === undefined || cursor === null) return null;
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    decoded = null; // reported below, like any other cursor that is not ours
  }
  const parsed = cursorSchema.safeParse(decoded);
  if (!parsed.success || parsed.data.q !== fingerprint) {
    throw new RecordQueryError(kind.name, 'the cursor does not belong to this query');
  }
  return { value: parsed.data.v, tie: parsed.data.t };
}

function isScalar(value: unknown): value is ScalarValue {
  return value === null || ['string', 'number', 'boolean'].includes(typeof value);
}
