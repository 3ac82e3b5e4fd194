import { BATCH_SIZE, postBatch, type BatchResult } from '../../graph/batch';
import type { GraphClient } from '../../graph/create-graph-client';
import { GraphError, parseGraphErrorBody, reasonForStatus } from '../../graph/graph-error';
import { RetryBudget } from '../../graph/retry-policy';

/** Inner statuses on which Graph did not act, so a POST may be sent again: throttled, unavailable. */
const NOT_ACTED_ON = new Set([429, 503]);

/**
 * POSTs `bodies` to one collection path through `POST /$batch`, 20 requests per batch, batches one
 * after another. Inner 429/503 answers are sent again (in the next batch, after their longest
 * Retry-After, else backoff) within the client's retry limits; a 504 is not, since the item may
 * exist: the caller decides. Results come back in the order of `bodies`.
 */
export async function batchPost(
  client: GraphClient,
  path: string,
  bodies: readonly Record<string, unknown>[],
): Promise<BatchResult[]> {
  const results: (BatchResult | undefined)[] = bodies.map(() => undefined);
  const budget = new RetryBudget(client.retry);
  let pending = bodies.map((_, index) => index);
  while (pending.length > 0) {
    const again: number[] = [];
    const retryAfters: number[] = [];
    for (let start = 0; start < pending.length; start += BATCH_SIZE) {
      const chunk = pending.slice(start, start + BATCH_SIZE);
      const answers = await send(client, path, chunk, bodies);
      for (const index of chunk) {
        const answer = answers.get(String(index));
        if (!answer) throw invalid(`has no response for request ${index}`);
        results[index] = answer;
        if (NOT_ACTED_ON.has(answer.status)) {
          again.push(index);
          const seconds = Number(answer.headers['retry-after']);
          if (Number.isFinite(seconds)) retryAfters.push(seconds);
        }
      }
    }
    if (again.length === 0) break;
    const wait = budget.nextWait(retryAfters.length > 0 ? String(Math.max(...retryAfters)) : undefined);
    if (wait === null) break;
    await client.retry.sleep(wait);
    pending = again;
  }
  return results.map((r) => r ?? { status: 0, body: undefined, headers: {} });
}

function send(
  client: GraphClient,
  path: string,
  indexes: number[],
  bodies: readonly Record<string, unknown>[],
): Promise<Map<string, BatchResult>> {
  return postBatch(
    client,
    indexes.map((index) => ({
      id: String(index),
      method: 'POST',
      url: path,
      headers: { 'Content-Type': 'application/json' },
      body: bodies[index],
    })),
  );
}

function invalid(problem: string): GraphError {
  return new GraphError({
    reason: 'invalidResponse',
    status: 200,
    message: `Graph $batch response ${problem}`,
  });
}

/** The GraphError an inner $batch response stands for. */
export function batchFailure(result: BatchResult, method: string, path: string): GraphError {
  const { code, message } = parseGraphErrorBody(result.body);
  return new GraphError({
    reason: reasonForStatus(result.status),
    status: result.status,
    code,
    graphMessage: message,
    message: `Graph $batch ${method} ${path.split('?')[0] ?? ''} failed with ${result.status}${code ? ` (${code})` : ''}`,
  });
}
