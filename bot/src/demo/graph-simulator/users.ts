import type { DemoTenant, DemoUser } from '../demo-tenant';
import { evaluateFilter, filterPaths, parseFilter } from './filter';
import { collection, contextUrl, option, paginate, parseSelect, project } from './odata';
import type { Router } from './router';
import { GraphError, json, type SimRequest } from './types';

/**
 * Users (api-reference/v1.0/api/user-list.md, user-get.md, user-list-manager.md).
 * Without $select Graph returns its documented default property set; $top is 1..999, 100 by default.
 */
const DEFAULT_PROPERTIES = [
  'businessPhones',
  'displayName',
  'givenName',
  'id',
  'jobTitle',
  'mail',
  'mobilePhone',
  'officeLocation',
  'preferredLanguage',
  'surname',
  'userPrincipalName',
];

/** user properties of v1.0 (resources/user.md) that $select may name; unseeded ones come back null. */
const USER_PROPERTIES = new Set([
  ...DEFAULT_PROPERTIES,
  ...'accountEnabled ageGroup assignedLicenses assignedPlans city companyName consentProvidedForMinor country'.split(
    ' ',
  ),
  ...'createdDateTime creationType deletedDateTime department employeeHireDate employeeId employeeType'.split(
    ' ',
  ),
  ...'externalUserState faxNumber identities imAddresses isResourceAccount lastPasswordChangeDateTime'.split(
    ' ',
  ),
  ...'legalAgeGroupClassification mailNickname onPremisesSyncEnabled onPremisesUserPrincipalName'.split(' '),
  ...'otherMails passwordPolicies postalCode preferredDataLocation proxyAddresses securityIdentifier'.split(
    ' ',
  ),
  ...'showInAddressList signInSessionsValidFromDateTime state streetAddress usageLocation userType'.split(
    ' ',
  ),
]);
const USER_TYPE = { type: 'microsoft.graph.user', properties: USER_PROPERTIES };

/** Properties the simulator can $filter on (the seed's); Graph supports more. */
const FILTERABLE = new Set(['id', 'accountEnabled', 'userType', 'department', 'jobTitle', 'displayName']);
FILTERABLE.add('userPrincipalName').add('mail').add('givenName').add('surname');

export function findUser(tenant: DemoTenant, idOrUpn: string): DemoUser {
  const key = idOrUpn.toLowerCase();
  const user = tenant.users.find((u) => u.id === key || u.userPrincipalName.toLowerCase() === key);
  if (!user)
    throw new GraphError(
      404,
      'Request_ResourceNotFound',
      `Resource '${idOrUpn}' does not exist or one of its queried reference-property objects are not present.`,
    );
  return user;
}

/** The seed user as a Graph user: seeded properties, the documented defaults and derived names. */
export function userEntity(tenant: DemoTenant, u: DemoUser): Record<string, unknown> {
  const [surname, givenName] = u.displayName.split(/\s+/);
  return {
    businessPhones: [],
    displayName: u.displayName,
    givenName: givenName ?? null,
    jobTitle: u.jobTitle,
    mail: u.userPrincipalName,
    mobilePhone: null,
    officeLocation: null,
    preferredLanguage: 'ja-JP',
    surname: surname ?? null,
    userPrincipalName: u.userPrincipalName,
    id: u.id,
    accountEnabled: u.accountEnabled,
    companyName: u.userType === 'Member' ? tenant.tenant.displayName : null,
    department: u.department,
    mailNickname: u.userPrincipalName.split('@')[0],
    usageLocation: 'JP',
    userType: u.userType,
    assignedLicenses: [],
    identities: [],
    imAddresses: [],
    otherMails: [],
    proxyAddresses: [],
  };
}

/** The default projection, or the $select projection (400 for a property user does not have). */
export function renderUser(tenant: DemoTenant, u: DemoUser, select: string[] | undefined) {
  return project(userEntity(tenant, u), select ?? DEFAULT_PROPERTIES, USER_TYPE);
}

function filterUsers(req: SimRequest, users: DemoUser[], tenant: DemoTenant): DemoUser[] {
  const text = option(req, 'filter');
  if (text === undefined) return users;
  const expr = parseFilter(text);
  for (const path of filterPaths(expr))
    if (!FILTERABLE.has(path))
      throw new GraphError(
        400,
        'Request_UnsupportedQuery',
        `Unsupported or invalid query filter clause specified for property '${path}' of resource 'User'.`,
      );
  return users.filter((u) => {
    const entity = userEntity(tenant, u);
    return evaluateFilter(expr, (p) => entity[p]);
  });
}

export function registerUserRoutes(router: Router): void {
  router
    .on('GET', '/users', (req, _p, ctx) => {
      const select = parseSelect(req);
      const users = filterUsers(req, ctx.tenant.users, ctx.tenant);
      const page = paginate(req, ctx, users, { defaultSize: 100, maxTop: 999, outOfRange: 'reject' });
      const value = page.page.map((u) => renderUser(ctx.tenant, u, select));
      return json(collection(contextUrl(ctx, 'users', select), { ...page, page: value }));
    })
    .on('GET', '/users/:id', (req, { id }, ctx) => {
      const select = parseSelect(req);
      const user = renderUser(ctx.tenant, findUser(ctx.tenant, id!), select);
      return json({ '@odata.context': contextUrl(ctx, 'users', select, true), ...user });
    })
    .on('GET', '/users/:id/manager', (req, { id }, ctx) => {
      const user = findUser(ctx.tenant, id!);
      const manager = ctx.tenant.users.find((u) => u.id === user.managerId);
      if (!manager)
        throw new GraphError(
          404,
          'Request_ResourceNotFound',
          "Resource 'manager' does not exist or one of its queried reference-property objects are not present.",
        );
      return json({
        '@odata.context': contextUrl(ctx, 'directoryObjects', undefined, true),
        '@odata.type': '#microsoft.graph.user',
        ...renderUser(ctx.tenant, manager, parseSelect(req)),
      });
    })
    .on('GET', '/me', () => {
      throw new GraphError(
        400,
        'BadRequest',
        '/me request is only valid with delegated authentication flow.',
      );
    });
}
