import { z } from 'zod';
import { getAll, pages } from '../../../bot/src/graph/paging';
import { graphErrorResponse, jsonResponse } from '../../support/fake-fetch';
import { caughtGraphError, graphOnFakeFetch, TEST_GRAPH_TOKEN } from '../../support/graph-test-client';

const user = z.object({ id: z.string() });

/** Pages keyed by the exact URL requested; each links to the next with an absolute nextLink. */
function pagedResponder(byUrl: Record<string, unknown>) {
  return (request: { url: string }) => {
    const body = byUrl[request.url];
    return body === undefined ? graphErrorResponse(404, 'NotFound') : jsonResponse(200, body);
  };
}

describe('getAll', () => {
  it('follows absolute nextLinks across 3 pages, requesting them exactly as given', async () => {
    const first = 'https://graph.microsoft.com/v1.0/users?$select=id,displayName&$top=2';
    const second = 'https://graph.microsoft.com/v1.0/users?$top=2&$skiptoken=RFNwdAIAAQAAAB%3D%3D';
    const third = 'https://graph.microsoft.com/v1.0/users?$top=2&$skiptoken=X2Zvbw%3D%3D&$select=id';
    const { graph, sent } = graphOnFakeFetch(
      pagedResponder({
        [first]: { value: [{ id: '1' }, { id: '2' }], '@odata.nextLink': second },
        [second]: { value: [{ id: '3' }, { id: '4' }], '@odata.nextLink': third },
        [third]: { value: [{ id: '5' }] },
      }),
    );

    const users = await getAll(graph, '/users', { item: user, select: ['id', 'displayName'], top: 2 });

    expect(users.map((u) => u.id)).toEqual(['1', '2', '3', '4', '5']);
    expect(sent.map((r) => r.url)).toEqual([first, second, third]);
    for (const request of sent) expect(request.headers.authorization).toBe(`Bearer ${TEST_GRAPH_TOKEN}`);
  });

  it('follows http nextLinks of the local simulator (the SDK parses only https URLs)', async () => {
    const root = 'http://127.0.0.1:4100/v1.0';
    const { graph, sent } = graphOnFakeFetch(
      pagedResponder({
        [`${root}/users?$top=1`]: {
          value: [{ id: '1' }],
          '@odata.nextLink': `${root}/users?$top=1&$skiptoken=b2Zmc2V0OjE`,
        },
        [`${root}/users?$top=1&$skiptoken=b2Zmc2V0OjE`]: { value: [{ id: '2' }] },
      }),
      { baseUrl: root },
    );
    const users = await getAll(graph, '/users', { item: user, top: 1 });
    expect(users).toEqual([{ id: '1' }, { id: '2' }]);
    expect(sent[1]?.headers.authorization).toBe(`Bearer ${TEST_GRAPH_TOKEN}`);
  });

  it('URL-encodes $filter', async () => {
    const { graph, sent } = graphOnFakeFetch(() => jsonResponse(200, { value: [] }));
    await getAll(graph, '/users', { item: user, filter: "startswith(displayName,'山田 太郎')" });
    expect(sent[0]?.url).toBe(
      `https://graph.microsoft.com/v1.0/users?$filter=${encodeURIComponent("startswith(displayName,'山田 太郎')")}`,
    );
  });

  it('retries a throttled page in the middle and goes on', async () => {
    let secondPageCalls = 0;
    const { graph, waits } = graphOnFakeFetch((request) => {
      if (!request.url.includes('skiptoken')) {
        return jsonResponse(200, {
          value: [{ id: '1' }],
          '@odata.nextLink': 'https://graph.microsoft.com/v1.0/users?$skiptoken=2',
        });
      }
      secondPageCalls += 1;
      return secondPageCalls === 1
        ? graphErrorResponse(429, 'TooManyRequests', { 'Retry-After': '3' })
        : jsonResponse(200, { value: [{ id: '2' }] });
    });
    expect(await getAll(graph, '/users', { item: user })).toHaveLength(2);
    expect(waits).toEqual([3000]);
  });

  it('rejects a page whose value is not an array', async () => {
    const { graph } = graphOnFakeFetch(() => jsonResponse(200, { value: { id: '1' } }));
    const error = await caughtGraphError(getAll(graph, '/users', { item: user }));
    expect(error).toMatchObject({ reason: 'invalidResponse' });
    expect(error.message).toBe('Graph collection page 1 has no `value` array');
  });

  it('rejects an item that does not match the schema, naming where but not what', async () => {
    const { graph } = graphOnFakeFetch(() =>
      jsonResponse(200, { value: [{ id: '1' }, { id: 7, mail: 'x@y' }] }),
    );
    const error = await caughtGraphError(getAll(graph, '/users', { item: user }));
    expect(error.reason).toBe('invalidResponse');
    expect(error.message).toBe('Graph collection page 1 has an item not as expected at 1.id');
  });

  it('stops at the page cap instead of following links for ever', async () => {
    let n = 0;
    const { graph, sent } = graphOnFakeFetch(() => {
      n += 1;
      return jsonResponse(200, {
        value: [{ id: String(n) }],
        '@odata.nextLink': `https://graph.microsoft.com/v1.0/users?$skiptoken=${n}`,
      });
    });
    const error = await caughtGraphError(getAll(graph, '/users', { item: user, maxPages: 3 }));
    expect(error.message).toBe('Graph collection page 3 links to more than 3 pages');
    expect(sent).toHaveLength(3);
  });

  it('stops when a nextLink points back to a page already read', async () => {
    const loop = 'https://graph.microsoft.com/v1.0/users?$skiptoken=same';
    const { graph } = graphOnFakeFetch(() => jsonResponse(200, { value: [], '@odata.nextLink': loop }));
    const error = await caughtGraphError(getAll(graph, '/users', { item: user }));
    expect(error.message).toBe('Graph collection page 2 links back to an earlier page');
  });
});

describe('pages', () => {
  it('yields each page as it arrives', async () => {
    const { graph } = graphOnFakeFetch((request) =>
      request.url.includes('skiptoken')
        ? jsonResponse(200, { value: [{ id: 'b' }] })
        : jsonResponse(200, {
            value: [{ id: 'a' }],
            '@odata.nextLink': 'https://graph.microsoft.com/v1.0/groups?$skiptoken=1',
          }),
    );
    const seen: string[][] = [];
    for await (const page of pages(graph, graph.api('/groups'), { item: user }))
      seen.push(page.map((u) => u.id));
    expect(seen).toEqual([['a'], ['b']]);
  });
});
