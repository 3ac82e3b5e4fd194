import { GraphClientError } from '@microsoft/microsoft-graph-client';
import { z } from 'zod';

export type GraphErrorReason =
  | 'throttled'
  | 'unavailable'
  | 'timeout'
  | 'notFound'
  | 'forbidden'
  | 'unauthorized'
  | 'badRequest'
  | 'conflict'
  | 'preconditionFailed'
  /** No token could be had (bad secret, unknown tenant, token endpoint down): nothing was sent to Graph. */
  | 'credentialFailure'
  /** Graph answered 2xx with a body we cannot use (not JSON, wrong shape, endless paging). */
  | 'invalidResponse'
  | 'unknown';

export interface GraphErrorInit {
  reason: GraphErrorReason;
  /** HTTP status; 0 when no response was received. */
  status: number;
  message: string;
  /** Graph's `error.code`, e.g. `Request_ResourceNotFound`. */
  code?: string | undefined;
  requestId?: string | undefined;
  /** Graph's `error.message`: may name users, so it is kept out of `message`. */
  graphMessage?: string | undefined;
  cause?: unknown;
}

/**
 * A failed Graph call. Extends the SDK's `GraphClientError` because `GraphRequest.send` rethrows
 * those unchanged (any other error thrown in the middleware is wrapped in the SDK's own GraphError).
 * Messages carry the method, path, status and code only: never headers, tokens or query strings.
 */
export class GraphError extends GraphClientError {
  readonly reason: GraphErrorReason;
  readonly status: number;
  readonly code: string | undefined;
  readonly requestId: string | undefined;
  readonly graphMessage: string | undefined;

  constructor(init: GraphErrorInit) {
    super(init.message);
    // GraphClientError's constructor resets the prototype to its own; restore ours for `instanceof`.
    Object.setPrototypeOf(this, new.target.prototype);
    this.name = 'GraphError';
    this.reason = init.reason;
    this.status = init.status;
    this.code = init.code;
    this.requestId = init.requestId;
    this.graphMessage = init.graphMessage;
    if (init.cause !== undefined) this.cause = init.cause;
  }
}

export function reasonForStatus(status: number): GraphErrorReason {
  switch (status) {
    case 400:
      return 'badRequest';
    case 401:
      return 'unauthorized';
    case 403:
      return 'forbidden';
    case 404:
      return 'notFound';
    case 409:
      return 'conflict';
    case 412:
      return 'preconditionFailed';
    case 429:
      return 'throttled';
    case 504:
      return 'timeout';
    default:
      return status >= 500 && status <= 599 ? 'unavailable' : 'unknown';
  }
}

/** The documented Graph error body: `{ error: { code, message, innerError: { request-id, date, client-request-id } } }`. */
const graphErrorBody = z.object({
  error: z.object({
    code: z.string().optional(),
    message: z.string().optional(),
    innerError: z
      .object({
        'request-id': z.string().optional(),
        date: z.string().optional(),
        'client-request-id': z.string().optional(),
      })
      .optional(),
  }),
});

export interface ParsedGraphErrorBody {
  code?: string | undefined;
  message?: string | undefined;
  requestId?: string | undefined;
}

export function parseGraphErrorBody(body: unknown): ParsedGraphErrorBody {
  const parsed = graphErrorBody.safeParse(body);
  if (!parsed.success) return {};
  const { code, message, innerError } = parsed.data.error;
  return { code, message, requestId: innerError?.['request-id'] };
}

/** Builds the error for a non-2xx response, reading (and consuming) its body. */
export async function graphErrorFromResponse(
  response: Response,
  method: string,
  url: string,
): Promise<GraphError> {
  const text = await response.text().catch(() => '');
  let body: unknown = undefined;
  try {
    body = text === '' ? undefined : JSON.parse(text);
  } catch {
    // Not JSON (a proxy's HTML page, say): the status alone decides.
  }
  const parsed = parseGraphErrorBody(body);
  const requestId = response.headers.get('request-id') ?? parsed.requestId;
  const code = parsed.code ? ` (${parsed.code})` : '';
  return new GraphError({
    reason: reasonForStatus(response.status),
    status: response.status,
    message: `Graph ${describeRequest(method, url)} failed with ${response.status}${code}`,
    code: parsed.code,
    requestId: requestId ?? undefined,
    graphMessage: parsed.message,
  });
}

/** `GET /v1.0/users`: the path without host or query, which may hold filters on names. */
export function describeRequest(method: string, url: string): string {
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    path = url.split('?')[0] ?? '';
  }
  return `${method.toUpperCase()} ${path}`;
}
