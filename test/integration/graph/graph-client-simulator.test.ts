import { createGraphSimulator, type GraphSimulator } from '../../../bot/src/demo/graph-simulator';
import { loadDemoTenant, type DemoTenant } from '../../../bot/src/demo/demo-tenant';
import { GraphDirectory } from '../../../bot/src/directory/graph-directory';
import { batchGet } from '../../../bot/src/graph/batch';
import { createGraphClient, type GraphClient } from '../../../bot/src/graph/create-graph-client';
import { GraphError } from '../../../bot/src/graph/graph-error';
import type { GraphOptions } from '../../../bot/src/graph/graph-options';
import { msalConfiguration } from '../../../bot/src/graph/msal-auth-provider';
import { getAll } from '../../../bot/src/graph/paging';
import { z } from 'zod';
import { recordingSleep } from '../../support/fake-fetch';

/** The client over real HTTP against the Graph simulator; only `sleep` is faked, so Retry-After costs no time. */

let tenant: DemoTenant;
let simulator: GraphSimulator;
let serviceRoot: string;
let origin: string;

beforeAll(async () => {
  tenant = loadDemoTenant();
  simulator = createGraphSimulator({ tenant });
  ({ url: serviceRoot, origin } = await simulator.start(0));
});
afterAll(() => simulator.stop());
beforeEach(() => simulator.reset());

function client(options: Partial<GraphOptions> = {}): { graph: GraphClient; waits: number[] } {
  const sleep = recordingSleep();
  const graph = createGraphClient({
    baseUrl: serviceRoot,
    auth: {
      kind: 'clientCredentials',
      tenantId: simulator.tenantId,
      clientId: 'mamori-integration-test',
      clientSecret: 'any-secret',
      authorityHost: origin,
    },
    sleep: sleep.sleep,
    ...options,
  });
  return { graph, waits: sleep.waits };
}

const graphRequests = () => simulator.requestLog.filter((e) => e.path.startsWith('/v1.0/') && !e.inBatch);
const registration = z.object({
  id: z.string(),
  userPrincipalName: z.string(),
  isMfaRegistered: z.boolean(),
});
const device = z.object({ id: z.string(), complianceState: z.string(), isEncrypted: z.boolean() });
const expectedUsers = () => tenant.users.map(({ managerId: _managerId, ...user }) => user);

describe('Graph client against the simulator', () => {
  it('gets an msal client-credentials token from the simulator once and reuses it, with no discovery', async () => {
    const { graph } = client();
    const directory = new GraphDirectory(graph);
    await directory.listUsers();
    await directory.listUsers();

    const identity = simulator.requestLog.filter((e) => !e.path.startsWith('/v1.0'));
    expect(identity.map((e) => `${e.method} ${e.path} ${e.status}`)).toEqual([
      `POST /${simulator.tenantId}/oauth2/v2.0/token 200`,
    ]);
    const authorizations = new Set(graphRequests().map((e) => e.headers.authorization));
    expect(authorizations.size).toBe(1);
    expect([...authorizations][0]).toMatch(/^Bearer \S+\.\S+\./);
    // Our configuration for a local authority agrees with the one the simulator advertises.
    const ours = msalConfiguration({
      kind: 'clientCredentials',
      tenantId: simulator.tenantId,
      clientId: 'x',
      clientSecret: 'y',
      authorityHost: origin,
    }).auth;
    const theirs = simulator.msalAuthOptions();
    expect(ours.authority).toBe(theirs.authority);
    expect(ours.knownAuthorities).toEqual(theirs.knownAuthorities);
    expect(JSON.parse(theirs.authorityMetadata)).toMatchObject(
      JSON.parse(ours.authorityMetadata ?? '{}') as object,
    );
  });

  it('lists every user in one request with $top=999, and the same users over smaller pages', async () => {
    const { graph } = client();
    const all = await new GraphDirectory(graph).listUsers();
    expect(all).toEqual(expectedUsers());
    expect(graphRequests()).toHaveLength(1);
    expect(graphRequests()[0]?.query.$top).toBe('999');

    simulator.reset();
    const paged = await getAll(graph, '/users', {
      item: z.object({ id: z.string() }),
      select: ['id'],
      top: 10,
    });
    expect(paged.map((u) => u.id)).toEqual(all.map((u) => u.id));
    expect(graphRequests()).toHaveLength(Math.ceil(all.length / 10));

    simulator.reset();
    simulator.faults.setPageSize(7);
    expect(await new GraphDirectory(graph).listUsers()).toEqual(all);
    expect(graphRequests()).toHaveLength(Math.ceil(all.length / 7));
  });

  it("reads a user's manager, and null for the one at the top", async () => {
    const { graph } = client();
    const directory = new GraphDirectory(graph);
    const managed = tenant.users.find((u) => u.managerId !== null);
    const top = tenant.users.find((u) => u.managerId === null && u.userType === 'Member');
    if (!managed || !top) throw new Error('the demo tenant needs a managed user and one without a manager');

    const manager = await directory.getManager(managed.id);
    expect(manager?.id).toBe(managed.managerId);
    expect(manager).toEqual(expectedUsers().find((u) => u.id === managed.managerId));
    await expect(directory.getManager(top.id)).resolves.toBeNull();
  });

  it('reads userRegistrationDetails and managedDevices across pages', async () => {
    const { graph } = client();
    const registrations = await getAll(graph, '/reports/authenticationMethods/userRegistrationDetails', {
      item: registration,
      top: 20,
    });
    expect(registrations.map((r) => r.id)).toEqual(tenant.userRegistrationDetails.map((r) => r.id));
    expect(registrations.filter((r) => r.isMfaRegistered)).toHaveLength(
      tenant.userRegistrationDetails.filter((r) => r.isMfaRegistered).length,
    );

    const devices = await getAll(graph, '/deviceManagement/managedDevices', { item: device, top: 25 });
    expect(devices.map((d) => d.id)).toEqual(tenant.managedDevices.map((d) => d.id));
    expect(devices.filter((d) => !d.isEncrypted).length).toBeGreaterThan(0);
  });

  it('reads every user’s authentication methods through $batch, 20 per POST', async () => {
    const { graph } = client();
    const paths = tenant.users.map((u) => `/users/${u.id}/authentication/methods`);
    const results = await batchGet(graph, paths);

    expect(graphRequests().filter((e) => e.path === '/v1.0/$batch')).toHaveLength(
      Math.ceil(paths.length / 20),
    );
    expect(results.size).toBe(paths.length);
    for (const path of paths) {
      const result = results.get(path);
      expect(result?.status).toBe(200);
      const methods = z
        .object({ value: z.array(z.object({ '@odata.type': z.string() })) })
        .parse(result?.body);
      expect(methods.value.map((m) => m['@odata.type'])).toContain(
        '#microsoft.graph.passwordAuthenticationMethod',
      );
    }
  });

  it('retries an inner 429 of a $batch alone, after its Retry-After', async () => {
    const { graph, waits } = client();
    const [first, second] = tenant.users;
    if (!first || !second) throw new Error('the demo tenant needs two users');
    simulator.faults.failNext(1, {
      status: 429,
      retryAfterSeconds: 3,
      pathPrefix: `/users/${second.id}/authentication`,
    });
    const paths = [first, second].map((u) => `/users/${u.id}/authentication/methods`);
    const results = await batchGet(graph, paths);

    expect(waits).toEqual([3000]);
    expect([...results.values()].map((r) => r.status)).toEqual([200, 200]);
    const inner = simulator.requestLog.filter((e) => e.inBatch).map((e) => `${e.path} ${e.status}`);
    expect(inner).toHaveLength(3);
    expect(inner.at(-1)).toBe(`/v1.0${paths[1] ?? ''} 200`);
  });

  it('waits out a 429 with Retry-After on a top-level request', async () => {
    const { graph, waits } = client();
    simulator.faults.failNext(1, { status: 429, retryAfterSeconds: 2, pathPrefix: '/users' });
    expect(await new GraphDirectory(graph).listUsers()).toHaveLength(tenant.users.length);
    expect(waits).toEqual([2000]);
    expect(graphRequests().map((e) => e.status)).toEqual([429, 200]);
  });

  it('gives up with GraphError throttled once the wait bound is reached, with the request id', async () => {
    const { graph, waits } = client({ retry: { maxTotalWaitMs: 60_000 } });
    simulator.faults.failNext(5, { status: 429, retryAfterSeconds: 40, pathPrefix: '/users' });
    const error: unknown = await new GraphDirectory(graph).listUsers().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GraphError);
    expect(error).toMatchObject({ reason: 'throttled', status: 429, code: 'TooManyRequests' });
    expect((error as GraphError).requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(waits).toEqual([40_000]);
  });

  it('turns an unknown user into GraphError notFound', async () => {
    const { graph } = client();
    const error: unknown = await graph
      .api('/users/no-such-user')
      .get()
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ reason: 'notFound', status: 404, code: 'Request_ResourceNotFound' });
  });
});
