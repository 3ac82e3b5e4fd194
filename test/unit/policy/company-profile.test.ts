import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse, stringify } from 'yaml';
import { loadDemoTenant } from '../../../bot/src/demo/demo-tenant';
import {
  CompanyProfileError,
  ROLE_NAMES,
  loadCompanyProfile,
  profilePeople,
  securityStaffObjectIds,
} from '../../../bot/src/policy/company-profile';

const EXAMPLE = path.join(__dirname, '../../../bot/policy-pack/company-profile.example.yaml');
const tmp = mkdtempSync(path.join(tmpdir(), 'company-profile-'));
let fileCount = 0;

type Path = (string | number)[];
type Change = [Path, unknown];
const REMOVE = Symbol('remove');

/** The value at `path` in parsed YAML. */
function at(raw: unknown, keys: Path): unknown {
  return keys.reduce<unknown>((node, key) => (node as Record<string | number, unknown>)[key], raw);
}

/** Writes a copy of the example profile with `changes` applied (REMOVE deletes a key) and returns its path. */
function writeVariant(...changes: ((raw: unknown) => Change)[]): string {
  // A JSON round trip breaks the sharing that YAML aliases create, so a change touches one place only.
  const raw: unknown = JSON.parse(JSON.stringify(parse(readFileSync(EXAMPLE, 'utf8'))));
  for (const change of changes) {
    const [keys, value] = change(raw);
    const parent = at(raw, keys.slice(0, -1)) as Record<string | number, unknown>;
    const key = keys[keys.length - 1]!;
    if (value === REMOVE) delete parent[key];
    else parent[key] = value;
  }
  const file = path.join(tmp, `profile-${++fileCount}.yaml`);
  writeFileSync(file, stringify(raw));
  return file;
}

function issuesOf(file: string): CompanyProfileError {
  try {
    loadCompanyProfile(file);
  } catch (err) {
    if (err instanceof CompanyProfileError) return err;
    throw err;
  }
  throw new Error('expected the profile to be rejected');
}

describe('loadCompanyProfile', () => {
  it('parses the example profile', () => {
    const profile = loadCompanyProfile(EXAMPLE);
    expect(profile.company.name).toBe('株式会社さくら精機');
    expect(Object.keys(profile.roles).sort()).toEqual([...ROLE_NAMES].sort());
    expect(profile.roles.インシデント対応責任者[0]?.displayName).toBe('佐藤 健一');
    expect(profile.choices['技術的対策 2.3.1']).toBe('許可制');
    expect(profile.contacts.external.policeCyberCrime.toBeFilled).toBe(true);
    expect(profile.contacts.external.ipaVirus.toBeFilled).toBe(false);
  });

  it('names every bad field and the file', () => {
    const file = writeVariant(
      () => [['representativeDirector', 'objectId'], 'not-a-guid'],
      () => [['contacts', 'incident', 0, 'email'], 'president-at-sakura'],
      () => [['roles', '教育責任者'], REMOVE],
      () => [['choices', '技術的対策 2.3.1'], 'たぶん'],
    );
    const err = issuesOf(file);
    expect(err.reason).toBe('invalid-profile');
    expect(err.issues.map((i) => i.path)).toEqual(
      expect.arrayContaining([
        'representativeDirector.objectId',
        'contacts.incident[0].email',
        'roles.教育責任者',
        'choices.技術的対策 2.3.1',
      ]),
    );
    expect(err.message).toContain(file);
    expect(err.message).toContain('contacts.incident[0].email');
  });

  it('rejects people and rules that do not fit together', () => {
    const file = writeVariant(
      (raw) => [['contacts', 'incident', 1, 'person'], at(raw, ['roles', '教育責任者', 0])],
      (raw) => [['approvals', 'whenRequesterIsApprover', '極秘'], [at(raw, ['representativeDirector'])]],
      () => [['roles', 'システム管理者', 1, 'displayName'], '別人'],
    );
    expect(issuesOf(file).issues.map((i) => i.path)).toEqual(
      expect.arrayContaining([
        'contacts.incident[1].person',
        'approvals.whenRequesterIsApprover.極秘',
        // 鈴木 美咲 is first named under roles, so her later mention is the one that disagrees
        'contacts.incident[3].person',
      ]),
    );
  });

  it('rejects a telework department that is not a department', () => {
    const file = writeVariant(() => [['teleworkCompanyIssued', 'printer'], ['宇宙開発部']]);
    expect(issuesOf(file).issues).toEqual([
      { path: 'teleworkCompanyIssued.printer[0]', message: 'unknown department 宇宙開発部' },
    ]);
  });

  it('defaults security staff to the システム管理者 and the 情報セキュリティ責任者', () => {
    const file = writeVariant(() => [['securityStaff'], REMOVE]);
    expect(loadCompanyProfile(file).securityStaff).toEqual({
      roles: ['システム管理者', '情報セキュリティ責任者'],
      entraGroupId: null,
    });
  });

  it('lists the holders of the security-staff roles once each', () => {
    const ids = securityStaffObjectIds(loadCompanyProfile(EXAMPLE));
    // 高橋 誠 (情報セキュリティ責任者), 佐藤 健一 and 鈴木 美咲 (システム管理者)
    expect(ids.sort()).toEqual(
      [
        'd465b1c6-a82d-4ad6-ae12-00082f57362e',
        'cb92ca29-d1d2-4ccb-98ad-b99e26ae8aba',
        '4558b764-508a-4a47-99ec-b3e964f3890b',
      ].sort(),
    );
  });

  it('reports unreadable files and broken YAML as such', () => {
    expect(issuesOf(path.join(tmp, 'missing.yaml')).reason).toBe('unreadable');
    const broken = path.join(tmp, 'broken.yaml');
    writeFileSync(broken, 'company: [unclosed\n');
    expect(issuesOf(broken).reason).toBe('invalid-yaml');
  });
});

describe('example profile and demo tenant', () => {
  const profile = loadCompanyProfile(EXAMPLE);
  const tenant = loadDemoTenant();
  const userById = new Map(tenant.users.map((u) => [u.id, u]));

  it('names only enabled members of the demo tenant, with the same UPN and name', () => {
    const people = profilePeople(profile);
    expect(people.length).toBeGreaterThanOrEqual(10);
    for (const person of people) {
      expect(userById.get(person.objectId)).toMatchObject({
        userPrincipalName: person.upn,
        displayName: person.displayName,
        accountEnabled: true,
        userType: 'Member',
      });
    }
  });

  it('names the head of every demo department, who is its 部長', () => {
    const departments = new Set(tenant.users.flatMap((u) => (u.department ? [u.department] : [])));
    expect(new Set(Object.keys(profile.departmentHeads))).toEqual(departments);
    for (const [department, head] of Object.entries(profile.departmentHeads))
      expect(userById.get(head.objectId)).toMatchObject({ department, jobTitle: '部長' });
  });

  it('agrees with the demo personas', () => {
    const holders = (role: (typeof ROLE_NAMES)[number]) => profile.roles[role].map((p) => p.objectId);
    expect(profile.representativeDirector.objectId).toBe(tenant.personas.ceo);
    expect(userById.get(tenant.personas.ceo)?.jobTitle).toBe('代表取締役');
    expect(holders('システム管理者')).toContain(tenant.personas.systemAdministrator);
    expect(holders('インシデント対応責任者')).toContain(tenant.personas.systemAdministrator);
    expect(holders('教育責任者')).toContain(tenant.personas.educationLead);
    const heads = Object.values(profile.departmentHeads).map((h) => h.objectId);
    for (const id of tenant.personas.departmentHeads) expect(heads).toContain(id);
  });
});
