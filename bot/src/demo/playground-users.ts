import type { DemoTenant, DemoUser } from './demo-tenant';

export type PlaygroundRole = 'ceo' | 'systemAdministrator' | 'educationLead' | 'departmentHead' | 'employee';

export interface PlaygroundUser {
  /** Entra object id, used as the Teams user's aadObjectId. */
  id: string;
  name: string;
  userPrincipalName: string;
  department: string | null;
  role: PlaygroundRole;
}

/**
 * The demo people the local Teams client offers as its current user, in a fixed order: the CEO, the system
 * administrator (also the incident lead), the education lead, two department heads, three employees.
 */
export function playgroundUsers(tenant: DemoTenant): PlaygroundUser[] {
  const byId = new Map(tenant.users.map((u) => [u.id, u]));
  const { personas } = tenant;
  const picks: [string, PlaygroundRole][] = [
    [personas.ceo, 'ceo'],
    [personas.systemAdministrator, 'systemAdministrator'],
    [personas.educationLead, 'educationLead'],
    ...personas.departmentHeads.map((id): [string, PlaygroundRole] => [id, 'departmentHead']),
    ...personas.employees.map((id): [string, PlaygroundRole] => [id, 'employee']),
  ];
  return picks.map(([id, role]) => toPlaygroundUser(byId.get(id), id, role));
}

function toPlaygroundUser(user: DemoUser | undefined, id: string, role: PlaygroundRole): PlaygroundUser {
  // loadDemoTenant already checks personas; this guards tenants built in code.
  if (!user) throw new Error(`Playground persona ${role} refers to unknown user ${id}`);
  return {
    id: user.id,
    name: user.displayName,
    userPrincipalName: user.userPrincipalName,
    department: user.department,
    role,
  };
}
