import { collectionOf, entityOf, expectGraphError, useSimulator } from './simulator-fixture';

const f = useSimulator();
const ceoId = 'd465b1c6-a82d-4ad6-ae12-00082f57362e';
const salesHeadId = 'bea30774-5d66-4424-994b-f51c5c47d77b';

describe('GET /users — https://learn.microsoft.com/en-us/graph/api/user-list?view=graph-rest-1.0', () => {
  it('returns the documented default property set without $select', async () => {
    const reply = await f.graph('/users');
    expect(reply.status).toBe(200);
    expect(reply.headers.get('content-type')).toMatch(/^application\/json/);
    const body = collectionOf(reply);
    expect(body['@odata.context']).toBe(`${f.url}/$metadata#users`);
    expect(Object.keys(body.value[0]!).sort()).toEqual(
      [
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
      ].sort(),
    );
    expect(body.value[0]).toMatchObject({
      id: ceoId,
      displayName: '高橋 誠',
      surname: '高橋',
      givenName: '誠',
    });
  });

  it('returns only the $select properties and names them in @odata.context', async () => {
    const select = 'id,displayName,userPrincipalName,department,jobTitle,accountEnabled,userType';
    const body = collectionOf(await f.graph(`/users?$select=${select}&$top=999`));
    expect(body['@odata.context']).toBe(`${f.url}/$metadata#users(${select})`);
    expect(body['@odata.nextLink']).toBeUndefined();
    expect(body.value).toHaveLength(f.tenant.users.length);
    for (const user of body.value) expect(Object.keys(user)).toEqual(select.split(','));
  });

  it('pages with @odata.nextLink ($skiptoken, other options kept) until every user has been read', async () => {
    const pages = await f.allPages('/users?$top=10&$select=id,userPrincipalName');
    expect(pages).toHaveLength(Math.ceil(f.tenant.users.length / 10));
    const firstLink = collectionOf(pages[0]!)['@odata.nextLink']!;
    expect(firstLink).toMatch(
      new RegExp(`^${f.url}/users\\?\\$top=10&\\$select=id,userPrincipalName&\\$skiptoken=`),
    );
    const ids = pages.flatMap((p) => collectionOf<{ id: string }>(p).value.map((u) => u.id));
    expect(ids).toEqual(f.tenant.users.map((u) => u.id));
  });

  it('pages 100 users at a time by default', async () => {
    f.sim.faults.setPageSize(undefined);
    const body = collectionOf(await f.graph('/users'));
    expect(body.value).toHaveLength(Math.min(100, f.tenant.users.length));
  });

  it.each(['0', '1000', 'abc'])('rejects $top=%s: page size must be 1..999', async (top) => {
    const reply = await f.graph(`/users?$top=${top}`);
    expectGraphError(reply, 400, 'Request_UnsupportedQuery');
    expect(entityOf<{ error: { message: string } }>(reply).error.message).toBe(
      `Invalid page size specified: '${top}'. Must be between 1 and 999 inclusive.`,
    );
  });

  it('filters on accountEnabled and userType', async () => {
    const body = collectionOf(
      await f.graph(`/users?$filter=accountEnabled eq true and userType eq 'Member'&$select=id&$top=999`),
    );
    const expected = f.tenant.users
      .filter((u) => u.accountEnabled && u.userType === 'Member')
      .map((u) => u.id);
    expect(body.value.map((u) => u.id)).toEqual(expected);
    expect(expected.length).toBeLessThan(f.tenant.users.length);
  });

  it('rejects a $select of a property user does not have', async () => {
    expectGraphError(await f.graph('/users?$select=id,shoeSize'), 400, 'BadRequest');
  });
});

describe('GET /users/{id | userPrincipalName} — https://learn.microsoft.com/en-us/graph/api/user-get?view=graph-rest-1.0', () => {
  it('finds a user by id and by userPrincipalName', async () => {
    const byId = await f.graph(`/users/${salesHeadId}?$select=id,department`);
    expect(byId.status).toBe(200);
    expect(byId.body).toEqual({
      '@odata.context': `${f.url}/$metadata#users(id,department)/$entity`,
      id: salesHeadId,
      department: '営業部',
    });
    const upn = f.tenant.users.find((u) => u.id === salesHeadId)!.userPrincipalName;
    const byUpn = await f.graph(`/users/${encodeURIComponent(upn.toUpperCase())}`);
    expect(entityOf(byUpn)).toMatchObject({ id: salesHeadId, userPrincipalName: upn });
  });

  it('is 404 Request_ResourceNotFound for an unknown user', async () => {
    expectGraphError(
      await f.graph('/users/00000000-0000-4000-8000-000000000000'),
      404,
      'Request_ResourceNotFound',
    );
  });
});

describe('GET /users/{id}/manager — https://learn.microsoft.com/en-us/graph/api/user-list-manager?view=graph-rest-1.0', () => {
  it('returns the manager as a directoryObject of type user', async () => {
    const reply = await f.graph(`/users/${salesHeadId}/manager`);
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({
      '@odata.context': `${f.url}/$metadata#directoryObjects/$entity`,
      '@odata.type': '#microsoft.graph.user',
      id: ceoId,
      displayName: '高橋 誠',
      jobTitle: '代表取締役',
    });
  });

  it('is 404 Request_ResourceNotFound for a user without a manager', async () => {
    expectGraphError(await f.graph(`/users/${ceoId}/manager`), 404, 'Request_ResourceNotFound');
  });
});
