import { loadDemoTenant } from '../../../bot/src/demo/demo-tenant';
import { playgroundUsers } from '../../../bot/src/demo/playground-users';

const tenant = loadDemoTenant();

describe('playgroundUsers', () => {
  it('offers the CEO, the system administrator, the education lead, two heads and three employees', () => {
    const users = playgroundUsers(tenant);
    expect(users.map((u) => u.role)).toEqual([
      'ceo',
      'systemAdministrator',
      'educationLead',
      'departmentHead',
      'departmentHead',
      'employee',
      'employee',
      'employee',
    ]);
    expect(users.slice(0, 3).map((u) => u.name)).toEqual(['高橋 誠', '佐藤 健一', '山田 裕子']);
    expect(new Set(users.map((u) => u.id)).size).toBe(users.length);
  });

  it('returns enabled members of the demo tenant with their directory data', () => {
    for (const p of playgroundUsers(tenant)) {
      const user = tenant.users.find((u) => u.id === p.id);
      expect(user).toMatchObject({
        displayName: p.name,
        userPrincipalName: p.userPrincipalName,
        department: p.department,
        accountEnabled: true,
        userType: 'Member',
      });
    }
  });

  it('picks department heads and ordinary employees by job title', () => {
    const users = playgroundUsers(tenant);
    const titleOf = (id: string) => tenant.users.find((u) => u.id === id)?.jobTitle;
    expect(users.filter((u) => u.role === 'departmentHead').map((u) => titleOf(u.id))).toEqual([
      '部長',
      '部長',
    ]);
    expect(users.filter((u) => u.role === 'employee').every((u) => titleOf(u.id) === '社員')).toBe(true);
  });

  it('fails loudly when a persona points at nobody', () => {
    const broken = {
      ...tenant,
      personas: { ...tenant.personas, ceo: '00000000-0000-4000-8000-000000000000' },
    };
    expect(() => playgroundUsers(broken)).toThrow(/ceo/);
  });
});
