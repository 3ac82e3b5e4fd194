import { collectionOf, expectGraphError, useSimulator } from './simulator-fixture';

const f = useSimulator();
const path = '/reports/authenticationMethods/userRegistrationDetails';

describe('GET /reports/authenticationMethods/userRegistrationDetails — https://learn.microsoft.com/en-us/graph/api/authenticationmethodsroot-list-userregistrationdetails?view=graph-rest-1.0', () => {
  it('returns every record with the documented context and properties', async () => {
    const reply = await f.graph(path);
    expect(reply.status).toBe(200);
    const body = collectionOf(reply);
    expect(body['@odata.context']).toBe(
      `${f.url}/$metadata#reports/authenticationMethods/userRegistrationDetails`,
    );
    expect(body.value).toEqual(f.tenant.userRegistrationDetails);
    expect(Object.keys(body.value[0]!).sort()).toEqual(
      [
        'id',
        'userPrincipalName',
        'userDisplayName',
        'userType',
        'isAdmin',
        'isMfaRegistered',
        'isMfaCapable',
        'isPasswordlessCapable',
        'isSsprEnabled',
        'isSsprRegistered',
        'isSsprCapable',
        'isSystemPreferredAuthenticationMethodEnabled',
        'systemPreferredAuthenticationMethods',
        'userPreferredMethodForSecondaryAuthentication',
        'methodsRegistered',
        'lastUpdatedDateTime',
      ].sort(),
    );
  });

  it('pages with @odata.nextLink when the server page size is small', async () => {
    f.sim.faults.setPageSize(25);
    const pages = await f.allPages(path);
    expect(pages).toHaveLength(Math.ceil(f.tenant.userRegistrationDetails.length / 25));
    expect(pages.flatMap((p) => collectionOf(p).value)).toEqual(f.tenant.userRegistrationDetails);
  });

  it('filters on isMfaRegistered (eq) and methodsRegistered (any with eq), as the resource page documents', async () => {
    const unregistered = collectionOf(await f.graph(`${path}?$filter=isMfaRegistered eq false`)).value;
    expect(unregistered.map((r) => r.id)).toEqual(
      f.tenant.userRegistrationDetails.filter((r) => !r.isMfaRegistered).map((r) => r.id),
    );
    const fido = collectionOf(await f.graph(`${path}?$filter=methodsRegistered/any(m:m eq 'fido2')`)).value;
    expect(fido.length).toBeGreaterThan(0);
    expect(fido.every((r) => (r.methodsRegistered as string[]).includes('fido2'))).toBe(true);
    const adminsWithoutMfa = collectionOf(
      await f.graph(`${path}?$filter=isAdmin eq true and isMfaRegistered eq false`),
    ).value;
    expect(adminsWithoutMfa.map((r) => r.userDisplayName).sort()).toEqual(['石井 翼', '高橋 誠'].sort());
  });

  it('sorts with $orderby on userPrincipalName', async () => {
    const body = collectionOf<{ userPrincipalName: string }>(
      await f.graph(`${path}?$orderby=userPrincipalName desc`),
    );
    const upns = body.value.map((r) => r.userPrincipalName);
    expect(upns).toEqual([...upns].sort((a, b) => b.localeCompare(a)));
  });

  it('rejects a malformed $filter with 400', async () => {
    expectGraphError(await f.graph(`${path}?$filter=isAdmin eq`), 400, 'BadRequest');
  });
});
