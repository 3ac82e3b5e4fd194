import { ConfidentialClientApplication } from '@azure/msal-node';
import {
  anyNumber,
  anyString,
  entityOf,
  expectGraphError,
  including,
  like,
  matching,
  useSimulator,
} from './simulator-fixture';

const f = useSimulator();
const clientId = '6a1c6d0e-2f49-4b4e-9a53-0c2a0d6b6a11';
const graphScope = 'https://graph.microsoft.com/.default';

const tokenRequest = (form: Record<string, string>, tenant = f.sim.tenantId) =>
  fetch(`${f.origin}/${tenant}/oauth2/v2.0/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(form).toString(),
  });

describe('POST /{tenant}/oauth2/v2.0/token — https://learn.microsoft.com/en-us/entra/identity-platform/v2-oauth2-client-creds-grant-flow', () => {
  it('issues a bearer token for the client credentials grant with a shared secret', async () => {
    const response = await tokenRequest({
      client_id: clientId,
      scope: graphScope,
      client_secret: 'any-secret',
      grant_type: 'client_credentials',
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as Record<string, unknown>;
    expect(body).toEqual({
      token_type: 'Bearer',
      expires_in: 3599,
      ext_expires_in: 3599,
      access_token: matching(/^[\w-]+\.[\w-]+\.$/),
    });
    const claims = JSON.parse(
      Buffer.from(String(body.access_token).split('.')[1]!, 'base64url').toString('utf8'),
    ) as Record<string, unknown>;
    expect(claims).toMatchObject({
      aud: 'https://graph.microsoft.com',
      tid: f.sim.tenantId,
      appid: clientId,
    });
  });

  it.each([
    [{ grant_type: 'password' }, 400, 'unsupported_grant_type'],
    [{ scope: 'https://foo.microsoft.com/.default' }, 400, 'invalid_scope'],
    [{ client_secret: '' }, 401, 'invalid_client'],
  ])('answers %j with the documented error response (%i %s)', async (override, status, error) => {
    const form = {
      client_id: clientId,
      scope: graphScope,
      client_secret: 's',
      grant_type: 'client_credentials',
    };
    const response = await tokenRequest({ ...form, ...override });
    expect(response.status).toBe(status);
    expect(await response.json()).toEqual({
      error,
      error_description: matching(/^AADSTS\d+: /),
      error_codes: [anyNumber],
      timestamp: anyString,
      trace_id: anyString,
      correlation_id: anyString,
    });
  });

  it('rejects an unknown tenant', async () => {
    const response = await tokenRequest(
      { client_id: clientId, scope: graphScope, client_secret: 's' },
      'contoso.com',
    );
    expect(response.status).toBe(400);
  });
});

describe('GET /{tenant}/v2.0/.well-known/openid-configuration — https://learn.microsoft.com/en-us/entra/identity-platform/v2-protocols-oidc', () => {
  it('names the token endpoint, issuer and keys of the simulated tenant', async () => {
    const response = await fetch(`${f.origin}/${f.sim.tenantId}/v2.0/.well-known/openid-configuration`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      token_endpoint: `${f.origin}/${f.sim.tenantId}/oauth2/v2.0/token`,
      authorization_endpoint: `${f.origin}/${f.sim.tenantId}/oauth2/v2.0/authorize`,
      jwks_uri: `${f.origin}/${f.sim.tenantId}/discovery/v2.0/keys`,
      issuer: `${f.origin}/${f.sim.tenantId}/v2.0`,
      token_endpoint_auth_methods_supported: including(['client_secret_post']),
    });
  });
});

describe('@azure/msal-node ConfidentialClientApplication against the simulator — https://github.com/AzureAD/microsoft-authentication-library-for-js/blob/dev/lib/msal-node/docs/configuration.md', () => {
  it('acquires a token with authority + knownAuthorities + authorityMetadata, and Graph accepts it', async () => {
    const app = new ConfidentialClientApplication({
      auth: { clientId, clientSecret: 'local-secret', ...f.sim.msalAuthOptions() },
    });
    const result = await app.acquireTokenByClientCredential({ scopes: [graphScope] });
    expect(result?.tokenType).toBe('Bearer');
    const tokenCalls = f.sim.requestLog.filter((e) => e.path.endsWith('/oauth2/v2.0/token'));
    expect(tokenCalls).toEqual([like({ method: 'POST', status: 200 })]);
    // Nothing but the token endpoint was asked: no instance or OpenID discovery.
    expect(f.sim.requestLog).toHaveLength(1);

    const users = await fetch(`${f.url}/users?$top=1`, {
      headers: { authorization: `Bearer ${result!.accessToken}` },
    });
    expect(users.status).toBe(200);
    expect(f.sim.requestLog.at(-1)?.headers.authorization).toBe(`Bearer ${result!.accessToken}`);
  });
});

describe('Authorization header — https://learn.microsoft.com/en-us/graph/errors', () => {
  it('is 401 InvalidAuthenticationToken without a bearer token', async () => {
    const response = await fetch(`${f.url}/users`);
    const reply = {
      status: response.status,
      headers: response.headers,
      body: (await response.json()) as unknown,
    };
    expectGraphError(reply, 401, 'InvalidAuthenticationToken');
    expect(entityOf<{ error: { message: string } }>(reply).error.message).toBe('Access token is empty.');
  });

  it('accepts any bearer token in local mode', async () => {
    expect((await f.graph('/users?$top=1', { headers: { authorization: 'Bearer anything' } })).status).toBe(
      200,
    );
  });
});
