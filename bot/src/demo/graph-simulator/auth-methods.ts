import { createHash } from 'node:crypto';
import type { DemoTenant, UserRegistrationDetails } from '../demo-tenant';
import { evaluateFilter, filterPaths, parseFilter } from './filter';
import { collection, contextUrl, option, paginate } from './odata';
import type { Router } from './router';
import { findUser } from './users';
import { badRequest, GraphError, json, stableGuid, type SimRequest } from './types';

/**
 * GET /reports/authenticationMethods/userRegistrationDetails
 * (api-reference/v1.0/api/authenticationmethodsroot-list-userregistrationdetails.md; resources/userregistrationdetails.md)
 * and GET /users/{id}/authentication/methods (api-reference/v1.0/api/authentication-list-methods.md).
 */

/** Properties the resource page marks "Supports $filter", plus isAdmin, userType and id. */
const FILTERABLE = new Set([
  ...'isMfaCapable isMfaRegistered isPasswordlessCapable isSsprCapable isSsprEnabled isSsprRegistered'.split(
    ' ',
  ),
  ...'isSystemPreferredAuthenticationMethodEnabled methodsRegistered systemPreferredAuthenticationMethods'.split(
    ' ',
  ),
  ...'userDisplayName userPreferredMethodForSecondaryAuthentication userPrincipalName isAdmin userType id'.split(
    ' ',
  ),
]);
const ORDERABLE = new Set(['userPrincipalName', 'userDisplayName']);

function filterAndSort(req: SimRequest, records: UserRegistrationDetails[]): UserRegistrationDetails[] {
  let out = records;
  const text = option(req, 'filter');
  if (text !== undefined) {
    const expr = parseFilter(text);
    for (const path of filterPaths(expr))
      if (!FILTERABLE.has(path))
        throw badRequest(`Invalid filter clause: property '${path}' cannot be filtered.`);
    out = out.filter((r) => evaluateFilter(expr, (p) => (r as Record<string, unknown>)[p]));
  }
  const orderBy = option(req, 'orderby');
  if (orderBy !== undefined) {
    const [prop = '', dir = 'asc'] = orderBy.trim().split(/\s+/);
    if (!ORDERABLE.has(prop)) throw badRequest(`Invalid $orderby: property '${prop}' cannot be sorted.`);
    const key = prop as 'userPrincipalName' | 'userDisplayName';
    const sign = dir.toLowerCase() === 'desc' ? -1 : 1;
    out = [...out].sort((a, b) => sign * a[key].localeCompare(b[key]));
  }
  return out;
}

const PHONE_IDS = {
  mobilePhone: ['3179e48a-750b-4051-897c-87b9720928f7', 'mobile'],
  alternateMobilePhone: ['b6332ec1-7057-4abe-9331-3d72feddfe41', 'alternateMobile'],
  officePhone: ['e37fc753-ff3b-4958-9484-eaa9425c82bc', 'office'],
} as const;

/** A fictitious Japanese mobile number, stable per user and phone type. */
function phoneNumber(userId: string, type: string): string {
  const digits = BigInt(`0x${createHash('sha256').update(`${userId}/${type}`).digest('hex').slice(0, 12)}`);
  return `+81 90${(digits % 100_000_000n).toString().padStart(8, '0')}`;
}

/** The method objects a user with these registrations would have, with each derived type's documented properties. */
export function authenticationMethods(tenant: DemoTenant, userId: string): Record<string, unknown>[] {
  const reg = tenant.userRegistrationDetails.find((r) => r.id === userId);
  const registered = new Set<string>(reg?.methodsRegistered ?? []);
  const created = reg?.lastUpdatedDateTime ?? tenant.referenceDateTime;
  const devices = tenant.managedDevices.filter((d) => d.userId === userId);
  const methods: Record<string, unknown>[] = [
    {
      '@odata.type': '#microsoft.graph.passwordAuthenticationMethod',
      id: '28c10230-6103-485e-b985-444c60001490',
      password: null,
      createdDateTime: null,
    },
  ];
  const hasAuthenticator =
    registered.has('microsoftAuthenticatorPush') || registered.has('microsoftAuthenticatorPasswordless');
  if (hasAuthenticator) {
    const phone = devices.find((d) => d.operatingSystem === 'iOS' || d.operatingSystem === 'Android');
    methods.push({
      '@odata.type': '#microsoft.graph.microsoftAuthenticatorAuthenticationMethod',
      id: stableGuid(`authenticator/${userId}`),
      displayName: phone?.model ?? 'iPhone',
      deviceTag: 'SoftwareTokenActivated',
      phoneAppVersion: '6.2409.6094',
      createdDateTime: registered.has('microsoftAuthenticatorPasswordless') ? created : null,
    });
  }
  if (registered.has('softwareOneTimePasscode') && !hasAuthenticator)
    methods.push({
      '@odata.type': '#microsoft.graph.softwareOathAuthenticationMethod',
      id: stableGuid(`oath/${userId}`),
      secretKey: null,
    });
  for (const [method, [id, phoneType]] of Object.entries(PHONE_IDS))
    if (registered.has(method))
      methods.push({
        '@odata.type': '#microsoft.graph.phoneAuthenticationMethod',
        id,
        phoneNumber: phoneNumber(userId, phoneType),
        phoneType,
        smsSignInState: phoneType === 'mobile' ? 'notAllowedByPolicy' : 'notSupported',
      });
  if (registered.has('email')) {
    const local = tenant.users.find((u) => u.id === userId)?.userPrincipalName.split('@')[0] ?? 'user';
    methods.push({
      '@odata.type': '#microsoft.graph.emailAuthenticationMethod',
      id: stableGuid(`email/${userId}`),
      emailAddress: `${local}@example.com`,
    });
  }
  if (registered.has('fido2'))
    methods.push({
      '@odata.type': '#microsoft.graph.fido2AuthenticationMethod',
      id: Buffer.from(stableGuid(`fido2/${userId}`))
        .toString('base64url')
        .slice(0, 22),
      displayName: 'セキュリティ キー',
      createdDateTime: created,
      aaGuid: 'fa2b99dc-9e39-4257-8f92-4a30d23c4118',
      model: 'YubiKey 5 NFC',
      attestationCertificates: [],
      attestationLevel: 'attested',
    });
  if (registered.has('windowsHelloForBusiness'))
    methods.push({
      '@odata.type': '#microsoft.graph.windowsHelloForBusinessAuthenticationMethod',
      id: stableGuid(`whfb/${userId}`),
      displayName: devices.find((d) => d.operatingSystem === 'Windows')?.deviceName ?? 'Windows PC',
      createdDateTime: created,
      keyStrength: 'normal',
    });
  return methods;
}

export function registerAuthMethodRoutes(router: Router): void {
  router
    .on('GET', '/reports/authenticationMethods/userRegistrationDetails', (req, _p, ctx) => {
      const records = filterAndSort(req, ctx.tenant.userRegistrationDetails);
      const page = paginate(req, ctx, records, { defaultSize: 100, maxTop: 999, outOfRange: 'clamp' });
      return json(collection(contextUrl(ctx, 'reports/authenticationMethods/userRegistrationDetails'), page));
    })
    .on('GET', '/reports/authenticationMethods/userRegistrationDetails/:id', (_req, { id }, ctx) => {
      const record = ctx.tenant.userRegistrationDetails.find((r) => r.id === id);
      if (!record)
        throw new GraphError(
          404,
          'Request_ResourceNotFound',
          `Resource '${id}' does not exist or one of its queried reference-property objects are not present.`,
        );
      const context = contextUrl(
        ctx,
        'reports/authenticationMethods/userRegistrationDetails',
        undefined,
        true,
      );
      return json({ '@odata.context': context, ...record });
    })
    .on('GET', '/users/:id/authentication/methods', (_req, { id }, ctx) => {
      const user = findUser(ctx.tenant, id!);
      const context = contextUrl(ctx, `users('${user.id}')/authentication/methods`);
      return json({ '@odata.context': context, value: authenticationMethods(ctx.tenant, user.id) });
    });
}
