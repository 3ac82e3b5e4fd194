import { organizational } from './citations';
import type { Citation, Impact, IncidentLevel, TriageInput } from './schema';

/**
 * Why a report got its level:
 * - `impact`: the 影響範囲 of the 9.2 table (customers/partners/shareholders 3, business 2, employees 1, none 0);
 * - `personal-data-leak`: 9.2 level 3 「個人情報が漏えいしたとき」;
 * - `possible-personal-data-leak`: the same rule applied to a leak whose personal data is not known yet;
 * - `leak-floor`: the note of the 9.4 漏えい・流出 table, 「情報漏えい・流出は全て事故レベル2以上」.
 */
export type LevelBasis = 'impact' | 'personal-data-leak' | 'possible-personal-data-leak' | 'leak-floor';

/** The rule that decided the level, quoted from the section that states it. */
export interface LevelRule extends Citation {
  text: string;
}

export interface LevelAssessment {
  level: IncidentLevel;
  basis: LevelBasis;
  rule: LevelRule;
  /**
   * The level rests on an assumption the インシデント対応責任者 has to confirm (9.2: the level is decided
   * 「インシデント対応責任者と協議の上」): personal data of a leak is not known to be absent.
   */
  provisional: boolean;
}

export type LevelInput = Pick<TriageInput, 'category' | 'impact' | 'personalData' | 'specificPersonalInfo'>;

/** The 影響範囲 column of the 9.2 table, word for word (checked against the pack by the tests). */
export const LEVEL_CRITERIA = {
  external: '顧客、取引先、株主等に影響が及ぶとき',
  personalDataLeak: '個人情報が漏えいしたとき',
  business: '事業に影響が及ぶとき',
  employees: '従業員の業務遂行に影響が及ぶとき',
  none: 'インシデントにまでは至らないが、将来においてインシデントが発生する可能性がある事象が発見されたとき',
} as const;

/** The note of the 9.4 漏えい・流出 table. */
export const LEAK_FLOOR = { level: 2, text: '情報漏えい・流出は全て事故レベル2以上' } as const;

const BY_IMPACT: Record<Impact, { level: IncidentLevel; text: string }> = {
  external: { level: 3, text: LEVEL_CRITERIA.external },
  business: { level: 2, text: LEVEL_CRITERIA.business },
  employees: { level: 1, text: LEVEL_CRITERIA.employees },
  none: { level: 0, text: LEVEL_CRITERIA.none },
};

/**
 * Whether personal data is involved. 特定個人情報 is personal information (マイナンバーを含む個人情報), so a
 * report that flags it involves personal data whatever `personalData` says.
 */
export function personalDataInvolved(
  report: Pick<TriageInput, 'personalData' | 'specificPersonalInfo'>,
): 'yes' | 'no' | 'unknown' {
  return report.specificPersonalInfo ? 'yes' : report.personalData;
}

interface Candidate extends LevelAssessment {
  /** Lower wins a tie: a rule of 9.2 that holds for certain before an assumption, and before the floor. */
  rank: number;
}

/**
 * The level of 組織的対策 9.2, with the 9.4 floor for leaks.
 *
 * Personal data. 9.2 puts a leak of personal information at level 3. It is applied to the 漏えい・流出
 * category only: for tampering, loss of data, an outage or a virus the report says personal data is
 * *involved*, not that it leaked; that still flags the 個人情報保護委員会 (9.6 covers 滅失・毀損 and
 * おそれ, see external.ts) but does not by itself make level 3. A reporter who knows data went out reports
 * a 漏えい・流出.
 *
 * Unknown personal data in a leak is level 3, provisional. A leak is at least level 2 anyway (9.4 note),
 * so the only question is whether the 代表取締役 hears of it at once. 9.6 treats the おそれ of a personal
 * data leak like the leak itself (報告対象: 「上記①又は②のおそれ」), and the 9.4 level 3 steps (被害者/本人
 * 対応, 個人情報保護委員会への報告) are the ones that run against a deadline; under-classifying costs those,
 * over-classifying costs one call that the インシデント対応責任者, who confirms the level with the reporter
 * (9.2), can take back. `provisional` marks the assumption so the card can ask for it to be confirmed.
 *
 * Unauthorised access does not change the level. 9.2 ranks incidents by who is affected, not by cause;
 * the 9.4 tables mention unauthorised access only as a step of level 3 (届出 to the police), i.e. as a
 * consequence of the level, not a criterion for it. It raises the external flags instead (external.ts).
 */
export function assessLevel(report: LevelInput): LevelAssessment {
  const byImpact = BY_IMPACT[report.impact];
  const candidates: Candidate[] = [
    {
      level: byImpact.level,
      basis: 'impact',
      rule: { ...organizational('9.2'), text: byImpact.text },
      provisional: false,
      rank: 1,
    },
  ];
  if (report.category === '漏えい・流出') {
    const personal = personalDataInvolved(report);
    if (personal !== 'no') {
      candidates.push({
        level: 3,
        basis: personal === 'yes' ? 'personal-data-leak' : 'possible-personal-data-leak',
        rule: { ...organizational('9.2'), text: LEVEL_CRITERIA.personalDataLeak },
        provisional: personal === 'unknown',
        rank: personal === 'yes' ? 0 : 2,
      });
    }
    candidates.push({
      level: LEAK_FLOOR.level,
      basis: 'leak-floor',
      rule: { ...organizational('9.4'), text: LEAK_FLOOR.text },
      provisional: false,
      rank: 3,
    });
  }
  const [best] = candidates.sort((a, b) => b.level - a.level || a.rank - b.rank) as [Candidate];
  const { rank: _rank, ...assessment } = best;
  return assessment;
}
