import { randomUUID } from 'node:crypto';
import type { DemoTenant } from '../demo-tenant';
import { GraphError, type SimResponse } from './types';

/**
 * A minimal Microsoft identity platform for local mode:
 * - POST /{tenant}/oauth2/v2.0/token, client credentials with a shared secret (entra identity-platform
 *   v2-oauth2-client-creds-grant-flow.md: request parameters, success `{ token_type, expires_in, access_token }`
 *   (plus `ext_expires_in`, which the service also sends), error `{ error, error_description, error_codes,
 *   timestamp, trace_id, correlation_id }`);
 * - GET /{tenant}/v2.0/.well-known/openid-configuration (v2-protocols-oidc.md, "Fetch the OpenID configuration
 *   document"); GET /{tenant}/discovery/v2.0/keys (empty: the simulator's tokens are not signed).
 * Any secret is accepted; Graph requests need some `Authorization: Bearer …` header and nothing more.
 */
const GRAPH_DEFAULT_SCOPE = 'https://graph.microsoft.com/.default';
/** The application permissions of design/product.md's "Microsoft Graph used" table. */
const ROLES = [
  'User.Read.All',
  'AuditLog.Read.All',
  'UserAuthenticationMethod.Read.All',
  'DeviceManagementManagedDevices.Read.All',
  'Sites.Selected',
];

export function openIdConfiguration(origin: string, tenantId: string): Record<string, unknown> {
  const base = `${origin}/${tenantId}`;
  return {
    token_endpoint: `${base}/oauth2/v2.0/token`,
    token_endpoint_auth_methods_supported: ['client_secret_post', 'private_key_jwt', 'client_secret_basic'],
    jwks_uri: `${base}/discovery/v2.0/keys`,
    response_modes_supported: ['query', 'fragment', 'form_post'],
    subject_types_supported: ['pairwise'],
    id_token_signing_alg_values_supported: ['RS256'],
    response_types_supported: ['code', 'id_token', 'code id_token', 'id_token token'],
    scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
    issuer: `${base}/v2.0`,
    request_uri_parameter_supported: false,
    authorization_endpoint: `${base}/oauth2/v2.0/authorize`,
    device_authorization_endpoint: `${base}/oauth2/v2.0/devicecode`,
    http_logout_supported: true,
    frontchannel_logout_supported: true,
    end_session_endpoint: `${base}/oauth2/v2.0/logout`,
    tenant_region_scope: 'AS',
    cloud_instance_name: 'microsoftonline.com',
    msgraph_host: new URL(origin).host,
  };
}

/**
 * The `auth` options that point `@azure/msal-node`'s ConfidentialClientApplication at the simulator without any
 * network discovery: msal insists on an https authority, but with `knownAuthorities` and `authorityMetadata`
 * it never contacts it and posts to the (http) token_endpoint from the metadata.
 */
export function msalAuthOptions(origin: string, tenantId: string) {
  const host = new URL(origin).host;
  return {
    authority: `https://${host}/${tenantId}`,
    knownAuthorities: [host],
    authorityMetadata: JSON.stringify(openIdConfiguration(origin, tenantId)),
  };
}

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

function accessToken(tenantId: string, clientId: string, now: Date, lifetime: number): string {
  const iat = Math.floor(now.getTime() / 1000);
  const claims = {
    aud: 'https://graph.microsoft.com',
    iss: `https://sts.windows.net/${tenantId}/`,
    iat,
    nbf: iat,
    exp: iat + lifetime,
    appid: clientId,
    idtyp: 'app',
    roles: ROLES,
    sub: clientId,
    tid: tenantId,
    ver: '1.0',
  };
  // An unsigned JWT: enough for clients that decode it, and obviously not a real token.
  return `${b64({ typ: 'JWT', alg: 'none' })}.${b64(claims)}.`;
}

function tokenError(
  status: number,
  error: string,
  code: number,
  description: string,
  now: Date,
): SimResponse {
  const traceId = randomUUID();
  const timestamp = `${now.toISOString().slice(0, 19).replace('T', ' ')}Z`;
  return {
    status,
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
    body: {
      error,
      error_description: `AADSTS${code}: ${description}\r\nTrace ID: ${traceId}\r\nCorrelation ID: ${traceId}\r\nTimestamp: ${timestamp}`,
      error_codes: [code],
      timestamp,
      trace_id: traceId,
      correlation_id: traceId,
    },
  };
}

export function tokenResponse(
  tenant: DemoTenant,
  tenantRef: string,
  headers: Record<string, string>,
  rawBody: string,
  now: Date,
): SimResponse {
  const { id, defaultDomain } = tenant.tenant;
  if (tenantRef.toLowerCase() !== id && tenantRef.toLowerCase() !== defaultDomain.toLowerCase())
    return tokenError(400, 'invalid_request', 90002, `Tenant '${tenantRef}' not found.`, now);
  if (!(headers['content-type'] ?? '').toLowerCase().startsWith('application/x-www-form-urlencoded'))
    return tokenError(
      400,
      'invalid_request',
      900144,
      "The request body must contain the 'grant_type' parameter.",
      now,
    );
  const form = new URLSearchParams(rawBody);
  const basic = /^Basic\s+(.+)$/i.exec(headers.authorization ?? '');
  const [basicId, basicSecret] = basic ? Buffer.from(basic[1]!, 'base64').toString('utf8').split(':') : [];
  const clientId = form.get('client_id') ?? basicId;
  for (const [name, value] of [
    ['grant_type', form.get('grant_type')],
    ['client_id', clientId],
    ['scope', form.get('scope')],
  ] as const)
    if (!value)
      return tokenError(
        400,
        'invalid_request',
        900144,
        `The request body must contain the '${name}' parameter.`,
        now,
      );
  if (form.get('grant_type') !== 'client_credentials')
    return tokenError(
      400,
      'unsupported_grant_type',
      70003,
      'The app requested an unsupported grant type.',
      now,
    );
  const scope = form.get('scope') ?? '';
  if (scope !== GRAPH_DEFAULT_SCOPE)
    return tokenError(
      400,
      'invalid_scope',
      70011,
      `The provided value for the input parameter 'scope' is not valid.`,
      now,
    );
  if (!form.get('client_secret') && !basicSecret && !form.get('client_assertion'))
    return tokenError(
      401,
      'invalid_client',
      7000216,
      "'client_assertion', 'client_secret' or 'request' is required for the 'client_credentials' grant type.",
      now,
    );
  const lifetime = 3599;
  return {
    status: 200,
    headers: { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store, no-cache' },
    body: {
      token_type: 'Bearer',
      expires_in: lifetime,
      ext_expires_in: lifetime,
      access_token: accessToken(id, clientId ?? '', now, lifetime),
    },
  };
}

/** 401 unless the request carries `Authorization: Bearer <something>` (any token is accepted). */
export function bearerError(headers: Record<string, string>): GraphError | undefined {
  const match = /^Bearer\s+(\S+)/i.exec(headers.authorization ?? '');
  if (match) return undefined;
  return new GraphError(401, 'InvalidAuthenticationToken', 'Access token is empty.');
}
