import {
  IncidentPolicyError,
  readIncidentProcedures,
  stepsFor,
  triage,
  type IncidentCategory,
  type IncidentLevel,
} from '../../../bot/src/incidents';
import { loadPolicyPack } from '../../../bot/src/policy/pack';
import { captionBlock, cleanupPacks, editedPack, realContext, replaceOnce, report } from './fixtures';

afterAll(cleanupPacks);

const LEAK = '＜漏えい・流出発生時の対応＞';
const REPORT_AT_ONCE = '発見者は即座にインシデント対応責任者及び代表取締役社長に報告する。';
const REPORT_FIRST = '発見者は発見次第、システム管理者に報告する。';
const PUBLISH = '代表取締役は社内及び影響範囲の全ての組織・人に対応結果及び対策を公表する。';

// First and last step of each 9.4 procedure, as written in bot/policy-pack/1-organizational.md.
const TABLES: [IncidentCategory, IncidentLevel, number, string, string][] = [
  ['漏えい・流出', 3, 8, REPORT_AT_ONCE, PUBLISH],
  ['漏えい・流出', 2, 3, REPORT_FIRST, 'システム管理者は社内関係者に周知する。'],
  ['改ざん・消失・破壊・サービス停止', 3, 8, REPORT_AT_ONCE, PUBLISH],
  ['改ざん・消失・破壊・サービス停止', 2, 7, REPORT_FIRST, 'システム管理者は原因対策を実施する。'],
  ['改ざん・消失・破壊・サービス停止', 1, 6, REPORT_FIRST, 'システム管理者は原因対策を実施する'],
  [
    '改ざん・消失・破壊・サービス停止',
    0,
    1,
    '発見者は発見次第、発生可能性のあるインシデントと想定される被害をシステム管理者に報告する。',
    '発見者は発見次第、発生可能性のあるインシデントと想定される被害をシステム管理者に報告する。',
  ],
  ...([0, 1, 2, 3] as const).map((level): [IncidentCategory, IncidentLevel, number, string, string] => [
    'ウイルス感染',
    level,
    7,
    'ネットワークからコンピュータを切断する。',
    'システム管理者に報告する。',
  ]),
];

describe('the 9.4 procedures read from the pack', () => {
  const procedures = () => readIncidentProcedures(realContext().pack);

  it.each(TABLES)('%s, level %i: %i steps from first to last', (category, level, count, first, last) => {
    const list = stepsFor(procedures(), category, level);
    expect(list.steps).toHaveLength(count);
    expect(list.steps[0]?.text).toBe(first);
    expect(list.steps[count - 1]?.text).toBe(last);
    expect(list.citations).toEqual([{ part: '組織的対策', section: '9.4' }]);
  });

  it('numbers the steps as the pack does and keeps footnotes and notes apart from them', () => {
    const leak3 = stepsFor(procedures(), '漏えい・流出', 3);
    expect(leak3.steps.map((s) => s.number)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8']);
    expect(leak3.notes).toEqual([expect.stringMatching(/^\*個人データ：/)]);
    expect(leak3.source).toEqual({ caption: LEAK, level: 3 });
    const virus = stepsFor(procedures(), 'ウイルス感染', 2);
    expect(virus.source).toEqual({ caption: '＜ウイルス感染時の初期対応＞', level: null });
    expect(virus.steps[2]?.notes).toEqual([expect.stringMatching(/^※他のコンピュータで/)]);
    expect(virus.notes[0]).toMatch(/^以下の場合など従業員自身で対応できない/);
  });

  it('reads the 区分 descriptions and the phases ①–⑤', () => {
    const p = procedures();
    expect(p.descriptions.get('漏えい・流出')).toBe('社外秘又は極秘情報資産の盗難、流出、紛失');
    expect(p.phases.map((x) => `${x.marker}${x.name}`)).toEqual([
      '①発見報告',
      '②初動',
      '③調査・対応',
      '④復旧',
      '⑤最終報告',
    ]);
  });

  it('has no steps for a leak below level 2 (the table note) and says so', () => {
    expect(() => stepsFor(procedures(), '漏えい・流出', 1)).toThrow(/事故レベル2以上/);
  });

  it.each([0, 1, 2, 3] as const)('その他 at level %i: triage steps citing 9.2 and 9.4', (level) => {
    const list = stepsFor(procedures(), 'その他', level);
    expect(list.steps[0]?.text).toBe(
      level === 3 ? '発見者は即座にインシデント対応責任者及び代表取締役に報告する。' : REPORT_FIRST,
    );
    expect(list.steps[2]?.text).toBe('区分と事故レベルが決まったら、その区分の対応手順に従う。');
    expect(list.citations).toContainEqual({ part: '組織的対策', section: '9.2' });
    expect(list.citations).toContainEqual({ part: '組織的対策', section: '9.4' });
  });
});

describe('an edited pack changes the steps', () => {
  it('a changed step text', () => {
    const dir = editedPack((md) =>
      replaceOnce(
        md,
        '2 システム管理者は漏えい先を調査し、',
        '2 システム管理者は24時間以内に漏えい先を調査し、',
      ),
    );
    const ctx = { ...realContext(), pack: loadPolicyPack(dir) };
    const out = triage(report({ category: '漏えい・流出', impact: 'business' }), ctx);
    expect(out.steps[1]).toBe(
      'システム管理者は24時間以内に漏えい先を調査し、インシデント対応責任者に報告する。',
    );
    expect(triage(report({ category: '漏えい・流出', impact: 'business' }), realContext()).steps[1]).toBe(
      'システム管理者は漏えい先を調査し、インシデント対応責任者に報告する。',
    );
  });

  it('columns are found by header, rows by the level written in them', () => {
    const dir = editedPack((md) => {
      const block = captionBlock(md, LEAK);
      // 対応手順 first, then 事故レベル; rows in the order 1, 2, 3.
      const swapped = block.replace(/^\| (.*?) \| (.*) \|$/gm, '| $2 | $1 |');
      const reordered = swapped.replace(/^(\|.*\n)(\|.*\n)(\|.*\n)(\|.*\n)(\|.*\n)/m, '$1$2$5$4$3');
      return md.replace(block, reordered);
    });
    const pack = loadPolicyPack(dir);
    const table = pack.byId.get('組織的対策 9.4')?.tables[1];
    expect(table?.header).toEqual(['対応手順', '事故レベル']);
    expect(table?.rows.map((r) => r[1])).toEqual(['1', '2', '3']);
    const procedures = readIncidentProcedures(pack);
    expect(stepsFor(procedures, '漏えい・流出', 3).steps[0]?.text).toBe(REPORT_AT_ONCE);
    expect(stepsFor(procedures, '漏えい・流出', 2).steps.at(-1)?.text).toBe(
      'システム管理者は社内関係者に周知する。',
    );
  });
});

describe('a pack that lacks what triage reads fails with a typed error', () => {
  const failure = (edit: (md: string) => string): IncidentPolicyError => {
    const pack = loadPolicyPack(editedPack(edit));
    try {
      stepsFor(readIncidentProcedures(pack), '漏えい・流出', 2);
    } catch (err) {
      if (err instanceof IncidentPolicyError) return err;
      throw err;
    }
    throw new Error('no IncidentPolicyError');
  };

  it('without the 漏えい・流出 table', () => {
    const err = failure((md) => md.replace(captionBlock(md, LEAK), ''));
    expect(err).toMatchObject({ reason: 'missing-table', section: '組織的対策 9.4' });
    expect(err.message).toContain('漏えい・流出');
    expect(err.message).toContain('1-organizational.md');
  });

  it('without section 9.4', () => {
    const err = failure((md) => replaceOnce(md, '### 9.4 対応手順\n', ''));
    expect(err).toMatchObject({ reason: 'missing-section', section: '組織的対策 9.4' });
  });

  it('without the 対応手順 column', () => {
    const err = failure((md) =>
      md.replace(captionBlock(md, LEAK), (b) =>
        replaceOnce(b, '| 事故レベル | 対応手順 |', '| 事故レベル | 内容 |'),
      ),
    );
    expect(err).toMatchObject({ reason: 'malformed-table', section: '組織的対策 9.4' });
  });

  it('without the row of a level', () => {
    const err = failure((md) =>
      md.replace(captionBlock(md, LEAK), (b) => replaceOnce(b, /^\| 2 \|.*\n/m, '')),
    );
    expect(err).toMatchObject({ reason: 'missing-level', section: '組織的対策 9.4' });
    expect(err.message).toContain('事故レベル 2');
  });
});
