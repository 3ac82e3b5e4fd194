import { AuthError, ConfidentialClientApplication, type Configuration } from '@azure/msal-node';
import type { AuthenticationProvider } from '@microsoft/microsoft-graph-client';
import { FetchNetworkClient } from './fetch-network-client';
import { GraphError } from './graph-error';
import {
  type ClientCredentialsAuth,
  DEFAULT_AUTHORITY_HOST,
  DEFAULT_TIMEOUT_MS,
  GRAPH_SCOPE,
} from './graph-options';

export interface MsalAuthProviderOptions {
  auth: ClientCredentialsAuth;
  /** Used for the token endpoint; default the global `fetch`. */
  fetch?: typeof fetch;
  timeoutMs?: number;
}

/**
 * Application tokens for Graph from msal-node's client-credentials flow. msal keeps the token in
 * its in-memory cache and returns it until it is within 5 minutes of expiry: msal-common 16.17
 * (msal-node 7.2.3) `ClientCredentialClient.getCachedAuthenticationResult` treats a cached token
 * as expired when `now + tokenRenewalOffsetSeconds > expiresOn`, the offset defaulting to
 * `DEFAULT_TOKEN_RENEWAL_OFFSET_SEC = 300` (msal-node does not expose it), and then asks the token
 * endpoint again; a `refresh_in` from the server triggers an earlier refresh. So a token handed
 * out here always has at least ~5 minutes left, longer than our bounded retries of one request.
 */
export class MsalAuthProvider implements AuthenticationProvider {
  private readonly app: ConfidentialClientApplication;
  private inFlight: Promise<string> | undefined;

  constructor(options: MsalAuthProviderOptions) {
    const network = new FetchNetworkClient(options.fetch ?? fetch, options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
    const config = msalConfiguration(options.auth);
    this.app = new ConfidentialClientApplication({ ...config, system: { networkClient: network } });
  }

  /** Concurrent callers share one token request. */
  getAccessToken(): Promise<string> {
    this.inFlight ??= this.acquire().finally(() => {
      this.inFlight = undefined;
    });
    return this.inFlight;
  }

  private async acquire(): Promise<string> {
    try {
      const result = await this.app.acquireTokenByClientCredential({ scopes: [GRAPH_SCOPE] });
      if (result?.accessToken) return result.accessToken;
      throw new Error('the token endpoint returned no access token');
    } catch (error) {
      // msal's errorCode (e.g. invalid_client) is safe to show; its AADSTS text stays in `cause`.
      const code = error instanceof AuthError && error.errorCode ? ` (${error.errorCode})` : '';
      throw new GraphError({
        reason: 'credentialFailure',
        status: 0,
        message: `Could not get an access token for Microsoft Graph${code}`,
        code: error instanceof AuthError ? error.errorCode : undefined,
        cause: error,
      });
    }
  }
}

const LOOPBACK = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\])$/;

/**
 * The msal configuration for a tenant. For `login.microsoftonline.com` msal has the endpoints
 * built in, so nothing is discovered. Any other authority host (a test token server, the Graph
 * simulator) is described entirely in the configuration so msal makes no discovery request:
 * `knownAuthorities` (skips instance discovery at login.microsoftonline.com/common/discovery) and
 * `authorityMetadata` (the OpenID configuration, skips `.well-known/openid-configuration`), with
 * Entra's endpoint layout under the host. msal only accepts `https:` authorities, so a loopback
 * `http:` host is named as `https://host:port/tenant` while the metadata's endpoints keep `http:`:
 * msal sends the token request to `token_endpoint` as written.
 */
export function msalConfiguration(auth: ClientCredentialsAuth): Configuration {
  const { tenantId, clientId, clientSecret } = auth;
  const host = new URL(auth.authorityHost ?? DEFAULT_AUTHORITY_HOST);
  const prefix = host.pathname.replace(/\/+$/, '');
  if (host.origin === DEFAULT_AUTHORITY_HOST && prefix === '') {
    return { auth: { clientId, clientSecret, authority: `${DEFAULT_AUTHORITY_HOST}/${tenantId}` } };
  }
  if (host.protocol !== 'https:' && !(host.protocol === 'http:' && LOOPBACK.test(host.hostname))) {
    throw new GraphError({
      reason: 'credentialFailure',
      status: 0,
      message: 'The authority host must use https (http is allowed on loopback only)',
    });
  }
  const base = `${host.origin}${prefix}/${tenantId}`;
  const authorityMetadata = {
    token_endpoint: `${base}/oauth2/v2.0/token`,
    authorization_endpoint: `${base}/oauth2/v2.0/authorize`,
    end_session_endpoint: `${base}/oauth2/v2.0/logout`,
    jwks_uri: `${base}/discovery/v2.0/keys`,
    issuer: `${base}/v2.0`,
  };
  return {
    auth: {
      clientId,
      clientSecret,
      authority: `https://${host.host}${prefix}/${tenantId}`,
      knownAuthorities: [host.host],
      authorityMetadata: JSON.stringify(authorityMetadata),
    },
  };
}
