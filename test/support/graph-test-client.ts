import { createGraphClient, type GraphClient } from '../../bot/src/graph/create-graph-client';
import { GraphError } from '../../bot/src/graph/graph-error';
import type { GraphOptions } from '../../bot/src/graph/graph-options';
import { fakeFetch, recordingSleep, type Responder, type SentRequest } from './fake-fetch';

export const TEST_GRAPH_TOKEN = 'static-token-value';

/** A Graph client on a fake fetch and a sleep that does not wait: what was sent, and each wait. */
export function graphOnFakeFetch(
  responder: Responder,
  options: Partial<GraphOptions> = {},
): { graph: GraphClient; sent: SentRequest[]; waits: number[] } {
  const fake = fakeFetch(responder);
  const sleep = recordingSleep();
  const graph = createGraphClient({
    baseUrl: 'https://graph.microsoft.com/v1.0',
    auth: { kind: 'static', token: TEST_GRAPH_TOKEN },
    fetch: fake.fetch,
    sleep: sleep.sleep,
    ...options,
  });
  return { graph, sent: fake.sent, waits: sleep.waits };
}

/** The GraphError a promise rejects with (fails the test on anything else). */
export async function caughtGraphError(promise: Promise<unknown>): Promise<GraphError> {
  const error: unknown = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof GraphError)) throw new Error(`expected a GraphError, got ${String(error)}`);
  return error;
}
