import type { CompanyProfile } from '../policy/company-profile';
import { organizational } from './citations';
import { personalDataInvolved } from './level';
import { EXTERNAL_BODIES, type Citation, type ExternalBody, type TriageInput } from './schema';

export type ExternalContactKey = keyof CompanyProfile['contacts']['external'];
export type ExternalContact = CompanyProfile['contacts']['external'][ExternalContactKey];

/**
 * Why a body is flagged:
 * - `personal-data`: 個人データの漏えい、滅失又は毀損 (9.6 ①), `possible-personal-data` when it is not
 *   known yet whether personal data is involved (9.6 ③ 「上記①又は②のおそれ」);
 * - `specific-personal-info`: 特定個人情報 — 番号法違反又は違反のおそれ (9.6);
 * - `unauthorized-access`: the police cyber-crime desk (9.4 漏えい・流出 level 3 step 6) and IPA (9.6);
 * - `virus`: IPA ウイルス発見・感染、ランサムウェア被害の届出 (9.6).
 */
export type ExternalReason =
  'personal-data' | 'possible-personal-data' | 'specific-personal-info' | 'unauthorized-access' | 'virus';

/**
 * 9.6: 重大事態 「直ちに」, personal data 「速やかに」, IPA considered 「インシデント対応後に」; the police
 * 届出 is a step of the response itself (9.4).
 */
export type ExternalUrgency = 'immediately' | 'promptly' | 'during-response' | 'after-response';

export interface ExternalFlag {
  body: ExternalBody;
  reason: ExternalReason;
  urgency: ExternalUrgency;
  /**
   * 特定個人情報 only: 重大事態 per 9.6 when more than 100 people's 特定個人情報 leaked (`yes`), `possible`
   * while the number is not known (9.6 also asks for a report on 「そのおそれ」), `no` at 100 or fewer.
   */
  seriousIncident: 'yes' | 'possible' | 'no' | null;
  contactKey: ExternalContactKey;
  /** From the profile's `contacts.external`; `toBeFilled` entries are placeholders the company completes. */
  contact: ExternalContact;
  citation: Citation;
}

/** 9.6 ≪重大事態≫: 「漏えい等した特定個人情報に係る本人の数が100人を超える事態」. */
export const SERIOUS_INCIDENT_THRESHOLD = 100;

export type ExternalInput = Pick<
  TriageInput,
  'category' | 'personalData' | 'personalDataCount' | 'specificPersonalInfo' | 'unauthorizedAccess'
>;

/**
 * The bodies to report to or consult (9.6, and 9.4 for the police). 9.6 asks the システム管理者 to
 * *consider* these; the flags put them in front of the responders with the contact and the rule.
 *
 * Personal data: flagged when involved (`yes`) and also when `unknown`, in every category. 9.6 covers
 * 漏えい, 滅失又は毀損 (so tampering and loss count, not only leaks) and their おそれ; until someone has
 * checked that no personal data is involved, the おそれ stands. 特定個人情報 goes to its own desk (9.6 ①
 * excludes it from the personal-data desk), with the 重大事態 rule: more than 100 people — 101 is 重大事態,
 * 100 is not.
 *
 * Unauthorised access: the police whatever the level. The pack writes the 届出 as step 6 of the
 * 漏えい・流出 level 3 table, but the offence (不正アクセス禁止法) does not depend on our level, and the
 * インシデント対応責任者 decides whether to file; IPA's 不正アクセスの届出 (9.6) likewise.
 */
export function externalFlags(report: ExternalInput, profile: CompanyProfile): ExternalFlag[] {
  const flags: ExternalFlag[] = [];
  const add = (
    body: ExternalBody,
    reason: ExternalReason,
    urgency: ExternalUrgency,
    contactKey: ExternalContactKey,
    citation: Citation,
    seriousIncident: ExternalFlag['seriousIncident'] = null,
  ) =>
    flags.push({
      body,
      reason,
      urgency,
      seriousIncident,
      contactKey,
      contact: profile.contacts.external[contactKey],
      citation,
    });

  const personal = personalDataInvolved(report);
  if (report.specificPersonalInfo) {
    const count = report.personalDataCount;
    const serious = count === null ? 'possible' : count > SERIOUS_INCIDENT_THRESHOLD ? 'yes' : 'no';
    const urgency = serious === 'no' ? 'promptly' : 'immediately';
    add(
      '個人情報保護委員会',
      'specific-personal-info',
      urgency,
      'ppcSpecificPersonalInfo',
      organizational('9.6'),
      serious,
    );
  } else if (personal !== 'no') {
    const reason = personal === 'yes' ? 'personal-data' : 'possible-personal-data';
    add('個人情報保護委員会', reason, 'promptly', 'ppcPersonalData', organizational('9.6'));
  }
  if (report.unauthorizedAccess) {
    add('警察', 'unauthorized-access', 'during-response', 'policeCyberCrime', organizational('9.4'));
    add('IPA', 'unauthorized-access', 'after-response', 'ipaUnauthorizedAccess', organizational('9.6'));
  }
  if (report.category === 'ウイルス感染') {
    add('IPA', 'virus', 'after-response', 'ipaVirus', organizational('9.6'));
  }
  return flags;
}

/** The flagged bodies once each, in the fixed order 個人情報保護委員会, 警察, IPA. */
export function externalBodies(flags: readonly ExternalFlag[]): ExternalBody[] {
  return EXTERNAL_BODIES.filter((b) => flags.some((f) => f.body === b));
}
