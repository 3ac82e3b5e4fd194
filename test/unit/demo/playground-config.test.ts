import fs from 'node:fs';
import { parse } from 'yaml';
import { loadDemoTenant } from '../../../bot/src/demo/demo-tenant';
import { findPerson, playgroundConfig, playgroundConfigYaml } from '../../../bot/src/demo/playground-config';
import { playgroundUsers } from '../../../bot/src/demo/playground-users';

const tenant = loadDemoTenant();

type Account = { id: string; name: string; aadObjectId: string; userPrincipleName: string };

describe('Agents Playground config', () => {
  it('the committed .m365agentsplayground.yml is what the generator makes from the demo tenant', () => {
    expect(fs.readFileSync('.m365agentsplayground.yml', 'utf8')).toBe(playgroundConfigYaml(tenant));
  });

  it('chats as an employee, with the CEO, the system administrator, the education lead, her department head and another employee at hand', () => {
    const config = playgroundConfig(tenant) as { tenantId: string; currentUser: Account; users: Account[] };
    const byId = new Map(tenant.users.map((u) => [u.id, u]));
    expect(config.tenantId).toBe(tenant.tenant.id);
    const me = byId.get(config.currentUser.aadObjectId);
    expect(me?.jobTitle).toBe('社員');
    expect(config.users).toHaveLength(5); // the Playground accepts exactly five
    const ids = config.users.map((u) => u.aadObjectId);
    expect(ids).toEqual(
      expect.arrayContaining([
        tenant.personas.ceo,
        tenant.personas.systemAdministrator,
        tenant.personas.educationLead,
        me?.managerId,
      ]),
    );
    for (const user of [config.currentUser, ...config.users]) {
      expect(byId.get(user.aadObjectId)?.displayName).toBe(user.name);
      // Teams ids equal object ids so proactive messages addressed by object id reach them.
      expect(user.id).toBe(user.aadObjectId);
    }
  });

  it('can chat as any demo persona by UPN name or role, and names the choices for an unknown one', () => {
    const config = playgroundConfig(tenant, 'systemAdministrator') as { currentUser: Account };
    expect(config.currentUser.aadObjectId).toBe(tenant.personas.systemAdministrator);
    expect(() => findPerson(playgroundUsers(tenant), 'nobody')).toThrow(/kenichi\.sato/);
    expect(parse(playgroundConfigYaml(tenant, 'kenichi.sato'))).toMatchObject({
      currentUser: { aadObjectId: tenant.personas.systemAdministrator },
    });
  });
});
