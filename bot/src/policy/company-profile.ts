import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { z } from 'zod';

/** The roles of the information-security committee, exactly as in the table of 組織的対策 1. */
export const ROLE_NAMES = [
  '情報セキュリティ責任者',
  '情報セキュリティ部門責任者',
  'システム管理者',
  '教育責任者',
  'インシデント対応責任者',
  '個人情報苦情相談対応者',
  '個人情報保護管理者',
  '監査・点検/点検責任者',
] as const;
export type RoleName = (typeof ROLE_NAMES)[number];

const text = z.string().trim().min(1);
const phone = z.string().regex(/^0\d{1,4}-\d{1,4}-\d{3,4}$/, 'Invalid phone number (e.g. 03-1234-5678)');

export const personRefSchema = z.strictObject({ objectId: z.guid(), upn: z.email(), displayName: text });
export type PersonRef = z.infer<typeof personRefSchema>;
const people = z.array(personRefSchema).min(1);

const contactSchema = z.strictObject({
  role: z.enum(['代表取締役', ...ROLE_NAMES]),
  person: personRefSchema,
  department: text,
  summary: text.optional(),
  mobilePhone: phone,
  email: z.email(),
});
const teleworkContactSchema = z.strictObject({
  label: text,
  person: personRefSchema,
  phone,
  email: z.email(),
});
const externalSchema = z
  .strictObject({
    organisation: text,
    desk: text,
    phone: phone.nullable(),
    email: z.email().nullable(),
    url: z.url().nullable(),
    toBeFilled: z.boolean().default(false),
  })
  .refine(
    (c) => c.toBeFilled || Boolean(c.phone ?? c.email ?? c.url),
    'Give a phone, email or url, or set toBeFilled',
  );

// The sample's blue-text alternatives (A/B) that the bot's behaviour depends on, keyed by section.
const one = <T extends readonly [string, ...string[]]>(options: T) => z.enum(options);
const some = <T extends readonly [string, ...string[]]>(options: T) => z.array(z.enum(options)).min(1);
export const choicesSchema = z.strictObject({
  '組織的対策 2': one(['監査・点検', '点検']),
  '組織的対策 5.6 暗号化': one(['ハードディスク', 'フォルダー', 'データ']),
  '組織的対策 5.6 小型電子媒体': some([
    '大きなタグを付ける',
    'ストラップで体やカバンに固定する',
    '落としてもすぐに分かるように鈴を付ける',
  ]),
  '組織的対策 7.3 送信時の暗号化': some(['添付ファイルを暗号化', 'S/MIME', '法人向けデータ転送サービス']),
  '技術的対策 2.3.1': one(['許可制', '禁止']),
  '技術的対策 2.3.3': one(['禁止', '許可制']),
  '技術的対策 2.3.4 持ち込み': one(['許可制', '禁止']),
  '技術的対策 2.3.4 社内LAN接続': one(['禁止', '許可制']),
});

export const companyProfileSchema = z
  .strictObject({
    company: z.strictObject({ name: text, nameEn: text }),
    representativeDirector: personRefSchema,
    roles: z.record(z.enum(ROLE_NAMES), people),
    departmentHeads: z.record(text, personRefSchema),
    contacts: z.strictObject({
      incident: z.array(contactSchema).min(1),
      telework: z.strictObject({ inquiry: teleworkContactSchema, emergency: teleworkContactSchema }),
      external: z.strictObject({
        ipaVirus: externalSchema,
        ipaUnauthorizedAccess: externalSchema,
        ipaConsultation: externalSchema,
        ppcPersonalData: externalSchema,
        ppcSpecificPersonalInfo: externalSchema,
        policeCyberCrime: externalSchema,
      }),
    }),
    choices: choicesSchema,
    inspectionMonth: z.int().min(1).max(12),
    teleworkCompanyIssued: z.strictObject({
      smartphoneTablet: z.array(text),
      mobileRouter: z.array(text),
      printer: z.array(text),
    }),
    securityStaff: z
      .strictObject({
        roles: z.array(z.enum(ROLE_NAMES)).min(1).default(['システム管理者', '情報セキュリティ責任者']),
        entraGroupId: z.guid().nullable().default(null),
      })
      .prefault({}),
    approvals: z.strictObject({
      whenRequesterIsApprover: z.strictObject({ 社外秘: people, 極秘: people }),
    }),
  })
  .superRefine((p, ctx) => {
    const fail = (message: string, path: PropertyKey[]) => ctx.addIssue({ code: 'custom', message, path });
    const seen = new Map<string, PersonRef>();
    for (const { ref, path } of personRefsWithPaths(p)) {
      const first = seen.get(ref.objectId.toLowerCase());
      if (!first) seen.set(ref.objectId.toLowerCase(), ref);
      else if (first.upn !== ref.upn || first.displayName !== ref.displayName)
        fail(`objectId ${ref.objectId} is also given as ${first.displayName} <${first.upn}>`, path);
    }
    const holds = (role: string, id: string) =>
      role === '代表取締役'
        ? p.representativeDirector.objectId === id
        : (p.roles[role as RoleName] ?? []).some((r) => r.objectId === id);
    p.contacts.incident.forEach((c, i) => {
      if (!holds(c.role, c.person.objectId))
        fail(`${c.person.displayName} does not hold ${c.role}`, ['contacts', 'incident', i, 'person']);
    });
    for (const role of ['代表取締役', 'インシデント対応責任者', 'システム管理者'])
      if (!p.contacts.incident.some((c) => c.role === role))
        fail(`組織的対策 9.3 needs a contact for ${role}`, ['contacts', 'incident']);
    for (const [kind, departments] of Object.entries(p.teleworkCompanyIssued))
      departments.forEach((d, i) => {
        if (!Object.hasOwn(p.departmentHeads, d))
          fail(`unknown department ${d}`, ['teleworkCompanyIssued', kind, i]);
      });
    const heads = new Set(Object.values(p.departmentHeads).map((h) => h.objectId));
    const { 社外秘, 極秘 } = p.approvals.whenRequesterIsApprover;
    if (社外秘.every((r) => heads.has(r.objectId)))
      fail('needs someone who is not a department head', ['approvals', 'whenRequesterIsApprover', '社外秘']);
    if (極秘.every((r) => r.objectId === p.representativeDirector.objectId))
      fail('needs someone other than the 代表取締役', ['approvals', 'whenRequesterIsApprover', '極秘']);
  });

export type CompanyProfile = z.infer<typeof companyProfileSchema>;

function personRefsWithPaths(
  value: unknown,
  path: PropertyKey[] = [],
): { ref: PersonRef; path: PropertyKey[] }[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => personRefsWithPaths(v, [...path, i]));
  if (typeof value !== 'object' || value === null) return [];
  const parsed = personRefSchema.safeParse(value);
  if (parsed.success) return [{ ref: parsed.data, path }];
  return Object.entries(value).flatMap(([k, v]) => personRefsWithPaths(v, [...path, k]));
}

/** Every person the profile names (role holders, heads, contacts, approvers), without duplicates. */
export function profilePeople(profile: CompanyProfile): PersonRef[] {
  const byId = new Map(personRefsWithPaths(profile).map(({ ref }) => [ref.objectId, ref]));
  return [...byId.values()];
}

/** Object ids of the holders of the roles that count as security staff (the Entra group is checked apart). */
export function securityStaffObjectIds(profile: CompanyProfile): string[] {
  const ids = profile.securityStaff.roles.flatMap((role) => profile.roles[role].map((p) => p.objectId));
  return [...new Set(ids)];
}

export type CompanyProfileErrorReason = 'unreadable' | 'invalid-yaml' | 'invalid-profile';

/** The company profile cannot be used; `issues` names every bad field path. */
export class CompanyProfileError extends Error {
  override readonly name = 'CompanyProfileError';
  constructor(
    readonly reason: CompanyProfileErrorReason,
    readonly file: string,
    readonly issues: { path: string; message: string }[],
  ) {
    super(
      `Company profile ${file}: ${reason}\n${issues.map((i) => `  - ${i.path}: ${i.message}`).join('\n')}`,
    );
  }
}

function formatPath(path: PropertyKey[]): string {
  const out = path.map((k) => (typeof k === 'number' ? `[${k}]` : `.${String(k)}`)).join('');
  return out.replace(/^\./, '') || '(root)';
}

/** Reads and validates the company profile YAML at `filePath`. */
export function loadCompanyProfile(filePath: string): CompanyProfile {
  let source: string;
  try {
    source = readFileSync(filePath, 'utf8');
  } catch (err) {
    throw new CompanyProfileError('unreadable', filePath, [{ path: '(file)', message: String(err) }]);
  }
  let raw: unknown;
  try {
    raw = parse(source);
  } catch (err) {
    throw new CompanyProfileError('invalid-yaml', filePath, [{ path: '(file)', message: String(err) }]);
  }
  const result = companyProfileSchema.safeParse(raw);
  if (!result.success) {
    const issues = result.error.issues.map((i) => ({ path: formatPath(i.path), message: i.message }));
    throw new CompanyProfileError('invalid-profile', filePath, issues);
  }
  return result.data;
}
