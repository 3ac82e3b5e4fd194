import { createHash, randomUUID } from 'node:crypto';
import type { DemoTenant } from '../demo-tenant';

/** One Graph request as the router sees it: a top-level HTTP request or one request of a JSON batch. */
export interface SimRequest {
  method: string;
  /** Path below the version segment as sent (still percent-encoded), e.g. `/users/{id}/manager`. */
  path: string;
  query: URLSearchParams;
  /** Header names in lower case. */
  headers: Record<string, string>;
  body: unknown;
  inBatch: boolean;
}

export interface SimResponse {
  status: number;
  headers: Record<string, string>;
  body?: unknown;
}

export interface RouteContext {
  /** Service root, e.g. `http://127.0.0.1:5199/v1.0`: used for @odata.context and @odata.nextLink. */
  baseUrl: string;
  tenant: DemoTenant;
  /** Server-driven page size cap set by the test, if any. */
  pageSize: number | undefined;
  now(): Date;
}

/** The `application/json` variant Microsoft Graph sends (concepts/json-batching.md example response headers). */
export const ODATA_JSON =
  'application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8';

/**
 * A Graph error. Rendered as the documented error resource (concepts/errors.md):
 * `{ "error": { "code", "message", "innerError": { "date", "request-id", "client-request-id" } } }`.
 */
export class GraphError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
    readonly innerError: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'GraphError';
  }
}

export const badRequest = (message: string, code = 'BadRequest') => new GraphError(400, code, message);

/** innerError.date as Graph writes it: UTC, seconds, no zone designator. */
const graphDate = (d: Date) => d.toISOString().slice(0, 19);

export function errorResponse(error: GraphError, req: Pick<SimRequest, 'headers'>, now: Date): SimResponse {
  const requestId = randomUUID();
  return {
    status: error.status,
    headers: { 'Content-Type': 'application/json', 'request-id': requestId, ...error.headers },
    body: {
      error: {
        code: error.code,
        message: error.message,
        innerError: {
          ...error.innerError,
          date: graphDate(now),
          'request-id': requestId,
          'client-request-id': req.headers['client-request-id'] ?? requestId,
        },
      },
    },
  };
}

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): SimResponse {
  return { status, headers: { 'Content-Type': ODATA_JSON, 'OData-Version': '4.0', ...headers }, body };
}

export const noContent = (): SimResponse => ({ status: 204, headers: {} });

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** ISO 8601 UTC without milliseconds, the form Graph and SharePoint use for DateTimeOffset values. */
export const isoSeconds = (d: Date) => `${d.toISOString().slice(0, 19)}Z`;

/** A v4-shaped GUID that is the same every run for the same key (ids of simulated objects). */
export function stableGuid(key: string): string {
  const b = createHash('sha256').update(`graph-simulator/${key}`).digest().subarray(0, 16);
  b[6] = ((b[6] ?? 0) & 0x0f) | 0x40;
  b[8] = ((b[8] ?? 0) & 0x3f) | 0x80;
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
