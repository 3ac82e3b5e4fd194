import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadPolicyPack } from '../../../bot/src/policy/pack';
import type { PolicyPack, PolicySection } from '../../../bot/src/policy/pack';
import { cleanupPacks, frontMatter, writePack } from './pack-fixtures';
import { PACK_DIR } from './source-text';

function section(pack: PolicyPack, id: string): PolicySection {
  const s = pack.byId.get(id);
  if (!s) throw new Error(`no section ${id}`);
  return s;
}

afterAll(cleanupPacks);

describe('loadPolicyPack on a small pack', () => {
  // Body lines start at file line 7, after six lines of front matter.
  const organisational = `${frontMatter('組織的対策')}# 組織的対策

前文。

## 1 組織

本文の段落。
続きの行。

- 箇条書き \\*注意\\*
- 2つ目

1. 手順一
2. 手順二

| 項目 | 内容 |
| --- | --- |
| A \\| B | 一行目<br>二行目 |
|  | 空の項目 |

### 1.1 細目

\`\`\`text
図の箱
# 見出しではない
\`\`\`

<!-- 編集メモは読まない -->

## 2 次の章
`;
  const human = `${frontMatter('人的対策', { revised: '2025.05.01', scope: '全従業員' })}# 人的対策

## 1 雇用条件

誓約書を提出させる。
`;
  const dir = writePack({
    '1-org.md': organisational,
    '2-human.md': human,
    'README.md': '# not part of the pack\n',
    'profile.yaml': 'ignored: true\n',
  });
  const pack = loadPolicyPack(dir);

  it('reads the parts in file order with their front matter', () => {
    expect(pack.parts.map((p) => [p.name, p.file, p.line])).toEqual([
      ['組織的対策', path.join(dir, '1-org.md'), 7],
      ['人的対策', path.join(dir, '2-human.md'), 8],
    ]);
    expect(pack.parts[1]?.meta.scope).toBe('全従業員');
    expect(pack.parts[0]?.preamble).toEqual([{ kind: 'paragraph', text: '前文。', line: 9 }]);
    expect(pack.meta).toEqual({
      title: 'テスト規程',
      attribution: 'IPA「情報セキュリティ関連規程（サンプル）」を基に作成',
      source: undefined,
      revised: '2025.05.01',
      parts: ['組織的対策', '人的対策'],
    });
  });

  it('builds sections with ids, parents and children', () => {
    expect(pack.sections.map((s) => [s.id, s.parentId, s.childIds, s.line])).toEqual([
      ['組織的対策 1', null, ['組織的対策 1.1'], 11],
      ['組織的対策 1.1', '組織的対策 1', [], 27],
      ['組織的対策 2', null, [], 36],
      ['人的対策 1', null, [], 10],
    ]);
    expect(section(pack, '組織的対策 1.1')).toMatchObject({
      part: '組織的対策',
      number: '1.1',
      title: '細目',
    });
  });

  it('splits a section body into typed lines and tables', () => {
    const s = section(pack, '組織的対策 1');
    expect(s.lines.map((l) => [l.kind, l.text, l.line, l.marker])).toEqual(
      [
        ['paragraph', '本文の段落。\n続きの行。', 13],
        ['bullet', '箇条書き *注意*', 16],
        ['bullet', '2つ目', 17],
        ['step', '手順一', 19, '1'],
        ['step', '手順二', 20, '2'],
        ['table-header', '項目 | 内容', 22],
        ['table-row', 'A | B | 一行目 二行目', 24],
        ['table-row', '空の項目', 25],
      ].map((l) => (l.length === 3 ? [...l, undefined] : l)),
    );
    expect(s.tables).toEqual([
      {
        header: ['項目', '内容'],
        rows: [
          ['A | B', '一行目\n二行目'],
          ['', '空の項目'],
        ],
        line: 22,
      },
    ]);
    expect(s.text.split('\n')[0]).toBe('本文の段落。');
    expect(section(pack, '組織的対策 1.1').lines).toEqual([
      { kind: 'figure', text: '図の箱\n# 見出しではない', line: 30 },
    ]);
    expect(section(pack, '組織的対策 2').lines).toEqual([]);
  });
});

describe('loadPolicyPack on the committed pack', () => {
  const pack = loadPolicyPack(PACK_DIR);

  it('links every section to its parent and children', () => {
    for (const s of pack.sections) {
      const parent = s.parentId === null ? undefined : section(pack, s.parentId);
      expect(parent?.childIds.includes(s.id) ?? s.number.split('.').length === 1).toBe(true);
      for (const child of s.childIds) expect(section(pack, child).parentId).toBe(s.id);
    }
    const chain: string[] = [];
    for (let s: PolicySection | undefined = section(pack, '技術的対策 2.1.4.1'); s;) {
      chain.push(s.number);
      s = s.parentId === null ? undefined : section(pack, s.parentId);
    }
    expect(chain).toEqual(['2.1.4.1', '2.1.4', '2.1', '2']);
  });

  it('keeps the front matter and the document cover', () => {
    const [organisational] = pack.parts;
    expect(organisational?.meta).toMatchObject({ part: '組織的対策', revised: '20yy.mm.dd' });
    expect(pack.meta.attribution).toContain('中小企業の情報セキュリティ対策ガイドライン 付録5');
    expect(organisational?.text).toContain('中小企業向けの情報セキュリティ関連規程のサンプルです。');
    expect(organisational?.tables[0]?.header).toEqual(['', '名称', '概要']);
  });

  it('rebuilds flattened tables', () => {
    const passwords = section(pack, '組織的対策 6.10').tables[0];
    expect(passwords?.header).toEqual(['', '特権アカウント', '一般アカウント']);
    expect(passwords?.rows.map((r) => r[0])).toEqual(['アカウント名', 'アカウントロック', 'パスワード']);
    expect(passwords?.rows[2]?.[2]).toContain('· 8文字以上');
    const contacts = section(pack, '組織的対策 9.3');
    expect(contacts.tables[0]?.rows[0]).toEqual([
      '代表取締役',
      '携帯電話：090-****-****\n電子メールアドレス：president@*****.co.jp',
    ]);
  });

  it('puts the 8-1 checklist in 組織的対策 8.4', () => {
    const s = section(pack, '組織的対策 8.4');
    expect(s.text).toContain('8-1　委託先情報セキュリティ対策状況確認リスト');
    expect(s.tables[0]?.header).toEqual(['区分', 'No', '確認項目', '実施状況\n(○、×)']);
    expect(s.tables[0]?.rows).toHaveLength(26);
    expect(section(pack, '組織的対策 8.1').tables).toEqual([]);
    expect(section(pack, '組織的対策 8.7').tables).toEqual([]);
  });

  it('keeps procedure steps as ordered lines, not sections', () => {
    const steps = section(pack, '組織的対策 9.4').lines.filter((l) => l.kind === 'step');
    expect(steps.map((l) => l.marker)).toEqual(['1', '2', '3', '4', '5', '6', '7']);
    expect(steps[0]?.text).toBe('ネットワークからコンピュータを切断する。');
    expect(pack.sections.some((s) => s.id.startsWith('組織的対策 9.4.'))).toBe(false);
  });

  it('points every line at its place in the file', () => {
    const files = new Map(pack.parts.map((p) => [p.file, fs.readFileSync(p.file, 'utf8').split('\n')]));
    for (const s of pack.sections) {
      for (const l of s.lines.filter((x) => x.kind === 'paragraph' || x.kind === 'bullet')) {
        const first = l.text.split('\n')[0]?.slice(0, 8) ?? '';
        expect(files.get(s.file)?.[l.line - 1]?.replace(/\\/g, '')).toContain(first);
      }
    }
  });
});
