import { z } from 'zod';
import { normalizeText } from '../assistant/intent-router';
import type { IntakeValues } from './incident-state';
import type { IncidentMessageKey } from './messages';
import { REPORT_TEXT_MAX } from './records';
import { IMPACTS, INCIDENT_CATEGORIES, type IncidentCategory } from './schema';

/** The intake card's input ids, in the order the card shows them. */
export const INTAKE_FIELDS = [
  'category',
  'whatHappened',
  'occurredDate',
  'occurredTime',
  'discoveredDate',
  'discoveredTime',
  'systems',
  'personalData',
  'personalDataCount',
  'specificPersonalInfo',
  'impact',
  'unauthorizedAccess',
  'teleworking',
  'reporterPhone',
] as const;
export type IntakeField = (typeof INTAKE_FIELDS)[number];
/** What the card shows in its inputs: the user's own strings, kept as typed when the card comes back. */
export type IntakeDraft = Partial<Record<IntakeField, string>>;
export type IntakeErrors = Partial<Record<IntakeField, IncidentMessageKey>>;

/** Card times are the company's local time: a Japanese company's clock (JST has no daylight saving). */
export const COMPANY_UTC_OFFSET = '+09:00';

const blank = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');
const str = (max: number, error: IncidentMessageKey) =>
  z.string({ error }).trim().min(1, { error }).max(max, { error });
const optional = <S extends z.ZodType>(s: S) => z.preprocess((v) => (blank(v) ? null : v), s.nullable());
const flag = z.preprocess((v) => v === true || v === 'true', z.boolean());
const date = (error: IncidentMessageKey) => z.string({ error }).regex(/^\d{4}-\d{2}-\d{2}$/, { error });
const time = (error: IncidentMessageKey) => z.string({ error }).regex(/^\d{2}:\d{2}(:\d{2})?$/, { error });

const fieldSchemas: Record<IntakeField, z.ZodType> = {
  category: z.enum(INCIDENT_CATEGORIES, { error: 'errCategory' }),
  whatHappened: str(REPORT_TEXT_MAX, 'errWhatHappened'),
  occurredDate: optional(date('errDate')),
  occurredTime: optional(time('errTime')),
  discoveredDate: date('errDiscoveredDate'),
  discoveredTime: time('errDiscoveredTime'),
  systems: str(REPORT_TEXT_MAX, 'errSystems'),
  personalData: z.enum(['yes', 'no', 'unknown'], { error: 'errPersonalData' }),
  personalDataCount: optional(
    z.preprocess(
      (v) => (typeof v === 'string' ? Number(v.trim()) : v),
      z.int({ error: 'errCount' }).min(0, { error: 'errCount' }).max(1e9, { error: 'errCount' }),
    ),
  ),
  specificPersonalInfo: flag,
  impact: z.enum(IMPACTS, { error: 'errImpact' }),
  unauthorizedAccess: flag,
  teleworking: flag,
  reporterPhone: z
    .string({ error: 'errPhone' })
    .trim()
    .regex(/^\+?[0-9][0-9\- ()]{5,19}$/, { error: 'errPhone' }),
};

export type IntakeResult =
  | { ok: true; values: IntakeValues; draft: IntakeDraft }
  | { ok: false; errors: IntakeErrors; draft: IntakeDraft };

/** `2025-04-01` + `09:30` in company time → ISO UTC; null for a day that does not exist (2025-02-30). */
function instant(day: string, clock: string): string | null {
  const at = new Date(`${day}T${clock.length === 5 ? `${clock}:00` : clock}${COMPANY_UTC_OFFSET}`);
  if (Number.isNaN(at.getTime())) return null;
  const back = new Date(at.getTime() + 9 * 3600_000).toISOString().slice(0, 10);
  return back === day ? at.toISOString() : null;
}

/**
 * Validates a submitted intake card. Every field is checked, then the fields against each other, so the
 * card comes back with every problem marked at once. Nothing is trusted but the inputs' own values.
 */
export function parseIntake(data: unknown, now: Date): IntakeResult {
  const raw = (typeof data === 'object' && data !== null ? data : {}) as Record<string, unknown>;
  const draft: IntakeDraft = {};
  for (const f of INTAKE_FIELDS) {
    const v = raw[f];
    if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') draft[f] = String(v);
  }
  const errors: IntakeErrors = {};
  const parsed: Record<string, unknown> = {};
  for (const f of INTAKE_FIELDS) {
    const result = fieldSchemas[f].safeParse(raw[f]);
    if (result.success) parsed[f] = result.data;
    else errors[f] = (result.error.issues[0]?.message ?? 'errInvalid') as IncidentMessageKey;
  }
  const v = parsed as {
    occurredDate: string | null;
    occurredTime: string | null;
    discoveredDate?: string;
    discoveredTime?: string;
    personalData?: IntakeValues['personalData'];
    personalDataCount: number | null;
    specificPersonalInfo: boolean;
  };
  let discoveredAt: string | null = null;
  if (v.discoveredDate && v.discoveredTime) {
    discoveredAt = instant(v.discoveredDate, v.discoveredTime);
    if (!discoveredAt) errors.discoveredDate = 'errDate';
    else if (Date.parse(discoveredAt) > now.getTime() + 5 * 60_000) errors.discoveredDate = 'errFuture';
  }
  let occurredAt: string | null = null;
  if (v.occurredTime && !v.occurredDate && !errors.occurredDate) errors.occurredDate = 'errTimeWithoutDate';
  if (v.occurredDate) {
    occurredAt = instant(v.occurredDate, v.occurredTime ?? '00:00');
    if (!occurredAt) errors.occurredDate = 'errDate';
    else if (discoveredAt && Date.parse(occurredAt) > Date.parse(discoveredAt)) {
      errors.occurredDate = 'errOccurredAfterDiscovered';
    }
  }
  if (v.specificPersonalInfo && v.personalData === 'no') {
    errors.specificPersonalInfo = 'errSpecificWithoutPersonal';
  }
  if (Object.keys(errors).length > 0 || discoveredAt === null) return { ok: false, errors, draft };
  const values: IntakeValues = {
    ...(parsed as Omit<IntakeValues, 'occurredAt' | 'discoveredAt' | 'personalDataCount'>),
    occurredAt,
    discoveredAt,
    // A count only means something when personal data is involved.
    personalDataCount: v.personalData === 'no' ? null : v.personalDataCount,
  };
  return { ok: true, values, draft };
}

const VIRUS = /ウイルス|ウィルス|マルウェア|ランサム|virus|malware|ransomware|infected/;
const LEAK =
  /なくし|無くし|失くし|紛失|落とし|盗まれ|盗難|置き忘れ|漏えい|漏洩|流出|誤送信|\b(lost|stolen|leak(ed)?|misplaced)\b|wrong (address|recipient)/;
const DAMAGE = /改ざん|改竄|消え|消失|削除され|壊れ|破損|止まっ|停止|使えな|tamper|deleted|corrupt|outage/;
const TELEWORK = /テレワーク|在宅|自宅|外出先|出張先|telework|working from home|remote work/;

/** What the user's words say before they open the form: the 9.4 区分 they point at, and telework. */
export function draftFromText(text: string): IntakeDraft {
  const words = normalizeText(text);
  if (words === '') return {};
  const category: IncidentCategory | undefined = VIRUS.test(words)
    ? 'ウイルス感染'
    : LEAK.test(words)
      ? '漏えい・流出'
      : DAMAGE.test(words)
        ? '改ざん・消失・破壊・サービス停止'
        : undefined;
  return {
    whatHappened: text.trim().slice(0, REPORT_TEXT_MAX),
    ...(category ? { category } : {}),
    ...(TELEWORK.test(words) ? { teleworking: 'true' } : {}),
  };
}
