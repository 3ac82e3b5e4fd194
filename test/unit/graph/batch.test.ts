import { batchGet } from '../../../bot/src/graph/batch';
import { graphErrorResponse, jsonResponse, type SentRequest } from '../../support/fake-fetch';
import { caughtGraphError, graphOnFakeFetch } from '../../support/graph-test-client';

interface InnerRequest {
  id: string;
  method: string;
  url: string;
}

function innerRequests(request: SentRequest | undefined): InnerRequest[] {
  return (JSON.parse(request?.body ?? '{}') as { requests: InnerRequest[] }).requests;
}

/** Answers every inner request with 200 and its own URL in the body, in reverse order. */
function echo(
  request: SentRequest,
  status: (inner: InnerRequest) => { status: number; headers?: object } = () => ({ status: 200 }),
) {
  const responses = innerRequests(request)
    .map((inner) => ({ id: inner.id, ...status(inner), body: { url: inner.url } }))
    .reverse();
  return jsonResponse(200, { responses });
}

const paths = (n: number) => Array.from({ length: n }, (_, i) => `/users/user-${i}/authentication/methods`);

describe('batchGet', () => {
  it('sends 45 paths as 3 POSTs of 20, 20 and 5, and maps answers back by path', async () => {
    const { graph, sent } = graphOnFakeFetch((request) => echo(request));
    const results = await batchGet(graph, paths(45));

    expect(sent.map((r) => `${r.method} ${r.url}`)).toEqual(
      Array(3).fill('POST https://graph.microsoft.com/v1.0/$batch'),
    );
    expect(sent.map((r) => innerRequests(r).length)).toEqual([20, 20, 5]);
    expect(innerRequests(sent[0])[0]).toEqual({
      id: '1',
      method: 'GET',
      url: '/users/user-0/authentication/methods',
    });
    expect(sent[0]?.headers['content-type']).toBe('application/json');
    expect(results.size).toBe(45);
    for (const path of paths(45))
      expect(results.get(path)).toMatchObject({ status: 200, body: { url: path } });
  });

  it('retries an inner 429 alone after its Retry-After, keeping the other answers', async () => {
    const throttledPath = '/users/user-2/authentication/methods';
    let first = true;
    const { graph, sent, waits } = graphOnFakeFetch((request) => {
      const wasFirst = first;
      first = false;
      return echo(request, (inner) =>
        wasFirst && inner.url === throttledPath
          ? { status: 429, headers: { 'Retry-After': '3' } }
          : { status: 200 },
      );
    });
    const results = await batchGet(graph, paths(5));

    expect(sent).toHaveLength(2);
    expect(innerRequests(sent[1])).toEqual([{ id: '3', method: 'GET', url: throttledPath }]);
    expect(waits).toEqual([3000]);
    expect(results.get(throttledPath)).toMatchObject({ status: 200, body: { url: throttledPath } });
    expect([...results.values()].every((r) => r.status === 200)).toBe(true);
  });

  it('waits the longest Retry-After among the throttled answers, and retries 503/504 too', async () => {
    let round = 0;
    const { graph, sent, waits } = graphOnFakeFetch((request) => {
      round += 1;
      return echo(request, (inner) => {
        if (round > 1) return { status: 200 };
        if (inner.id === '1') return { status: 429, headers: { 'retry-after': '2' } };
        if (inner.id === '2') return { status: 503, headers: { 'Retry-After': '5' } };
        if (inner.id === '3') return { status: 504 };
        return { status: 200 };
      });
    });
    await batchGet(graph, paths(4));
    expect(waits).toEqual([5000]);
    expect(innerRequests(sent[1]).map((r) => r.id)).toEqual(['1', '2', '3']);
  });

  it('returns a still-throttled answer as it is once the total wait bound is reached', async () => {
    const { graph, sent, waits } = graphOnFakeFetch((request) =>
      echo(request, () => ({ status: 429, headers: { 'Retry-After': '40' } })),
    );
    const results = await batchGet(graph, paths(1));
    expect(waits).toEqual([40_000]);
    expect(sent).toHaveLength(2);
    expect(results.get(paths(1)[0] ?? '')).toMatchObject({ status: 429, headers: { 'retry-after': '40' } });
  });

  it('does not retry other inner failures, and sends a repeated path once', async () => {
    const { graph, sent } = graphOnFakeFetch((request) => echo(request, () => ({ status: 404 })));
    const path = '/users/gone/authentication/methods';
    const results = await batchGet(graph, [path, path]);
    expect(sent).toHaveLength(1);
    expect(innerRequests(sent[0])).toHaveLength(1);
    expect(results.get(path)?.status).toBe(404);
  });

  it('lets the middleware retry a throttled $batch call itself', async () => {
    let calls = 0;
    const { graph, sent, waits } = graphOnFakeFetch((request) => {
      calls += 1;
      return calls === 1 ? graphErrorResponse(429, 'TooManyRequests', { 'Retry-After': '1' }) : echo(request);
    });
    const results = await batchGet(graph, paths(2));
    expect(sent).toHaveLength(2);
    expect(waits).toEqual([1000]);
    expect(results.size).toBe(2);
  });

  it('rejects a $batch answer that lacks a request id', async () => {
    const { graph } = graphOnFakeFetch(() =>
      jsonResponse(200, { responses: [{ id: '1', status: 200, body: {} }] }),
    );
    const error = await caughtGraphError(batchGet(graph, paths(2)));
    expect(error).toMatchObject({ reason: 'invalidResponse' });
    expect(error.message).toBe('Graph $batch response has no response for request 2');
  });
});
