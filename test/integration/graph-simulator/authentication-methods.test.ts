import { collectionOf, expectGraphError, useSimulator } from './simulator-fixture';

const f = useSimulator();

/** Each derived type's properties, from its resource page under api-reference/v1.0/resources/. */
const DOCUMENTED: Record<string, string[]> = {
  '#microsoft.graph.passwordAuthenticationMethod': ['id', 'password', 'createdDateTime'],
  '#microsoft.graph.microsoftAuthenticatorAuthenticationMethod': [
    'id',
    'displayName',
    'deviceTag',
    'phoneAppVersion',
    'createdDateTime',
  ],
  '#microsoft.graph.softwareOathAuthenticationMethod': ['id', 'secretKey'],
  '#microsoft.graph.phoneAuthenticationMethod': ['id', 'phoneNumber', 'phoneType', 'smsSignInState'],
  '#microsoft.graph.emailAuthenticationMethod': ['id', 'emailAddress'],
  '#microsoft.graph.fido2AuthenticationMethod': [
    'id',
    'displayName',
    'createdDateTime',
    'aaGuid',
    'model',
    'attestationCertificates',
    'attestationLevel',
  ],
  '#microsoft.graph.windowsHelloForBusinessAuthenticationMethod': [
    'id',
    'displayName',
    'createdDateTime',
    'keyStrength',
  ],
};

const methodsOf = async (userId: string) =>
  collectionOf<{ '@odata.type': string } & Record<string, unknown>>(
    await f.graph(`/users/${userId}/authentication/methods`),
  );

describe('GET /users/{id}/authentication/methods — https://learn.microsoft.com/en-us/graph/api/authentication-list-methods?view=graph-rest-1.0', () => {
  it('returns typed method objects with only their documented properties, for every user', async () => {
    for (const user of f.tenant.users) {
      const body = await methodsOf(user.id);
      expect(body['@odata.context']).toBe(`${f.url}/$metadata#users('${user.id}')/authentication/methods`);
      for (const method of body.value) {
        const documented = DOCUMENTED[method['@odata.type']];
        expect(documented).toBeDefined();
        expect(Object.keys(method).sort()).toEqual(['@odata.type', ...documented!].sort());
      }
    }
  });

  it('derives the methods from the registration details: password always, then what methodsRegistered says', async () => {
    const withPhone = f.tenant.userRegistrationDetails.find(
      (r) =>
        r.methodsRegistered.includes('mobilePhone') &&
        r.methodsRegistered.includes('microsoftAuthenticatorPush'),
    )!;
    const types = (await methodsOf(withPhone.id)).value.map((m) => m['@odata.type']);
    expect(types[0]).toBe('#microsoft.graph.passwordAuthenticationMethod');
    expect(types).toContain('#microsoft.graph.microsoftAuthenticatorAuthenticationMethod');
    expect(types).toContain('#microsoft.graph.phoneAuthenticationMethod');

    const phone = (await methodsOf(withPhone.id)).value.find(
      (m) => m['@odata.type'] === '#microsoft.graph.phoneAuthenticationMethod',
    )!;
    // resources/phoneauthenticationmethod.md: the mobile phone's id is fixed, numbers are `+{country code} {number}`.
    expect(phone).toMatchObject({ id: '3179e48a-750b-4051-897c-87b9720928f7', phoneType: 'mobile' });
    expect(phone.phoneNumber).toMatch(/^\+81 \d+$/);

    const none = f.tenant.userRegistrationDetails.find((r) => r.methodsRegistered.length === 0)!;
    expect((await methodsOf(none.id)).value.map((m) => m['@odata.type'])).toEqual([
      '#microsoft.graph.passwordAuthenticationMethod',
    ]);

    const fido = f.tenant.userRegistrationDetails.find((r) => r.methodsRegistered.includes('fido2'))!;
    expect((await methodsOf(fido.id)).value.map((m) => m['@odata.type'])).toContain(
      '#microsoft.graph.fido2AuthenticationMethod',
    );
  });

  it('is 404 for an unknown user', async () => {
    expectGraphError(
      await f.graph('/users/00000000-0000-4000-8000-000000000000/authentication/methods'),
      404,
      'Request_ResourceNotFound',
    );
  });
});
