import { collectionOf, useSimulator } from './simulator-fixture';

const f = useSimulator({ pageSize: 20 });

describe('the simulator serves exactly the demo tenant (bot/src/demo/demo-tenant.yaml)', () => {
  it('lists every demo user, and only them, with their seeded properties', async () => {
    const select = 'id,displayName,userPrincipalName,department,jobTitle,accountEnabled,userType';
    const pages = await f.allPages(`/users?$select=${select}&$top=999`);
    const served = pages.flatMap((p) => collectionOf(p).value);
    expect(served).toEqual(f.tenant.users.map(({ managerId: _managerId, ...user }) => user));
  });

  it("serves each user's manager from the seed's managerId", async () => {
    for (const user of f.tenant.users.filter((u) => u.managerId !== null).slice(0, 10)) {
      const reply = await f.graph(`/users/${user.id}/manager?$select=id`);
      expect(reply.body).toMatchObject({ id: user.managerId });
    }
  });

  it('serves every registration record and every device of the seed, unchanged', async () => {
    const registrations = await f.allPages('/reports/authenticationMethods/userRegistrationDetails');
    expect(registrations.flatMap((p) => collectionOf(p).value)).toEqual(f.tenant.userRegistrationDetails);
    const devices = await f.allPages('/deviceManagement/managedDevices');
    expect(devices.flatMap((p) => collectionOf(p).value)).toEqual(
      f.tenant.managedDevices.map((d) => ({ '@odata.type': '#microsoft.graph.managedDevice', ...d })),
    );
  });
});
