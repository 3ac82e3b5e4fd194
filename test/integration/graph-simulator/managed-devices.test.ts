import { collectionOf, useSimulator } from './simulator-fixture';

const f = useSimulator();

describe('GET /deviceManagement/managedDevices — https://learn.microsoft.com/en-us/graph/api/intune-devices-manageddevice-list?view=graph-rest-1.0', () => {
  it('returns every device as a #microsoft.graph.managedDevice', async () => {
    const reply = await f.graph('/deviceManagement/managedDevices');
    expect(reply.status).toBe(200);
    const body = collectionOf(reply);
    expect(body['@odata.context']).toBe(`${f.url}/$metadata#deviceManagement/managedDevices`);
    expect(body.value).toEqual(
      f.tenant.managedDevices.map((d) => ({ '@odata.type': '#microsoft.graph.managedDevice', ...d })),
    );
  });

  it('pages with @odata.nextLink and $top', async () => {
    const pages = await f.allPages('/deviceManagement/managedDevices?$top=20&$select=id,complianceState');
    expect(pages).toHaveLength(Math.ceil(f.tenant.managedDevices.length / 20));
    const all = pages.flatMap((p) => collectionOf(p).value);
    expect(all.map((d) => d.id)).toEqual(f.tenant.managedDevices.map((d) => d.id));
    expect(Object.keys(all[0]!)).toEqual(['@odata.type', 'id', 'complianceState']);
    expect(collectionOf(pages[0]!)['@odata.context']).toBe(
      `${f.url}/$metadata#deviceManagement/managedDevices(id,complianceState)`,
    );
  });

  it('filters on complianceState', async () => {
    const body = collectionOf(
      await f.graph(`/deviceManagement/managedDevices?$filter=complianceState eq 'noncompliant'`),
    );
    const expected = f.tenant.managedDevices
      .filter((d) => d.complianceState === 'noncompliant')
      .map((d) => d.id);
    expect(expected.length).toBeGreaterThan(0);
    expect(body.value.map((d) => d.id)).toEqual(expected);
  });
});

describe('GET /users/{id}/managedDevices — https://learn.microsoft.com/en-us/graph/api/user-list-manageddevices?view=graph-rest-1.0', () => {
  it("returns only that user's devices", async () => {
    const owner = f.tenant.managedDevices[0]!.userId;
    const body = collectionOf(await f.graph(`/users/${owner}/managedDevices`));
    expect(body.value.map((d) => d.id)).toEqual(
      f.tenant.managedDevices.filter((d) => d.userId === owner).map((d) => d.id),
    );
  });
});
