import { z } from 'zod';
import { ROLE_NAMES } from '../policy/company-profile';

/** The 区分 of 組織的対策 9.4, as one name each, plus その他 for what the reporter cannot place yet. */
export const INCIDENT_CATEGORIES = [
  '漏えい・流出',
  '改ざん・消失・破壊・サービス停止',
  'ウイルス感染',
  'その他',
] as const;
export type IncidentCategory = (typeof INCIDENT_CATEGORIES)[number];
/** The categories that have their own response procedure in 9.4. */
export type ProcedureCategory = Exclude<IncidentCategory, 'その他'>;
export const PROCEDURE_CATEGORIES = INCIDENT_CATEGORIES.filter((c): c is ProcedureCategory => c !== 'その他');

/** Who is affected: customers, partners or shareholders / the business / employees' work / nothing yet (9.2). */
export const IMPACTS = ['external', 'business', 'employees', 'none'] as const;
export type Impact = (typeof IMPACTS)[number];

export const INCIDENT_LEVELS = [0, 1, 2, 3] as const;
export type IncidentLevel = (typeof INCIDENT_LEVELS)[number];

/** Who may be told of an incident: 代表取締役 (組織的対策 9.1) and the committee roles of 組織的対策 1. */
export const NOTIFY_ROLES = ['代表取締役', ...ROLE_NAMES] as const;
export type NotifyRole = (typeof NOTIFY_ROLES)[number];

/** Bodies outside the company an incident may have to be reported to (9.4, 9.6), in output order. */
export const EXTERNAL_BODIES = ['個人情報保護委員会', '警察', 'IPA'] as const;
export type ExternalBody = (typeof EXTERNAL_BODIES)[number];

export const citationSchema = z.strictObject({
  part: z.string().min(1),
  section: z.string().regex(/^\d+(\.\d+)*$/),
});
/** A section of the policy pack: `{ part: '組織的対策', section: '9.4' }` is cited as 組織的対策 9.4. */
export type Citation = z.infer<typeof citationSchema>;

const reportId = z.union([z.string().min(1), z.number()]);

/**
 * One report as the triage CLI reads it (one per line of `--batch`) and as the bot builds it from the
 * report dialog. Keys beyond these are ignored; every key listed here is required.
 */
export const triageInputSchema = z.object({
  id: reportId,
  category: z.enum(INCIDENT_CATEGORIES),
  impact: z.enum(IMPACTS),
  personalData: z.enum(['yes', 'no', 'unknown']),
  /** How many people's personal data is involved, when known. */
  personalDataCount: z.int().min(0).nullable(),
  /** 特定個人情報 (マイナンバーを含む個人情報) is involved. */
  specificPersonalInfo: z.boolean(),
  /** Caused by unauthorised access (サイバー攻撃等の不正アクセス). */
  unauthorizedAccess: z.boolean(),
});
export type TriageInput = z.infer<typeof triageInputSchema>;

/** What the bot knows beyond the triage contract: whether the reporter is teleworking (人的対策 6.6). */
export const incidentReportSchema = triageInputSchema.extend({ teleworking: z.boolean().default(false) });
export type IncidentReport = z.input<typeof incidentReportSchema>;

/** One line of the triage CLI's output: the contract by which routing is checked. Keep it stable. */
export const triageOutputSchema = z.strictObject({
  id: reportId,
  level: z.literal(INCIDENT_LEVELS),
  notify: z.array(z.enum(NOTIFY_ROLES)),
  external: z.array(z.enum(EXTERNAL_BODIES)),
  steps: z.array(z.string().min(1)),
  citations: z.array(citationSchema),
});
export type TriageOutput = z.infer<typeof triageOutputSchema>;
