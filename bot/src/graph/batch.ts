import { z } from 'zod';
import type { GraphClient } from './create-graph-client';
import { GraphError } from './graph-error';
import { RETRYABLE_STATUSES, RetryBudget, parseRetryAfter } from './retry-policy';

/** Graph's limit of requests in one `$batch`. */
export const BATCH_SIZE = 20;

export interface BatchResult {
  status: number;
  body: unknown;
  /** Header names in lower case. */
  headers: Record<string, string>;
}

const batchResponse = z.object({
  responses: z.array(
    z.object({
      id: z.string(),
      status: z.number().int(),
      headers: z.record(z.string(), z.string()).optional(),
      body: z.unknown().optional(),
    }),
  ),
});

interface Pending {
  id: string;
  path: string;
}

/**
 * GETs many paths (relative to the service root, e.g. `/users/{id}/authentication/methods`)
 * through `POST /$batch`, 20 at a time, one chunk after another. Inner 429/503/504 responses are
 * sent again alone, after their longest `Retry-After` (else backoff), within the client's retry
 * limits per chunk; one still failing then is returned with that status. Results are keyed by
 * path, whatever order Graph answered in. A failure of the `$batch` call itself throws `GraphError`.
 */
export async function batchGet(
  client: GraphClient,
  paths: readonly string[],
): Promise<Map<string, BatchResult>> {
  const unique = [...new Set(paths)];
  const results = new Map<string, BatchResult>();
  for (let start = 0; start < unique.length; start += BATCH_SIZE) {
    await getChunk(client, unique.slice(start, start + BATCH_SIZE), results);
  }
  return results;
}

async function getChunk(
  client: GraphClient,
  paths: string[],
  results: Map<string, BatchResult>,
): Promise<void> {
  const budget = new RetryBudget(client.retry);
  let pending: Pending[] = paths.map((path, index) => ({ id: String(index + 1), path }));
  for (;;) {
    const answers = await send(client, pending);
    const again: Pending[] = [];
    const retryAfters: string[] = [];
    for (const request of pending) {
      const answer = answers.get(request.id);
      if (!answer) throw invalidBatch(`has no response for request ${request.id}`);
      results.set(request.path, answer);
      if (RETRYABLE_STATUSES.has(answer.status)) {
        again.push(request);
        if (answer.headers['retry-after'] !== undefined) retryAfters.push(answer.headers['retry-after']);
      }
    }
    if (again.length === 0) return;
    const wait = budget.nextWait(longest(retryAfters));
    if (wait === null) return;
    await client.retry.sleep(wait);
    pending = again;
  }
}

function send(client: GraphClient, pending: Pending[]): Promise<Map<string, BatchResult>> {
  return postBatch(
    client,
    pending.map(({ id, path }) => ({ id, method: 'GET', url: path })),
  );
}

/** One inner request of a `$batch` (JSON batching: id, method, url relative to the version root, …). */
export interface BatchRequest {
  id: string;
  method: string;
  url: string;
  headers?: Record<string, string>;
  body?: unknown;
}

/** Sends one `POST /$batch` (at most 20 requests) and returns the answers by request id, any order. */
export async function postBatch(
  client: GraphClient,
  requests: readonly BatchRequest[],
): Promise<Map<string, BatchResult>> {
  const parsed = batchResponse.safeParse(await client.api('/$batch').post({ requests }));
  if (!parsed.success) throw invalidBatch('is not a $batch response');
  const answers = new Map<string, BatchResult>();
  for (const response of parsed.data.responses) {
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(response.headers ?? {})) headers[name.toLowerCase()] = value;
    answers.set(response.id, { status: response.status, body: response.body, headers });
  }
  return answers;
}

/** The `Retry-After` value asking for the longest wait, as sent. */
function longest(values: string[]): string | undefined {
  const now = Date.now();
  let best: { value: string; ms: number } | undefined;
  for (const value of values) {
    const ms = parseRetryAfter(value, now);
    if (ms !== undefined && (best === undefined || ms > best.ms)) best = { value, ms };
  }
  return best?.value;
}

function invalidBatch(problem: string): GraphError {
  return new GraphError({
    reason: 'invalidResponse',
    status: 200,
    message: `Graph $batch response ${problem}`,
  });
}
