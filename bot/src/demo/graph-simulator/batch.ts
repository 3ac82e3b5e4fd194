import { z } from 'zod';
import {
  badRequest,
  errorResponse,
  GraphError,
  json,
  type RouteContext,
  type SimRequest,
  type SimResponse,
} from './types';

/**
 * POST /$batch (concepts/json-batching.md): up to 20 requests, ids unique (case-insensitive), `headers` with a
 * Content-Type whenever there is a `body`, `dependsOn` honoured (dependants of a failed request get 424).
 * Every request goes through the same dispatcher as a top-level one, so faults and the request log apply to it.
 * Responses come back in reverse order of execution: the page says they may arrive in any order.
 */
export const MAX_BATCH_REQUESTS = 20;

const batchSchema = z.object({
  requests: z.array(
    z.looseObject({
      id: z.string().min(1),
      method: z.string().min(1),
      url: z.string().min(1),
      headers: z.record(z.string(), z.string()).optional(),
      body: z.unknown().optional(),
      dependsOn: z.array(z.string()).optional(),
    }),
  ),
});
type BatchItem = z.infer<typeof batchSchema>['requests'][number];

/** Kahn's algorithm, keeping request order among requests that are ready. */
function executionOrder(items: BatchItem[]): BatchItem[] {
  const byId = new Map(items.map((r) => [r.id.toLowerCase(), r]));
  const done = new Set<string>();
  const order: BatchItem[] = [];
  while (order.length < items.length) {
    const ready = items.find(
      (r) => !done.has(r.id.toLowerCase()) && (r.dependsOn ?? []).every((d) => done.has(d.toLowerCase())),
    );
    if (!ready) throw badRequest('The dependsOn graph of the batch has a cycle.');
    done.add(ready.id.toLowerCase());
    order.push(ready);
  }
  for (const r of items)
    for (const d of r.dependsOn ?? [])
      if (!byId.has(d.toLowerCase()))
        throw badRequest(`Request '${r.id}' depends on unknown request '${d}'.`);
  return order;
}

function validate(body: unknown): BatchItem[] {
  const parsed = batchSchema.safeParse(body);
  if (!parsed.success) throw badRequest(`Invalid batch payload: ${z.prettifyError(parsed.error)}`);
  const items = parsed.data.requests;
  if (items.length === 0) throw badRequest('The batch must contain at least one request.');
  if (items.length > MAX_BATCH_REQUESTS)
    throw badRequest(`The batch contains ${items.length} requests; the limit is ${MAX_BATCH_REQUESTS}.`);
  const ids = new Set<string>();
  for (const r of items) {
    if (ids.has(r.id.toLowerCase())) throw badRequest(`Request id '${r.id}' is not unique in the batch.`);
    ids.add(r.id.toLowerCase());
    const headerNames = Object.keys(r.headers ?? {}).map((h) => h.toLowerCase());
    if (r.body !== undefined && !headerNames.includes('content-type'))
      throw badRequest(`Request '${r.id}' has a body but no Content-Type header.`);
  }
  return items;
}

function subRequest(item: BatchItem, outer: SimRequest): SimRequest {
  if (/^[a-z]+:/i.test(item.url))
    throw badRequest(`Request '${item.id}': url must be relative, e.g. /users.`);
  const url = new URL(item.url.startsWith('/') ? item.url : `/${item.url}`, 'http://batch.invalid');
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(item.headers ?? {})) headers[k.toLowerCase()] = v;
  if (outer.headers.authorization) headers.authorization = outer.headers.authorization;
  return {
    method: item.method.toUpperCase(),
    path: url.pathname,
    query: url.searchParams,
    headers,
    body: item.body,
    inBatch: true,
  };
}

export function handleBatch(
  req: SimRequest,
  ctx: RouteContext,
  dispatch: (sub: SimRequest) => SimResponse,
): SimResponse {
  const items = executionOrder(validate(req.body));
  const statuses = new Map<string, number>();
  const responses: Record<string, unknown>[] = [];
  for (const item of items) {
    let response: SimResponse;
    const failedDependency = (item.dependsOn ?? []).some((d) => (statuses.get(d.toLowerCase()) ?? 0) >= 400);
    try {
      if (failedDependency)
        throw new GraphError(424, 'FailedDependency', 'A request this request depends on failed.');
      const sub = subRequest(item, req);
      if (sub.path.toLowerCase() === '/$batch') throw badRequest('A batch cannot contain another batch.');
      response = dispatch(sub);
    } catch (error) {
      if (!(error instanceof GraphError)) throw error;
      response = errorResponse(error, req, ctx.now());
    }
    statuses.set(item.id.toLowerCase(), response.status);
    responses.push({
      id: item.id,
      status: response.status,
      headers: response.headers,
      ...(response.body === undefined ? {} : { body: response.body }),
    });
  }
  return json({ responses: responses.reverse() });
}
