import { GraphError } from './types';

/**
 * Fault injection for tests. A queued fault answers the next matching Graph request (a top-level request
 * under /v1.0 or one request inside a JSON batch) instead of the real handler. Token and discovery
 * endpoints are never faulted.
 */
export type FaultSpec =
  | { status: 429; retryAfterSeconds?: number; pathPrefix?: string }
  | { status: 503 | 504; retryAfterSeconds?: number; pathPrefix?: string };

export interface RequestLogEntry {
  method: string;
  /** Full path including the version segment, e.g. `/v1.0/users`; identity endpoints as sent. */
  path: string;
  query: Record<string, string>;
  headers: {
    authorization?: string;
    ifMatch?: string;
    prefer?: string;
    consistencyLevel?: string;
    contentType?: string;
  };
  status: number;
  /** True for a request carried inside POST /$batch (the batch itself is logged too). */
  inBatch: boolean;
}

/** The headers a log entry keeps. */
export const logHeaders = (h: Record<string, string>): RequestLogEntry['headers'] => ({
  ...(h.authorization ? { authorization: h.authorization } : {}),
  ...(h['if-match'] ? { ifMatch: h['if-match'] } : {}),
  ...(h.prefer ? { prefer: h.prefer } : {}),
  ...(h.consistencylevel ? { consistencyLevel: h.consistencylevel } : {}),
  ...(h['content-type'] ? { contentType: h['content-type'] } : {}),
});

export interface FaultControls {
  /** The next `n` matching Graph requests fail with this status (429 carries Retry-After, 1 s unless given). */
  failNext(n: number, spec: FaultSpec): void;
  /** Delay before every HTTP response, in milliseconds. */
  setLatency(ms: number): void;
  /** Server-driven page size: no page is longer, whatever $top asks (undefined restores the defaults). */
  setPageSize(n: number | undefined): void;
  readonly requestLog: readonly RequestLogEntry[];
  /** Clears queued faults, latency, the request log, and restores the page size given at creation. */
  reset(): void;
}

export class Faults implements FaultControls {
  private queue: { spec: FaultSpec; remaining: number }[] = [];
  latencyMs = 0;
  pageSize: number | undefined;
  readonly requestLog: RequestLogEntry[] = [];

  constructor(private readonly initialPageSize: number | undefined) {
    this.pageSize = initialPageSize;
  }

  failNext(n: number, spec: FaultSpec): void {
    if (!Number.isInteger(n) || n < 1) throw new RangeError(`failNext needs a positive count, not ${n}`);
    this.queue.push({ spec, remaining: n });
  }

  setLatency(ms: number): void {
    if (!(ms >= 0)) throw new RangeError(`latency must be >= 0 ms, not ${ms}`);
    this.latencyMs = ms;
  }

  setPageSize(n: number | undefined): void {
    if (n !== undefined && !(Number.isInteger(n) && n >= 1))
      throw new RangeError(`page size must be >= 1, not ${n}`);
    this.pageSize = n;
  }

  reset(): void {
    this.queue = [];
    this.latencyMs = 0;
    this.pageSize = this.initialPageSize;
    this.requestLog.length = 0;
  }

  /** Takes the first queued fault whose prefix matches (`/users` or `/v1.0/users` style), if any. */
  take(graphPath: string): GraphError | undefined {
    const entry = this.queue.find(
      ({ spec }) =>
        spec.pathPrefix === undefined ||
        graphPath.startsWith(spec.pathPrefix) ||
        `/v1.0${graphPath}`.startsWith(spec.pathPrefix),
    );
    if (!entry) return undefined;
    entry.remaining -= 1;
    if (entry.remaining === 0) this.queue.splice(this.queue.indexOf(entry), 1);
    return faultError(entry.spec);
  }
}

/** The 429 body and headers of concepts/throttling.md; 503/504 use the documented `serviceNotAvailable` code. */
function faultError(spec: FaultSpec): GraphError {
  if (spec.status === 429) {
    const retryAfter = String(spec.retryAfterSeconds ?? 1);
    return new GraphError(
      429,
      'TooManyRequests',
      'Please retry again later.',
      { 'Retry-After': retryAfter },
      {
        code: '429',
        message: 'Please retry after',
        status: '429',
      },
    );
  }
  const headers: Record<string, string> =
    spec.retryAfterSeconds === undefined ? {} : { 'Retry-After': String(spec.retryAfterSeconds) };
  const message =
    spec.status === 503
      ? 'The service is temporarily unavailable. Try the request again after a delay.'
      : 'The gateway did not receive a timely response. Try the request again after a delay.';
  return new GraphError(spec.status, 'serviceNotAvailable', message, headers);
}
