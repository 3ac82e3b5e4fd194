import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse, stringify } from 'yaml';
import {
  COMPLIANCE_STATES,
  DemoTenantError,
  defaultDemoTenantPath,
  demoGuid,
  loadDemoTenant,
  type DemoTenant,
} from '../../../bot/src/demo/demo-tenant';

const DAY_MS = 24 * 60 * 60 * 1000;
const tenant: DemoTenant = loadDemoTenant();
const members = tenant.users.filter((u) => u.userType === 'Member');
const userById = new Map(tenant.users.map((u) => [u.id, u]));

describe('demo tenant seed', () => {
  it('parses from its default location', () => {
    expect(tenant.tenant.displayName).toBe('株式会社さくら精機');
    expect(tenant.tenant.id).toBe(demoGuid('tenant', 'tenant'));
  });

  it('has at least 60 people in at least 6 departments', () => {
    expect(members.length).toBeGreaterThanOrEqual(60);
    expect(new Set(members.map((u) => u.department)).size).toBeGreaterThanOrEqual(6);
    expect(members.every((u) => u.department !== null && u.jobTitle !== null)).toBe(true);
  });

  it('derives every user and device id deterministically', () => {
    for (const u of members) expect(u.id).toBe(demoGuid('user', u.userPrincipalName.split('@')[0]!));
    for (const d of tenant.managedDevices) expect(d.id).toBe(demoGuid('device', d.deviceName));
  });

  it('has one CEO at the top, heads reporting to the CEO and staff to their department head', () => {
    const ceos = tenant.users.filter((u) => u.jobTitle === '代表取締役');
    expect(ceos).toHaveLength(1);
    const ceo = ceos[0]!;
    expect(ceo.managerId).toBeNull();
    for (const u of members.filter((m) => m !== ceo)) {
      const manager = userById.get(u.managerId ?? '');
      expect(manager).toBeDefined();
      if (u.jobTitle === '部長') expect(manager).toBe(ceo);
      else expect(manager).toMatchObject({ department: u.department, jobTitle: '部長' });
    }
  });

  it('resolves every manager id', () => {
    const managerIds = tenant.users.flatMap((u) => (u.managerId ? [u.managerId] : []));
    expect(managerIds.every((id) => userById.has(id))).toBe(true);
  });

  it('includes two guests and some disabled accounts', () => {
    const guests = tenant.users.filter((u) => u.userType === 'Guest');
    expect(guests).toHaveLength(2);
    expect(guests.every((g) => g.userPrincipalName.includes('#EXT#'))).toBe(true);
    expect(tenant.users.filter((u) => !u.accountEnabled).length).toBeGreaterThanOrEqual(2);
  });

  it('has registration details for every user, about 75% registered for MFA', () => {
    const regs = tenant.userRegistrationDetails;
    expect(new Set(regs.map((r) => r.id))).toEqual(new Set(tenant.users.map((u) => u.id)));
    const ratio = regs.filter((r) => r.isMfaRegistered).length / regs.length;
    expect(ratio).toBeGreaterThan(0.7);
    expect(ratio).toBeLessThan(0.8);
  });

  it('flags exactly two administrators without MFA', () => {
    const adminsWithoutMfa = tenant.userRegistrationDetails.filter((r) => r.isAdmin && !r.isMfaRegistered);
    expect(adminsWithoutMfa.map((r) => r.userDisplayName).sort()).toEqual(['石井 翼', '高橋 誠'].sort());
  });

  it('covers every device compliance state', () => {
    const states = new Set(tenant.managedDevices.map((d) => d.complianceState));
    for (const state of COMPLIANCE_STATES) expect(states).toContain(state);
  });

  it('has a jailbroken phone and unencrypted laptops', () => {
    const phones = tenant.managedDevices.filter(
      (d) => d.operatingSystem === 'iOS' || d.operatingSystem === 'Android',
    );
    expect(phones.filter((d) => d.jailBroken === 'True')).toHaveLength(1);
    const laptops = tenant.managedDevices.filter(
      (d) => d.operatingSystem === 'Windows' || d.operatingSystem === 'macOS',
    );
    expect(laptops.filter((d) => !d.isEncrypted).length).toBeGreaterThanOrEqual(2);
  });

  it('has devices that have not synced for more than 30 days and both ownership types', () => {
    const now = Date.parse(tenant.referenceDateTime);
    const stale = tenant.managedDevices.filter((d) => now - Date.parse(d.lastSyncDateTime) > 30 * DAY_MS);
    expect(stale.length).toBeGreaterThanOrEqual(3);
    expect(new Set(tenant.managedDevices.map((d) => d.managedDeviceOwnerType))).toEqual(
      new Set(['company', 'personal']),
    );
    expect(new Set(tenant.managedDevices.map((d) => d.operatingSystem))).toEqual(
      new Set(['Windows', 'iOS', 'Android', 'macOS']),
    );
  });
});

describe('loadDemoTenant', () => {
  const writeVariant = (change: (raw: Record<string, unknown[]>) => void): string => {
    const raw = parse(readFileSync(defaultDemoTenantPath(), 'utf8')) as Record<string, unknown[]>;
    change(raw);
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'demo-tenant-')), 'tenant.yaml');
    writeFileSync(file, stringify(raw));
    return file;
  };

  it('names every bad field of a broken seed', () => {
    const file = writeVariant((raw) => {
      Object.assign(raw.managedDevices![0] as object, { complianceState: 'broken' });
      Object.assign(raw.users![1] as object, { id: 'not-a-guid' });
    });
    expect(() => loadDemoTenant(file)).toThrow(DemoTenantError);
    try {
      loadDemoTenant(file);
    } catch (err) {
      const paths = (err as DemoTenantError).issues.map((i) => i.path);
      expect(paths).toEqual(expect.arrayContaining(['managedDevices[0].complianceState', 'users[1].id']));
      expect((err as Error).message).toContain(file);
    }
  });

  it('rejects a manager id that resolves to nobody', () => {
    const file = writeVariant((raw) => {
      Object.assign(raw.users![2] as object, { managerId: demoGuid('user', 'nobody') });
    });
    expect(() => loadDemoTenant(file)).toThrow(/users\[2\]\.managerId: unknown manager/);
  });
});
