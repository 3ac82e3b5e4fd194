import { collectionOf, entityOf, expectGraphError, like, useSimulator } from './simulator-fixture';

const f = useSimulator();

describe('429 with Retry-After — https://learn.microsoft.com/en-us/graph/throttling', () => {
  it('answers the next n requests with the documented throttling response, then recovers', async () => {
    f.sim.faults.failNext(2, { status: 429, retryAfterSeconds: 3 });
    for (let i = 0; i < 2; i++) {
      const reply = await f.graph('/users');
      expectGraphError(reply, 429, 'TooManyRequests');
      expect(reply.headers.get('retry-after')).toBe('3');
      expect(
        entityOf<{ error: { innerError: Record<string, string> } }>(reply).error.innerError,
      ).toMatchObject({
        code: '429',
        status: '429',
      });
    }
    expect((await f.graph('/users')).status).toBe(200);
  });

  it('only faults requests under the given path prefix', async () => {
    f.sim.faults.failNext(1, { status: 429, pathPrefix: '/deviceManagement' });
    expect((await f.graph('/users')).status).toBe(200);
    const throttled = await f.graph('/deviceManagement/managedDevices');
    expect(throttled.status).toBe(429);
    expect(throttled.headers.get('retry-after')).toBe('1');
    expect((await f.graph('/deviceManagement/managedDevices')).status).toBe(200);
  });
});

describe('503 Service Unavailable — https://learn.microsoft.com/en-us/graph/errors', () => {
  it('answers with serviceNotAvailable, with Retry-After only when asked for', async () => {
    f.sim.faults.failNext(1, { status: 503 });
    f.sim.faults.failNext(1, { status: 503, retryAfterSeconds: 2, pathPrefix: '/v1.0/reports' });
    const plain = await f.graph('/users');
    expectGraphError(plain, 503, 'serviceNotAvailable');
    expect(plain.headers.get('retry-after')).toBeNull();
    const reports = await f.graph('/reports/authenticationMethods/userRegistrationDetails');
    expectGraphError(reports, 503, 'serviceNotAvailable');
    expect(reports.headers.get('retry-after')).toBe('2');
  });
});

describe('latency, page size and the request log (test controls)', () => {
  it('delays every response by the set latency', async () => {
    f.sim.faults.setLatency(150);
    const started = Date.now();
    await f.graph('/users?$top=1');
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    f.sim.faults.setLatency(0);
  });

  it('caps every page at the set page size, whatever $top asks — https://learn.microsoft.com/en-us/graph/paging', async () => {
    f.sim.faults.setPageSize(7);
    const first = collectionOf(await f.graph('/users?$top=999'));
    expect(first.value).toHaveLength(7);
    expect(first['@odata.nextLink']).toContain('$top=999');
    const pages = await f.allPages('/users?$top=999');
    expect(pages).toHaveLength(Math.ceil(f.tenant.users.length / 7));
  });

  it('logs method, path, query, relevant headers and status of each request; reset() clears it', async () => {
    await f.graph('/users?$top=5&$select=id', { headers: { consistencylevel: 'eventual' } });
    await f.graph('/users/nobody');
    expect(f.sim.requestLog).toEqual([
      {
        method: 'GET',
        path: '/v1.0/users',
        query: { $top: '5', $select: 'id' },
        headers: { authorization: 'Bearer test-token', consistencyLevel: 'eventual' },
        status: 200,
        inBatch: false,
      },
      like({ path: '/v1.0/users/nobody', status: 404 }),
    ]);
    f.sim.faults.reset();
    expect(f.sim.requestLog).toHaveLength(0);
  });
});
