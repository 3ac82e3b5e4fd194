import {
  IMPACTS,
  INCIDENT_CATEGORIES,
  LEAK_FLOOR,
  LEVEL_CRITERIA,
  assessLevel,
  type Impact,
  type IncidentCategory,
  type IncidentLevel,
} from '../../../bot/src/incidents';
import { realContext, report } from './fixtures';

const BY_IMPACT: Record<Impact, IncidentLevel> = { external: 3, business: 2, employees: 1, none: 0 };

describe('assessLevel: the 9.2 table', () => {
  const rows = INCIDENT_CATEGORIES.flatMap((category) => IMPACTS.map((impact) => ({ category, impact })));

  it.each(rows)('$category with impact $impact', ({ category, impact }) => {
    const a = assessLevel(report({ category, impact }));
    const leakFloor = category === '漏えい・流出' && BY_IMPACT[impact] < 2;
    expect(a.level).toBe(leakFloor ? 2 : BY_IMPACT[impact]);
    expect(a.provisional).toBe(false);
    if (leakFloor) {
      expect(a).toMatchObject({ basis: 'leak-floor', rule: { part: '組織的対策', section: '9.4' } });
      expect(a.rule.text).toBe(LEAK_FLOOR.text);
    } else {
      expect(a).toMatchObject({ basis: 'impact', rule: { part: '組織的対策', section: '9.2' } });
    }
  });

  it('cites the 影響範囲 of the level', () => {
    expect(assessLevel(report({ impact: 'external' })).rule.text).toBe(
      '顧客、取引先、株主等に影響が及ぶとき',
    );
    expect(assessLevel(report({ impact: 'business' })).rule.text).toBe('事業に影響が及ぶとき');
    expect(assessLevel(report({ impact: 'employees' })).rule.text).toBe('従業員の業務遂行に影響が及ぶとき');
    expect(assessLevel(report({ impact: 'none' })).rule.text).toMatch(/^インシデントにまでは至らないが/);
  });
});

describe('assessLevel: personal data', () => {
  it.each(IMPACTS)('a leak of personal information is level 3 (impact %s)', (impact) => {
    const a = assessLevel(report({ category: '漏えい・流出', impact, personalData: 'yes' }));
    expect(a.level).toBe(3);
    expect(a.rule).toEqual({ part: '組織的対策', section: '9.2', text: '個人情報が漏えいしたとき' });
    expect(a.provisional).toBe(false);
  });

  it('a leak of 特定個人情報 is a leak of personal information, whatever personalData says', () => {
    const a = assessLevel(
      report({ category: '漏えい・流出', impact: 'none', personalData: 'no', specificPersonalInfo: true }),
    );
    expect(a).toMatchObject({ level: 3, basis: 'personal-data-leak' });
  });

  it('a leak with personal data unknown is level 3, provisional', () => {
    const a = assessLevel(report({ category: '漏えい・流出', impact: 'employees', personalData: 'unknown' }));
    expect(a).toMatchObject({ level: 3, basis: 'possible-personal-data-leak', provisional: true });
    expect(a.rule.text).toBe('個人情報が漏えいしたとき');
  });

  it('a certain rule wins over the unknown-personal-data assumption at the same level', () => {
    const a = assessLevel(report({ category: '漏えい・流出', impact: 'external', personalData: 'unknown' }));
    expect(a).toMatchObject({ level: 3, basis: 'impact', provisional: false });
  });

  it.each(['改ざん・消失・破壊・サービス停止', 'ウイルス感染', 'その他'] as IncidentCategory[])(
    'personal data involved in %s does not by itself make level 3',
    (category) => {
      for (const personalData of ['yes', 'unknown'] as const) {
        expect(assessLevel(report({ category, impact: 'employees', personalData })).level).toBe(1);
      }
    },
  );
});

describe('assessLevel: unauthorised access', () => {
  it.each(INCIDENT_CATEGORIES)('does not change the level of %s', (category) => {
    for (const impact of IMPACTS) {
      const without = assessLevel(report({ category, impact }));
      expect(assessLevel(report({ category, impact, unauthorizedAccess: true }))).toEqual(without);
    }
  });
});

describe('the quoted rules are the words of the pack', () => {
  const section = (id: string) => {
    const s = realContext().pack.byId.get(id);
    if (!s) throw new Error(`no ${id}`);
    return s;
  };

  it('9.2: every criterion is a line of the 影響範囲 cell of its level', () => {
    const [table] = section('組織的対策 9.2').tables;
    const cell = (level: string) =>
      (table?.rows.find((r) => r[0] === level)?.[1] ?? '').split('\n').map((l) => l.replace(/^·\s*/, ''));
    expect(cell('3')).toEqual([LEVEL_CRITERIA.external, LEVEL_CRITERIA.personalDataLeak]);
    expect(cell('2')).toEqual([LEVEL_CRITERIA.business]);
    expect(cell('1')).toEqual([LEVEL_CRITERIA.employees]);
    expect(cell('0')).toEqual([LEVEL_CRITERIA.none]);
  });

  it('9.4: the floor is the note of the 漏えい・流出 table', () => {
    expect(section('組織的対策 9.4').text).toContain(`※${LEAK_FLOOR.text}`);
  });
});
