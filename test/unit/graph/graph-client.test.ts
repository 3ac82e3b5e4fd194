import { splitServiceRoot } from '../../../bot/src/graph/create-graph-client';
import { GraphError } from '../../../bot/src/graph/graph-error';
import { graphErrorResponse, jsonResponse } from '../../support/fake-fetch';
import { caughtGraphError, graphOnFakeFetch, TEST_GRAPH_TOKEN } from '../../support/graph-test-client';

describe('createGraphClient', () => {
  it('sends $select and $top on the URL with the bearer token, through the injected fetch', async () => {
    const { graph, sent } = graphOnFakeFetch(() => jsonResponse(200, { value: [] }));
    const body: unknown = await graph.api('/users').select(['id', 'displayName']).top(5).get();
    expect(body).toEqual({ value: [] });
    expect(sent).toHaveLength(1);
    expect(sent[0]?.method).toBe('GET');
    expect(sent[0]?.url).toBe('https://graph.microsoft.com/v1.0/users?$select=id,displayName&$top=5');
    expect(sent[0]?.headers.authorization).toBe(`Bearer ${TEST_GRAPH_TOKEN}`);
  });

  it('composes the simulator root http://127.0.0.1:PORT/v1.0 and sends the token there too', async () => {
    const { graph, sent } = graphOnFakeFetch(() => jsonResponse(200, { id: 'u1' }), {
      baseUrl: 'http://127.0.0.1:4321/v1.0',
    });
    await graph.api('/users/u1/manager').get();
    expect(sent[0]?.url).toBe('http://127.0.0.1:4321/v1.0/users/u1/manager');
    expect(sent[0]?.headers.authorization).toBe(`Bearer ${TEST_GRAPH_TOKEN}`);
  });

  it('splits a service root into the SDK host and version, defaulting to v1.0', () => {
    expect(splitServiceRoot('https://graph.microsoft.com/v1.0')).toEqual({
      host: 'https://graph.microsoft.com',
      version: 'v1.0',
    });
    expect(splitServiceRoot('https://graph.microsoft.com')).toEqual({
      host: 'https://graph.microsoft.com',
      version: 'v1.0',
    });
    expect(splitServiceRoot('http://127.0.0.1:4321/v1.0/')).toEqual({
      host: 'http://127.0.0.1:4321',
      version: 'v1.0',
    });
    expect(splitServiceRoot('http://127.0.0.1:4321/graph/beta')).toEqual({
      host: 'http://127.0.0.1:4321/graph',
      version: 'beta',
    });
  });

  it('sends $filter, custom headers and JSON bodies for post, patch and delete', async () => {
    const { graph, sent } = graphOnFakeFetch((request) =>
      request.method === 'DELETE' ? new Response(null, { status: 204 }) : jsonResponse(200, { ok: true }),
    );
    await graph
      .api('/users')
      .filter(encodeURIComponent('accountEnabled eq true'))
      .header('ConsistencyLevel', 'eventual')
      .get();
    await graph.api('/groups').post({ displayName: 'x' });
    await graph.api('/groups/g1').patch({ description: 'y' });
    const deleted: unknown = await graph.api('/groups/g1').delete();

    expect(sent[0]?.url).toBe('https://graph.microsoft.com/v1.0/users?$filter=accountEnabled%20eq%20true');
    expect(sent[0]?.headers.consistencylevel).toBe('eventual');
    expect(sent[1]).toMatchObject({ method: 'POST', body: '{"displayName":"x"}' });
    expect(sent[1]?.headers['content-type']).toBe('application/json');
    expect(sent[2]).toMatchObject({ method: 'PATCH', body: '{"description":"y"}' });
    expect(sent[3]?.method).toBe('DELETE');
    expect(deleted).toBeUndefined();
    for (const request of sent) expect(request.headers.authorization).toBe(`Bearer ${TEST_GRAPH_TOKEN}`);
  });

  it('turns a 404 into GraphError notFound with code and request id, without retrying', async () => {
    const { graph, sent, waits } = graphOnFakeFetch(() =>
      graphErrorResponse(
        404,
        'Request_ResourceNotFound',
        { 'request-id': 'header-request-id' },
        "'a@b' not found",
      ),
    );
    const error = await caughtGraphError(graph.api('/users/missing?$filter=x').get());
    expect(error).toBeInstanceOf(GraphError);
    expect(error).toMatchObject({
      reason: 'notFound',
      status: 404,
      code: 'Request_ResourceNotFound',
      requestId: 'header-request-id',
      graphMessage: "'a@b' not found",
    });
    expect(error.message).toBe('Graph GET /v1.0/users/missing failed with 404 (Request_ResourceNotFound)');
    expect(sent).toHaveLength(1);
    expect(waits).toEqual([]);
  });

  it('takes the request id from the error body when the header is absent', async () => {
    const { graph } = graphOnFakeFetch(() => graphErrorResponse(403, 'Authorization_RequestDenied'));
    const error = await caughtGraphError(graph.api('/users').get());
    expect(error).toMatchObject({ reason: 'forbidden', requestId: 'body-request-id' });
  });

  it.each([
    [400, 'badRequest'],
    [401, 'unauthorized'],
    [403, 'forbidden'],
    [409, 'conflict'],
    [412, 'preconditionFailed'],
    [500, 'unavailable'],
    [418, 'unknown'],
  ] as const)('maps status %i to reason %s, keeping the token out of the message', async (status, reason) => {
    const { graph, sent } = graphOnFakeFetch(() => graphErrorResponse(status, 'SomeCode'));
    const error = await caughtGraphError(graph.api('/me').get());
    expect(error.reason).toBe(reason);
    expect(error.status).toBe(status);
    expect(error.message).not.toContain(TEST_GRAPH_TOKEN);
    expect(JSON.stringify(error)).not.toContain(TEST_GRAPH_TOKEN);
    expect(sent).toHaveLength(1);
  });

  it('gives up a request that gets no answer within timeoutMs with reason timeout', async () => {
    const { graph, sent } = graphOnFakeFetch(
      (_request, signal) =>
        new Promise<Response>((_, reject) => {
          signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
        }),
      { timeoutMs: 20 },
    );
    const error = await caughtGraphError(graph.api('/users').get());
    expect(error).toMatchObject({ reason: 'timeout', status: 0 });
    expect(error.message).toBe('Graph GET /v1.0/users timed out after 20 ms');
    expect(sent).toHaveLength(1);
  });

  it('also times out a response whose body stalls after the headers', async () => {
    const stalled = new ReadableStream<Uint8Array>({ start: () => undefined });
    const { graph } = graphOnFakeFetch(() => new Response(stalled, { status: 200 }), { timeoutMs: 20 });
    const error = await caughtGraphError(graph.api('/users').get());
    expect(error.reason).toBe('timeout');
  });

  it('never sends the token to another origin', async () => {
    const { graph, sent } = graphOnFakeFetch(() => jsonResponse(200, { value: [] }));
    await graph.getUrl('https://elsewhere.example/v1.0/users?$skiptoken=abc');
    expect(sent[0]?.url).toBe('https://elsewhere.example/v1.0/users?$skiptoken=abc');
    expect(sent[0]?.headers.authorization).toBeUndefined();
  });

  it('reports a 2xx body that is not JSON as invalidResponse on absolute URLs', async () => {
    const { graph } = graphOnFakeFetch(() => new Response('<html>', { status: 200 }));
    const error = await caughtGraphError(graph.getUrl('https://graph.microsoft.com/v1.0/users?$skiptoken=1'));
    expect(error.reason).toBe('invalidResponse');
  });
});
