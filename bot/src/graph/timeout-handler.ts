import type { Context, Middleware } from '@microsoft/microsoft-graph-client';
import { GraphError, describeRequest } from './graph-error';
import { requestMethod, requestUrl } from './request-context';

/** Statuses whose responses must not carry a body (`new Response(body)` throws for them). */
const NULL_BODY_STATUSES = new Set([101, 204, 205, 304]);

/**
 * Bounds one attempt, from sending to having read the whole body: the body is buffered under the
 * same timer, since a stalled body would otherwise hang the SDK's response handler with no limit.
 */
export class TimeoutHandler implements Middleware {
  private next: Middleware | undefined;

  constructor(private readonly timeoutMs: number) {}

  async execute(context: Context): Promise<void> {
    if (!this.next) throw new Error('TimeoutHandler needs a next middleware');
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), this.timeoutMs);
    // A fresh options object per attempt, so an aborted signal never leaks into the next attempt.
    const options = context.options;
    context.options = { ...options, signal: controller.signal };
    try {
      await this.next.execute(context);
      if (context.response) context.response = await buffered(context.response, controller.signal);
    } catch (error) {
      if (controller.signal.aborted) {
        throw new GraphError({
          reason: 'timeout',
          status: 0,
          message: `Graph ${describeRequest(requestMethod(context), requestUrl(context))} timed out after ${this.timeoutMs} ms`,
          cause: error,
        });
      }
      throw error;
    } finally {
      clearTimeout(timer);
      context.options = options;
    }
  }

  setNext(next: Middleware): void {
    this.next = next;
  }
}

/** Reads the whole body, giving up when `signal` aborts even if the body stream ignores it. */
async function buffered(response: Response, signal: AbortSignal): Promise<Response> {
  const init = { status: response.status, statusText: response.statusText, headers: response.headers };
  if (NULL_BODY_STATUSES.has(response.status)) return new Response(null, init);
  const aborted = new Promise<never>((_, reject) => {
    const fail = () => reject(signal.reason instanceof Error ? signal.reason : new Error('aborted'));
    if (signal.aborted) fail();
    else signal.addEventListener('abort', fail, { once: true });
  });
  return new Response(await Promise.race([response.arrayBuffer(), aborted]), init);
}
