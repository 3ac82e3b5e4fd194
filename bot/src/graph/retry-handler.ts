import type { Context, Middleware } from '@microsoft/microsoft-graph-client';
import { GraphError, describeRequest, graphErrorFromResponse } from './graph-error';
import { IDEMPOTENT_METHODS, RETRYABLE_STATUSES, RetryBudget, type RetrySettings } from './retry-policy';
import { requestMethod, requestUrl, setRequestHeader } from './request-context';

/**
 * Retries 429/503/504 (any method: Graph did not act on them) and network errors (idempotent
 * methods only), waiting `Retry-After` when given, else exponential backoff with jitter, within
 * `maxAttempts` and `maxTotalWaitMs`. It is also where a final non-2xx response becomes a
 * `GraphError`, so the chain must not also hold the SDK's RetryHandler (that would retry twice).
 */
export class RetryHandler implements Middleware {
  private next: Middleware | undefined;

  constructor(private readonly settings: RetrySettings) {}

  async execute(context: Context): Promise<void> {
    const next = this.next;
    if (!next) throw new Error('RetryHandler needs a next middleware');
    const method = requestMethod(context);
    const budget = new RetryBudget(this.settings);
    for (;;) {
      context.response = undefined;
      const failure = await attempt(next, context);
      const response = context.response as Response | undefined;
      const retryable =
        failure === undefined
          ? RETRYABLE_STATUSES.has(response?.status ?? 0)
          : IDEMPOTENT_METHODS.has(method);
      const wait = retryable ? budget.nextWait(response?.headers.get('retry-after')) : null;
      if (wait === null) {
        if (failure !== undefined) throw networkError(failure, method, requestUrl(context));
        if (response && !response.ok)
          throw await graphErrorFromResponse(response, method, requestUrl(context));
        return;
      }
      await this.settings.sleep(wait);
      setRequestHeader(context, 'Retry-Attempt', String(budget.retriesMade));
    }
  }

  setNext(next: Middleware): void {
    this.next = next;
  }
}

/** Runs the rest of the chain; a `GraphError` (timeout, credentials) is final, anything else is a network failure. */
async function attempt(next: Middleware, context: Context): Promise<unknown> {
  try {
    await next.execute(context);
    return undefined;
  } catch (error) {
    if (error instanceof GraphError) throw error;
    return error ?? new Error('unknown network failure');
  }
}

function networkError(cause: unknown, method: string, url: string): GraphError {
  return new GraphError({
    reason: 'unavailable',
    status: 0,
    message: `Graph ${describeRequest(method, url)} failed: no response (${cause instanceof Error ? cause.name : 'error'})`,
    cause,
  });
}
