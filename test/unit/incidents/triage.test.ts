import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  assessIncident,
  triage,
  triageInputSchema,
  triageOutputSchema,
  type Impact,
  type IncidentCategory,
  type IncidentLevel,
} from '../../../bot/src/incidents';
import { FIXTURES, realContext, report } from './fixtures';

const L3 = ['インシデント対応責任者', '代表取締役'];
const L12 = ['システム管理者', 'インシデント対応責任者'];
const L0 = ['システム管理者'];
const REPORT_AT_ONCE = '発見者は即座にインシデント対応責任者及び代表取締役社長に報告する。';
const REPORT_FIRST = '発見者は発見次第、システム管理者に報告する。';
const PUBLISH = '代表取締役は社内及び影響範囲の全ての組織・人に対応結果及び対策を公表する。';
const FIX = 'システム管理者は原因対策を実施する';
const VIRUS: [string, string] = ['ネットワークからコンピュータを切断する。', 'システム管理者に報告する。'];
const OTHER_LAST = '区分と事故レベルが決まったら、その区分の対応手順に従う。';

type Row = [IncidentCategory, Impact, IncidentLevel, string[], number, string, string, string[]];

// category × impact → level, notify, steps (count, first, last), cited sections (組織的対策).
const ROWS: Row[] = [
  ['漏えい・流出', 'external', 3, L3, 8, REPORT_AT_ONCE, PUBLISH, ['9.1', '9.2', '9.4']],
  [
    '漏えい・流出',
    'business',
    2,
    L12,
    3,
    REPORT_FIRST,
    'システム管理者は社内関係者に周知する。',
    ['9.1', '9.2', '9.3', '9.4'],
  ],
  [
    '漏えい・流出',
    'employees',
    2,
    L12,
    3,
    REPORT_FIRST,
    'システム管理者は社内関係者に周知する。',
    ['9.1', '9.2', '9.3', '9.4'],
  ],
  [
    '漏えい・流出',
    'none',
    2,
    L12,
    3,
    REPORT_FIRST,
    'システム管理者は社内関係者に周知する。',
    ['9.1', '9.2', '9.3', '9.4'],
  ],
  ['改ざん・消失・破壊・サービス停止', 'external', 3, L3, 8, REPORT_AT_ONCE, PUBLISH, ['9.1', '9.2', '9.4']],
  [
    '改ざん・消失・破壊・サービス停止',
    'business',
    2,
    L12,
    7,
    REPORT_FIRST,
    `${FIX}。`,
    ['9.1', '9.2', '9.3', '9.4'],
  ],
  [
    '改ざん・消失・破壊・サービス停止',
    'employees',
    1,
    L12,
    6,
    REPORT_FIRST,
    FIX,
    ['9.1', '9.2', '9.3', '9.4'],
  ],
  [
    '改ざん・消失・破壊・サービス停止',
    'none',
    0,
    L0,
    1,
    '発見者は発見次第、発生可能性のあるインシデントと想定される被害をシステム管理者に報告する。',
    '発見者は発見次第、発生可能性のあるインシデントと想定される被害をシステム管理者に報告する。',
    ['9.2', '9.4'],
  ],
  ['ウイルス感染', 'external', 3, L3, 7, ...VIRUS, ['9.1', '9.2', '9.4', '9.6']],
  ['ウイルス感染', 'business', 2, L12, 7, ...VIRUS, ['9.1', '9.2', '9.3', '9.4', '9.6']],
  ['ウイルス感染', 'employees', 1, L12, 7, ...VIRUS, ['9.1', '9.2', '9.3', '9.4', '9.6']],
  ['ウイルス感染', 'none', 0, L0, 7, ...VIRUS, ['9.2', '9.4', '9.6']],
  [
    'その他',
    'external',
    3,
    L3,
    3,
    '発見者は即座にインシデント対応責任者及び代表取締役に報告する。',
    OTHER_LAST,
    ['9.1', '9.2', '9.4'],
  ],
  ['その他', 'business', 2, L12, 3, REPORT_FIRST, OTHER_LAST, ['9.1', '9.2', '9.3', '9.4']],
  ['その他', 'employees', 1, L12, 3, REPORT_FIRST, OTHER_LAST, ['9.1', '9.2', '9.3', '9.4']],
  ['その他', 'none', 0, L0, 3, REPORT_FIRST, OTHER_LAST, ['9.2', '9.4']],
];

describe('triage: every category × level', () => {
  it.each(ROWS)(
    '%s, impact %s → level %i',
    (category, impact, level, notify, count, first, last, sections) => {
      const out = triage(report({ id: `${category}/${impact}`, category, impact }), realContext());
      expect(triageOutputSchema.parse(out)).toEqual(out);
      expect(out.id).toBe(`${category}/${impact}`);
      expect(out.level).toBe(level);
      expect(out.notify).toEqual(notify);
      expect(out.steps).toHaveLength(count);
      expect(out.steps[0]).toBe(first);
      expect(out.steps[count - 1]).toBe(last);
      expect(out.citations).toEqual(sections.map((section) => ({ part: '組織的対策', section })));
      expect(out.external).toEqual(category === 'ウイルス感染' ? ['IPA'] : []);
    },
  );

  it('a leak of personal data through unauthorised access: level 3 and all three bodies', () => {
    const out = triage(
      report({
        category: '漏えい・流出',
        impact: 'employees',
        personalData: 'yes',
        unauthorizedAccess: true,
      }),
      realContext(),
    );
    expect(out).toMatchObject({ level: 3, notify: L3, external: ['個人情報保護委員会', '警察', 'IPA'] });
    expect(out.steps[5]).toMatch(/サイバー犯罪相談窓口に届け出る。$/);
    expect(out.citations.map((c) => c.section)).toEqual(['9.1', '9.2', '9.4', '9.6']);
  });

  it('the assessment behind the line carries the role holders and the rule', () => {
    const a = assessIncident(report({ category: '漏えい・流出', impact: 'none' }), realContext());
    expect(a.level).toMatchObject({ level: 2, basis: 'leak-floor', rule: { section: '9.4' } });
    expect(a.holders.map((h) => [h.role, h.people.map((p) => p.displayName)])).toEqual([
      ['システム管理者', ['佐藤 健一', '鈴木 美咲']],
      ['インシデント対応責任者', ['佐藤 健一']],
    ]);
  });

  it('matches the expected routing of the fixture reports', () => {
    const read = (name: string) =>
      fs
        .readFileSync(path.join(FIXTURES, name), 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l) as unknown);
    const expected = read('reports.expected.jsonl');
    const got = read('reports.jsonl').map((raw) => {
      const { steps: _steps, ...routing } = triage(triageInputSchema.parse(raw), realContext());
      return routing;
    });
    expect(got).toEqual(expected);
  });
});
