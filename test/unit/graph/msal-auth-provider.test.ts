import { createGraphClient } from '../../../bot/src/graph/create-graph-client';
import { GraphError } from '../../../bot/src/graph/graph-error';
import { MsalAuthProvider, msalConfiguration } from '../../../bot/src/graph/msal-auth-provider';
import { fakeFetch, jsonResponse } from '../../support/fake-fetch';
import { startTokenServer, type TokenServer } from '../../support/token-server';

const TENANT = '11111111-2222-3333-4444-555555555555';
const SECRET = 'very-secret-value';
const credentials = {
  kind: 'clientCredentials',
  tenantId: TENANT,
  clientId: 'client-1',
  clientSecret: SECRET,
} as const;

let tokenServer: TokenServer;
beforeEach(async () => {
  tokenServer = await startTokenServer();
});
afterEach(async () => {
  jest.useRealTimers();
  await tokenServer.close();
});

/** Graph is faked; the token endpoint is the real local server, reached through the same injected fetch. */
function setup() {
  const graph = fakeFetch(() => jsonResponse(200, { value: [] }));
  const fetchFn: typeof fetch = (input, init) =>
    String(input instanceof Request ? input.url : input).startsWith(tokenServer.url)
      ? fetch(input, init)
      : graph.fetch(input, init);
  const client = createGraphClient({
    baseUrl: 'https://graph.microsoft.com/v1.0',
    auth: { ...credentials, authorityHost: tokenServer.url },
    fetch: fetchFn,
  });
  return { client, graphSent: graph.sent };
}

/** Fakes only the clock (msal reads `new Date()`), so real sockets keep working. */
function fakeClock(now: number): void {
  jest.useFakeTimers({
    now,
    doNotFake: [
      'hrtime',
      'nextTick',
      'performance',
      'queueMicrotask',
      'requestAnimationFrame',
      'cancelAnimationFrame',
      'requestIdleCallback',
      'cancelIdleCallback',
      'setImmediate',
      'clearImmediate',
      'setInterval',
      'clearInterval',
      'setTimeout',
      'clearTimeout',
    ],
  });
}

describe('MsalAuthProvider', () => {
  it('asks the configured token endpoint only (no discovery), with client credentials and the Graph scope', async () => {
    const { client, graphSent } = setup();
    await client.api('/users').get();

    expect(tokenServer.requests).toHaveLength(1);
    const [request] = tokenServer.requests;
    expect(request?.method).toBe('POST');
    expect(request?.path).toBe(`/${TENANT}/oauth2/v2.0/token`);
    expect(request?.form.get('grant_type')).toBe('client_credentials');
    expect(request?.form.get('client_id')).toBe('client-1');
    expect(request?.form.get('client_secret')).toBe(SECRET);
    expect(request?.form.get('scope')).toBe('https://graph.microsoft.com/.default');
    expect(graphSent[0]?.headers.authorization).toBe('Bearer token-1');
  });

  it('reuses the cached token across calls', async () => {
    const { client, graphSent } = setup();
    await client.api('/users').get();
    await client.api('/users').get();
    await client.api('/users').get();
    expect(tokenServer.requests).toHaveLength(1);
    expect(graphSent.map((r) => r.headers.authorization)).toEqual(Array(3).fill('Bearer token-1'));
  });

  it('renews the token once it is within 5 minutes of expiry, not before', async () => {
    const start = Date.now();
    fakeClock(start);
    const { client, graphSent } = setup();
    await client.api('/users').get(); // token-1, expires in 3600 s

    jest.setSystemTime(start + (3600 - 310) * 1000); // 310 s left: still used
    await client.api('/users').get();
    jest.setSystemTime(start + (3600 - 290) * 1000); // 290 s left: renewed
    await client.api('/users').get();
    await client.api('/users').get();

    expect(graphSent.map((r) => r.headers.authorization)).toEqual([
      'Bearer token-1',
      'Bearer token-1',
      'Bearer token-2',
      'Bearer token-2',
    ]);
    expect(tokenServer.requests).toHaveLength(2);
  });

  it('shares one token request among concurrent callers', async () => {
    const provider = new MsalAuthProvider({ auth: { ...credentials, authorityHost: tokenServer.url } });
    const tokens = await Promise.all([provider.getAccessToken(), provider.getAccessToken()]);
    expect(tokens).toEqual(['token-1', 'token-1']);
    expect(tokenServer.requests).toHaveLength(1);
  });

  it('surfaces a credential failure before any Graph request is made', async () => {
    tokenServer.answer = () => ({
      status: 401,
      body: {
        error: 'invalid_client',
        error_description: 'AADSTS7000215: Invalid client secret provided.',
        error_codes: [7000215],
      },
    });
    const { client, graphSent } = setup();
    const error: unknown = await client
      .api('/users')
      .get()
      .catch((e: unknown) => e);

    expect(error).toBeInstanceOf(GraphError);
    expect(error).toMatchObject({ reason: 'credentialFailure', status: 0, code: 'invalid_client' });
    expect((error as GraphError).message).toBe(
      'Could not get an access token for Microsoft Graph (invalid_client)',
    );
    expect((error as GraphError).message).not.toContain(SECRET);
    expect(graphSent).toEqual([]);
  });

  it('for login.microsoftonline.com calls the token endpoint only, never instance or OpenID discovery', async () => {
    const network = fakeFetch(() =>
      jsonResponse(200, { token_type: 'Bearer', access_token: 'prod-token', expires_in: 3600 }),
    );
    const provider = new MsalAuthProvider({ auth: credentials, fetch: network.fetch });
    await expect(provider.getAccessToken()).resolves.toBe('prod-token');
    expect(network.sent.map((r) => `${r.method} ${r.url.split('?')[0]}`)).toEqual([
      `POST https://login.microsoftonline.com/${TENANT}/oauth2/v2.0/token`,
    ]);
  });

  it('surfaces an unreachable token endpoint as a credential failure', async () => {
    const unreachable = tokenServer.url;
    await tokenServer.close();
    tokenServer = await startTokenServer(); // for afterEach
    const provider = new MsalAuthProvider({ auth: { ...credentials, authorityHost: unreachable } });
    await expect(provider.getAccessToken()).rejects.toMatchObject({ reason: 'credentialFailure' });
  });
});

describe('msalConfiguration', () => {
  it('uses msal built-in metadata for login.microsoftonline.com (nothing to discover)', () => {
    expect(msalConfiguration(credentials)).toEqual({
      auth: {
        clientId: 'client-1',
        clientSecret: SECRET,
        authority: `https://login.microsoftonline.com/${TENANT}`,
      },
    });
  });

  it('describes a loopback http authority fully: https authority name, known host, http endpoints', () => {
    const config = msalConfiguration({ ...credentials, authorityHost: 'http://127.0.0.1:5000' });
    expect(config.auth.authority).toBe(`https://127.0.0.1:5000/${TENANT}`);
    expect(config.auth.knownAuthorities).toEqual(['127.0.0.1:5000']);
    expect(JSON.parse(config.auth.authorityMetadata ?? '{}')).toMatchObject({
      token_endpoint: `http://127.0.0.1:5000/${TENANT}/oauth2/v2.0/token`,
      issuer: `http://127.0.0.1:5000/${TENANT}/v2.0`,
    });
  });

  it('refuses a plain-http authority that is not on loopback (the secret would travel in clear)', () => {
    expect(() => msalConfiguration({ ...credentials, authorityHost: 'http://login.example.com' })).toThrow(
      GraphError,
    );
  });
});
