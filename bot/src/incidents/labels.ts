import type { Locale } from '../i18n/locale';
import { msg, type IncidentMessageKey } from './messages';
import { INCIDENT_PHASES, type IncidentPhase } from './records';
import type { ExternalBody, Impact, IncidentCategory } from './schema';

const CATEGORY: Record<IncidentCategory, IncidentMessageKey> = {
  '漏えい・流出': 'categoryLeak',
  '改ざん・消失・破壊・サービス停止': 'categoryDamage',
  ウイルス感染: 'categoryVirus',
  その他: 'categoryOther',
};
export const categoryLabel = (locale: Locale, c: IncidentCategory) => msg(locale, CATEGORY[c]);

/** Short names: the 9.4 区分 in Japanese, a few words in English. */
export function categoryName(locale: Locale, c: IncidentCategory): string {
  if (locale === 'ja') return c;
  const en: Record<IncidentCategory, string> = {
    '漏えい・流出': 'Leak or loss',
    '改ざん・消失・破壊・サービス停止': 'Tampering, loss or outage',
    ウイルス感染: 'Virus infection',
    その他: 'Other',
  };
  return en[c];
}

const MARKERS = ['①', '②', '③', '④', '⑤'] as const;
const PHASE_EN: Record<IncidentPhase, string> = {
  発見報告: 'Discovery report',
  初動: 'Initial response',
  '調査・対応': 'Investigation and response',
  復旧: 'Recovery',
  最終報告: 'Final report',
};
/** `②初動` / `② Initial response (初動)`. */
export function phaseLabel(locale: Locale, p: IncidentPhase): string {
  const marker = MARKERS[INCIDENT_PHASES.indexOf(p)] ?? '';
  return locale === 'ja' ? `${marker}${p}` : `${marker} ${PHASE_EN[p]} (${p})`;
}

export function nextPhase(p: IncidentPhase): IncidentPhase | null {
  return INCIDENT_PHASES[INCIDENT_PHASES.indexOf(p) + 1] ?? null;
}

const ROLE_EN: Record<string, string> = {
  代表取締役: 'CEO',
  インシデント対応責任者: 'incident response lead',
  システム管理者: 'system administrator',
};
/** Role names are the policy's own terms; English adds a gloss for the three of 9.1. */
export function roleLabel(locale: Locale, role: string): string {
  const gloss = ROLE_EN[role];
  return locale === 'en' && gloss ? `${gloss} (${role})` : role;
}

const BODY_EN: Record<ExternalBody, string> = {
  個人情報保護委員会: 'Personal Information Protection Commission (個人情報保護委員会)',
  警察: 'Police cyber-crime desk (警察)',
  IPA: 'IPA',
};
export const bodyLabel = (locale: Locale, b: ExternalBody) => (locale === 'ja' ? b : BODY_EN[b]);

const IMPACT: Record<Impact, IncidentMessageKey> = {
  external: 'impactExternal',
  business: 'impactBusiness',
  employees: 'impactEmployees',
  none: 'impactNone',
};
export const impactLabel = (locale: Locale, i: Impact) => msg(locale, IMPACT[i]);

export const answerLabel = (locale: Locale, a: 'yes' | 'no' | 'unknown') => msg(locale, a);
export const flagLabel = (locale: Locale, b: boolean) => msg(locale, b ? 'yes' : 'no');

const REASON: Record<string, IncidentMessageKey> = {
  'personal-data': 'reasonPersonal',
  'possible-personal-data': 'reasonPossiblePersonal',
  'specific-personal-info': 'reasonSpecific',
  'unauthorized-access': 'reasonUnauthorized',
  virus: 'reasonVirus',
};
const URGENCY: Record<string, IncidentMessageKey> = {
  immediately: 'urgencyImmediately',
  promptly: 'urgencyPromptly',
  'during-response': 'urgencyDuring',
  'after-response': 'urgencyAfter',
};
export const reasonLabel = (locale: Locale, r: string) => (REASON[r] ? msg(locale, REASON[r]) : r);
export const urgencyLabel = (locale: Locale, u: string) => (URGENCY[u] ? msg(locale, URGENCY[u]) : u);

const formatters = new Map<Locale, Intl.DateTimeFormat>();
/** A time in the company's time zone (JST), as the people of a Japanese company read it. */
export function formatTime(locale: Locale, iso: string | null): string {
  if (iso === null) return msg(locale, 'unknown');
  let f = formatters.get(locale);
  if (!f) {
    f = new Intl.DateTimeFormat(locale === 'ja' ? 'ja-JP' : 'en-GB', {
      timeZone: 'Asia/Tokyo',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hour12: false,
    });
    formatters.set(locale, f);
  }
  return `${f.format(new Date(iso))} JST`;
}
