import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';

/** The fixed domain of the demo company 株式会社さくら精機. */
export const DEMO_DOMAIN = 'sakura-seiki.example';

/**
 * Deterministic, v4-shaped GUID for a demo object, so ids stay stable across regenerations of the seed.
 * `key` is the UPN local part for users, the device name for devices and 'tenant' for the tenant.
 */
export function demoGuid(kind: 'tenant' | 'user' | 'device', key: string): string {
  const b = createHash('sha256').update(`${DEMO_DOMAIN}/${kind}/${key}`).digest().subarray(0, 16);
  b[6] = ((b[6] ?? 0) & 0x0f) | 0x40;
  b[8] = ((b[8] ?? 0) & 0x3f) | 0x80;
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

const guid = z.uuid({ version: 'v4' });
const dateTime = z.iso.datetime();
const text = z.string().min(1);

// Microsoft Graph v1.0 enum values (userRegistrationDetails, managedDevice).
export const COMPLIANCE_STATES = [
  'unknown',
  'compliant',
  'noncompliant',
  'conflict',
  'error',
  'inGracePeriod',
  'configManager',
] as const;
const SECOND_FACTORS = ['push', 'oath', 'voiceMobile', 'voiceAlternateMobile', 'voiceOffice', 'sms', 'none'];
const secondFactor = z.enum([...SECOND_FACTORS, 'unknownFutureValue']);
// methodsRegistered is an open string collection in Graph; the seed sticks to documented values.
const authMethod = z.enum([
  'email',
  'mobilePhone',
  'alternateMobilePhone',
  'officePhone',
  'microsoftAuthenticatorPush',
  'microsoftAuthenticatorPasswordless',
  'softwareOneTimePasscode',
  'hardwareOneTimePasscode',
  'fido2',
  'windowsHelloForBusiness',
  'temporaryAccessPass',
]);
const managementAgent = z.enum([
  'eas',
  'mdm',
  'easMdm',
  'intuneClient',
  'easIntuneClient',
  'configurationManagerClient',
  'configurationManagerClientMdm',
  'configurationManagerClientMdmEas',
  'unknown',
  'jamf',
  'googleCloudDevicePolicyController',
]);

export const demoUserSchema = z.strictObject({
  id: guid,
  displayName: text,
  userPrincipalName: z.string().regex(/^[^@\s]+@[^@\s]+$/, 'Invalid user principal name'),
  department: text.nullable(),
  jobTitle: text.nullable(),
  accountEnabled: z.boolean(),
  userType: z.enum(['Member', 'Guest']),
  /** Not a Graph property: the simulator serves it as GET /users/{id}/manager. */
  managerId: guid.nullable(),
});

export const userRegistrationDetailsSchema = z.strictObject({
  id: guid,
  userPrincipalName: text,
  userDisplayName: text,
  userType: z.enum(['member', 'guest', 'unknownFutureValue']),
  isAdmin: z.boolean(),
  isMfaRegistered: z.boolean(),
  isMfaCapable: z.boolean(),
  isPasswordlessCapable: z.boolean(),
  isSsprEnabled: z.boolean(),
  isSsprRegistered: z.boolean(),
  isSsprCapable: z.boolean(),
  isSystemPreferredAuthenticationMethodEnabled: z.boolean(),
  systemPreferredAuthenticationMethods: z.array(secondFactor),
  userPreferredMethodForSecondaryAuthentication: secondFactor,
  methodsRegistered: z.array(authMethod),
  lastUpdatedDateTime: dateTime,
});

export const managedDeviceSchema = z.strictObject({
  id: guid,
  deviceName: text,
  operatingSystem: z.enum(['Windows', 'iOS', 'Android', 'macOS']),
  osVersion: text,
  complianceState: z.enum(COMPLIANCE_STATES),
  isEncrypted: z.boolean(),
  // Graph types jailBroken as a string; Intune reports these three values.
  jailBroken: z.enum(['True', 'False', 'Unknown']),
  managedDeviceOwnerType: z.enum(['unknown', 'company', 'personal']),
  managementAgent,
  manufacturer: text,
  model: text,
  enrolledDateTime: dateTime,
  lastSyncDateTime: dateTime,
  userId: guid,
  userPrincipalName: text,
  userDisplayName: text,
});

const personasSchema = z.strictObject({
  ceo: guid,
  systemAdministrator: guid,
  educationLead: guid,
  departmentHeads: z.array(guid).min(1),
  employees: z.array(guid).min(1),
});

export const demoTenantSchema = z
  .strictObject({
    tenant: z.strictObject({ id: guid, displayName: text, defaultDomain: text }),
    /** The "now" of the data set: stale syncs and registration ages are relative to it. */
    referenceDateTime: dateTime,
    personas: personasSchema,
    users: z.array(demoUserSchema).min(1),
    userRegistrationDetails: z.array(userRegistrationDetailsSchema),
    managedDevices: z.array(managedDeviceSchema),
  })
  .superRefine((t, ctx) => {
    const users = new Map(t.users.map((u) => [u.id, u]));
    const fail = (message: string, p: PropertyKey[]) => ctx.addIssue({ code: 'custom', message, path: p });
    const unique = (values: string[], what: string, listPath: string) =>
      values.forEach((v, i) => {
        if (values.indexOf(v) !== i) fail(`duplicate ${what} ${v}`, [listPath, i]);
      });
    unique(
      t.users.map((u) => u.id),
      'id',
      'users',
    );
    unique(
      t.users.map((u) => u.userPrincipalName.toLowerCase()),
      'userPrincipalName',
      'users',
    );
    unique(
      t.managedDevices.map((d) => d.id),
      'id',
      'managedDevices',
    );
    t.users.forEach((u, i) => {
      if (u.managerId !== null && !users.has(u.managerId)) fail('unknown manager', ['users', i, 'managerId']);
    });
    t.userRegistrationDetails.forEach((r, i) => {
      const u = users.get(r.id);
      if (!u) return fail('no user with this id', ['userRegistrationDetails', i, 'id']);
      if (u.userPrincipalName !== r.userPrincipalName || u.displayName !== r.userDisplayName)
        fail('does not match the user', ['userRegistrationDetails', i]);
    });
    t.managedDevices.forEach((d, i) => {
      const u = users.get(d.userId);
      if (!u) return fail('no user with this id', ['managedDevices', i, 'userId']);
      if (u.userPrincipalName !== d.userPrincipalName) fail('does not match the user', ['managedDevices', i]);
    });
    const { departmentHeads, employees, ...single } = t.personas;
    for (const [key, id] of Object.entries(single))
      if (!users.has(id)) fail('no user with this id', ['personas', key]);
    [...departmentHeads, ...employees].forEach((id) => {
      if (!users.has(id)) fail(`no user with id ${id}`, ['personas']);
    });
  });

export type DemoTenant = z.infer<typeof demoTenantSchema>;
export type DemoUser = z.infer<typeof demoUserSchema>;
export type UserRegistrationDetails = z.infer<typeof userRegistrationDetailsSchema>;
export type ManagedDevice = z.infer<typeof managedDeviceSchema>;
export type ComplianceState = (typeof COMPLIANCE_STATES)[number];

/** The seed file is invalid; `issues` names every bad field. */
export class DemoTenantError extends Error {
  override readonly name = 'DemoTenantError';
  constructor(
    readonly file: string,
    readonly issues: { path: string; message: string }[],
  ) {
    super(`Demo tenant ${file} is invalid:\n${issues.map((i) => `  - ${i.path}: ${i.message}`).join('\n')}`);
  }
}

/** The seed lives beside this file in the source tree; tsc does not copy it to dist/, so look there too. */
export function defaultDemoTenantPath(): string {
  const candidates = [
    path.join(__dirname, 'demo-tenant.yaml'),
    path.join(__dirname, '..', '..', '..', '..', 'bot', 'src', 'demo', 'demo-tenant.yaml'),
  ];
  return candidates.find((c) => existsSync(c)) ?? candidates[0]!;
}

/** Reads and validates the demo tenant seed. */
export function loadDemoTenant(filePath: string = defaultDemoTenantPath()): DemoTenant {
  let raw: unknown;
  try {
    raw = parse(readFileSync(filePath, 'utf8'));
  } catch (err) {
    throw new DemoTenantError(filePath, [{ path: '(file)', message: String(err) }]);
  }
  const result = demoTenantSchema.safeParse(raw);
  if (!result.success) {
    const issues = result.error.issues.map((i) => ({
      path:
        i.path
          .map((k) => (typeof k === 'number' ? `[${k}]` : `.${String(k)}`))
          .join('')
          .replace(/^\./, '') || '(root)',
      message: i.message,
    }));
    throw new DemoTenantError(filePath, issues);
  }
  return result.data;
}
