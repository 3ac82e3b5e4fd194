import {
  anyArray,
  anyString,
  containing,
  entityOf,
  expectGraphError,
  useSimulator,
  type GraphReply,
} from './simulator-fixture';

const f = useSimulator();

interface BatchResponse {
  id: string;
  status: number;
  headers: Record<string, string>;
  body?: Record<string, unknown>;
}
const responsesOf = (reply: GraphReply) => entityOf<{ responses: BatchResponse[] }>(reply).responses;
const byId = (responses: BatchResponse[], id: string) => responses.find((r) => r.id === id)!;

const userIds = () => f.tenant.users.slice(0, 20).map((u) => u.id);
const methodsBatch = (ids: string[]) => ({
  requests: ids.map((id, i) => ({
    id: String(i + 1),
    method: 'GET',
    url: `/users/${id}/authentication/methods`,
  })),
});

describe('POST /$batch — https://learn.microsoft.com/en-us/graph/json-batching', () => {
  it('answers 20 requests with one response each, ids echoed, status/headers/body per response, in another order', async () => {
    const reply = await f.graph('/$batch', { method: 'POST', body: methodsBatch(userIds()) });
    expect(reply.status).toBe(200);
    const responses = responsesOf(reply);
    expect(responses.map((r) => r.id).sort()).toEqual(
      userIds()
        .map((_, i) => String(i + 1))
        .sort(),
    );
    expect(responses.map((r) => r.id)).not.toEqual(userIds().map((_, i) => String(i + 1)));
    const first = byId(responses, '1');
    expect(first.status).toBe(200);
    expect(first.headers['Content-Type']).toMatch(/^application\/json/);
    expect(first.body).toMatchObject({
      '@odata.context': `${f.url}/$metadata#users('${userIds()[0]}')/authentication/methods`,
      value: anyArray,
    });
    // The batch and each request in it are in the request log.
    expect(f.sim.requestLog.filter((e) => e.inBatch)).toHaveLength(20);
    expect(f.sim.requestLog.filter((e) => !e.inBatch).map((e) => e.path)).toEqual(['/v1.0/$batch']);
  });

  it('accepts relative urls without a leading slash and with query options', async () => {
    const reply = await f.graph('/$batch', {
      method: 'POST',
      body: { requests: [{ id: 'a', method: 'GET', url: 'users?$select=id&$top=2' }] },
    });
    const response = byId(responsesOf(reply), 'a');
    expect(response.status).toBe(200);
    expect(response.body?.['@odata.nextLink']).toEqual(containing('$skiptoken='));
  });

  it('refuses more than 20 requests, duplicate ids and a body without Content-Type with 400', async () => {
    const ids = [...userIds(), userIds()[0]!];
    expectGraphError(
      await f.graph('/$batch', { method: 'POST', body: methodsBatch(ids) }),
      400,
      'BadRequest',
    );
    const duplicate = { requests: [1, 2].map(() => ({ id: 'same', method: 'GET', url: '/users' })) };
    expectGraphError(await f.graph('/$batch', { method: 'POST', body: duplicate }), 400, 'BadRequest');
    const noContentType = { requests: [{ id: '1', method: 'POST', url: '/users', body: {} }] };
    expectGraphError(await f.graph('/$batch', { method: 'POST', body: noContentType }), 400, 'BadRequest');
  });

  it('shows an inner 429 with its Retry-After header inside a 200 batch response', async () => {
    f.sim.faults.failNext(2, { status: 429, retryAfterSeconds: 7, pathPrefix: '/users/' });
    const reply = await f.graph('/$batch', { method: 'POST', body: methodsBatch(userIds().slice(0, 5)) });
    expect(reply.status).toBe(200);
    const throttled = responsesOf(reply).filter((r) => r.status === 429);
    expect(throttled.map((r) => r.id).sort()).toEqual(['1', '2']);
    for (const r of throttled) {
      expect(r.headers['Retry-After']).toBe('7');
      expect(r.body).toMatchObject({ error: { code: 'TooManyRequests', message: anyString } });
    }
    expect(responsesOf(reply).filter((r) => r.status === 200)).toHaveLength(3);
  });

  it('runs dependsOn in order and fails the dependants of a failed request with 424', async () => {
    const noManager = 'd465b1c6-a82d-4ad6-ae12-00082f57362e';
    const reply = await f.graph('/$batch', {
      method: 'POST',
      body: {
        requests: [
          { id: '3', dependsOn: ['2'], method: 'GET', url: '/users?$top=1' },
          { id: '2', dependsOn: ['1'], method: 'GET', url: `/users/${noManager}/manager` },
          { id: '1', method: 'GET', url: `/users/${noManager}` },
        ],
      },
    });
    const responses = responsesOf(reply);
    expect(byId(responses, '1').status).toBe(200);
    expect(byId(responses, '2').status).toBe(404);
    expect(byId(responses, '3').status).toBe(424);
    const executed = f.sim.requestLog.filter((e) => e.inBatch).map((e) => e.path);
    expect(executed).toEqual([`/v1.0/users/${noManager}`, `/v1.0/users/${noManager}/manager`]);
  });
});
