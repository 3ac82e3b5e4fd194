import { backoffMs, parseRetryAfter } from '../../../bot/src/graph/retry-policy';
import { graphErrorResponse, inSequence, jsonResponse, type Responder } from '../../support/fake-fetch';
import { caughtGraphError, graphOnFakeFetch, TEST_GRAPH_TOKEN } from '../../support/graph-test-client';

const ok = () => jsonResponse(200, { id: 'u1' });
const throttled = (retryAfter: string) => () =>
  graphErrorResponse(429, 'TooManyRequests', { 'Retry-After': retryAfter });
const unavailable = () => graphErrorResponse(503, 'ServiceUnavailable');

describe('RetryHandler', () => {
  it('waits the 2 s a 429 asks for in Retry-After, then succeeds', async () => {
    const { graph, sent, waits } = graphOnFakeFetch(inSequence(throttled('2'), ok));
    await expect(graph.api('/users/u1').get()).resolves.toEqual({ id: 'u1' });
    expect(waits).toEqual([2000]);
    expect(sent).toHaveLength(2);
    expect(sent[1]?.url).toBe(sent[0]?.url);
    expect(sent[1]?.headers['retry-attempt']).toBe('1');
    expect(sent[1]?.headers.authorization).toBe(`Bearer ${TEST_GRAPH_TOKEN}`);
  });

  it('reads Retry-After given as an HTTP date', async () => {
    const inFiveSeconds = new Date(Math.ceil(Date.now() / 1000) * 1000 + 5000).toUTCString();
    const { graph, waits } = graphOnFakeFetch(inSequence(throttled(inFiveSeconds), ok));
    await graph.api('/users/u1').get();
    expect(waits).toHaveLength(1);
    expect(waits[0]).toBeGreaterThan(3000);
    expect(waits[0]).toBeLessThanOrEqual(6000);
  });

  it('retries a 503 twice with growing, jittered backoff, then succeeds', async () => {
    const { graph, sent, waits } = graphOnFakeFetch(inSequence(unavailable, unavailable, ok));
    await expect(graph.api('/users/u1').get()).resolves.toEqual({ id: 'u1' });
    expect(sent).toHaveLength(3);
    expect(waits).toHaveLength(2);
    expect(waits[0]).toBeGreaterThanOrEqual(500);
    expect(waits[0]).toBeLessThanOrEqual(1000);
    expect(waits[1]).toBeGreaterThanOrEqual(1000);
    expect(waits[1]).toBeLessThanOrEqual(2000);
  });

  it('retries a 504 too', async () => {
    const { graph, sent } = graphOnFakeFetch(inSequence(() => graphErrorResponse(504, 'GatewayTimeout'), ok));
    await graph.api('/users/u1').get();
    expect(sent).toHaveLength(2);
  });

  it('gives up when the next wait would pass maxTotalWaitMs, with GraphError throttled', async () => {
    const { graph, sent, waits } = graphOnFakeFetch(throttled('10'), { retry: { maxTotalWaitMs: 25_000 } });
    const error = await caughtGraphError(graph.api('/users').get());
    expect(error).toMatchObject({ reason: 'throttled', status: 429, code: 'TooManyRequests' });
    expect(waits).toEqual([10_000, 10_000]);
    expect(sent).toHaveLength(3);
  });

  it('does not wait at all when Retry-After alone is longer than the bound', async () => {
    const { graph, sent, waits } = graphOnFakeFetch(throttled('120'));
    const error = await caughtGraphError(graph.api('/users').get());
    expect(error.reason).toBe('throttled');
    expect(waits).toEqual([]);
    expect(sent).toHaveLength(1);
  });

  it('stops after maxAttempts attempts in all', async () => {
    const { graph, sent, waits } = graphOnFakeFetch(unavailable, { retry: { maxAttempts: 3 } });
    const error = await caughtGraphError(graph.api('/users').get());
    expect(error).toMatchObject({ reason: 'unavailable', status: 503 });
    expect(sent).toHaveLength(3);
    expect(waits).toHaveLength(2);
  });

  it('does not retry a 404', async () => {
    const { graph, sent, waits } = graphOnFakeFetch(() =>
      graphErrorResponse(404, 'Request_ResourceNotFound'),
    );
    expect((await caughtGraphError(graph.api('/users/x').get())).reason).toBe('notFound');
    expect(sent).toHaveLength(1);
    expect(waits).toEqual([]);
  });

  it('retries a throttled POST with the same body (Graph did not act on it)', async () => {
    const { graph, sent } = graphOnFakeFetch(inSequence(throttled('1'), ok));
    await graph.api('/$batch').post({ requests: [] });
    expect(sent.map((r) => r.body)).toEqual(['{"requests":[]}', '{"requests":[]}']);
  });

  it('retries a network error on GET but not on POST', async () => {
    let calls = 0;
    const flaky: Responder = () => {
      calls += 1;
      if (calls === 1) throw new TypeError('fetch failed');
      return ok();
    };
    const get = graphOnFakeFetch(flaky);
    await expect(get.graph.api('/users/u1').get()).resolves.toEqual({ id: 'u1' });
    expect(get.sent).toHaveLength(2);

    const post = graphOnFakeFetch(() => {
      throw new TypeError('fetch failed');
    });
    const error = await caughtGraphError(post.graph.api('/groups').post({}));
    expect(error).toMatchObject({ reason: 'unavailable', status: 0 });
    expect(post.sent).toHaveLength(1);
  });
});

describe('retry policy', () => {
  it('reads Retry-After as seconds or a date, and ignores nonsense', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(parseRetryAfter('7', now)).toBe(7000);
    expect(parseRetryAfter('Thu, 01 Jan 2026 00:00:03 GMT', now)).toBe(3000);
    expect(parseRetryAfter('Wed, 31 Dec 2025 23:59:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
  });

  it('backs off exponentially with jitter up to a cap', () => {
    expect(backoffMs(1, () => 0)).toBe(500);
    expect(backoffMs(1, () => 0.999999)).toBe(1000);
    expect(backoffMs(3, () => 0)).toBe(2000);
    expect(backoffMs(20, () => 0)).toBe(15_000);
  });
});
