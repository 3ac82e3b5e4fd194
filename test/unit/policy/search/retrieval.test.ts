import { loadPolicyPack } from '../../../../bot/src/policy/pack';
import {
  buildPolicySearch,
  EMPTY_GLOSSARY,
  EMPTY_THESAURUS,
  loadPolicySearch,
  type PolicySearch,
} from '../../../../bot/src/policy/search';
import { DEFAULT_SCORE_PARAMS } from '../../../../bot/src/policy/search/score';
import { cleanupPacks, frontMatter, writePack } from '../pack-fixtures';
import { PACK_DIR } from '../source-text';

afterAll(cleanupPacks);

const FIXTURE = `${frontMatter('組織的対策')}# 組織的対策

## 1 パスワードの管理

利用者の認証に用いるパスワードは、以下に注意して設定する。

- パスワードは12文字以上とする。
- パスワードを他者に知られないようにする。

## 2 情報資産の持ち出し

情報資産を社外に持ち出す場合には、以下を実施する。

- ノートパソコンを社外に持ち出す場合は所属部門長の許可を得る。
- 紛失した場合は、直ちにシステム管理者に報告する。

### 2.1 持ち出しの記録

持ち出しの記録には、以下の内容を含む。

| 項目 | 内容 |
| --- | --- |
| 日時 | 持ち出した日と時刻 |
| 承認者 | 許可した所属部門長の氏名 |

## 3 媒体の廃棄

書類は細断して廃棄する。USBメモリは破壊してから廃棄する。
`;

const vocabulary = {
  thesaurus: {
    ignore: ['大丈夫', '誰'],
    scopes: [],
    entries: [
      { from: ['なくし', '落とし'], to: ['紛失'] },
      { from: ['捨て'], to: ['廃棄'] },
      { from: ['ノートpc'], to: ['ノートパソコン'] },
    ],
  },
  glossary: {
    stopwords: ['i', 'my', 'the', 'how', 'should', 'do', 'a', 'be', 'must'],
    entries: [
      { en: ['lost', 'lose'], ja: ['紛失'] },
      { en: ['laptop'], ja: ['ノートパソコン'] },
      { en: ['dispose', 'throw away'], ja: ['廃棄'] },
      { en: ['password'], ja: ['パスワード'] },
      { en: ['long', 'characters'], ja: ['文字以上'] },
    ],
  },
};

describe('PolicySearch on a small pack', () => {
  const search: PolicySearch = buildPolicySearch(loadPolicyPack(writePack({ '1.md': FIXTURE })), vocabulary);
  const top = (q: string): string | undefined => search.search(q).hits[0]?.section.id;

  it('finds sections through the thesaurus (everyday words → policy terms)', () => {
    expect(top('ノートPCをなくしちゃった')).toBe('組織的対策 2');
    expect(top('書類を捨てたい')).toBe('組織的対策 3');
  });

  it('answers English questions through the glossary', () => {
    const result = search.search('I lost my laptop');
    expect(result.language).toBe('en');
    expect(result.hits[0]?.section.id).toBe('組織的対策 2');
    expect(top('How should I dispose of a USB stick?')).toBe('組織的対策 3');
    expect(top('How long must a password be?')).toBe('組織的対策 1');
  });

  it('prefers the section whose title and a single line hold the evidence', () => {
    expect(top('持ち出しの記録に承認者は書く？')).toBe('組織的対策 2.1');
  });

  it('returns at most five hits, best first, and never a section without a body', () => {
    const { hits } = search.search('パスワード 持ち出し 廃棄 記録 紛失 報告');
    expect(hits.length).toBeLessThanOrEqual(5);
    for (let i = 1; i < hits.length; i++)
      expect(hits[i - 1]?.score).toBeGreaterThanOrEqual(hits[i]?.score ?? 0);
  });

  it('abstains when the question is about something the policy does not cover', () => {
    const result = search.search('社員旅行の集合時間は？');
    expect(result.abstained).toBe(true);
    expect(result.confidence).toBeLessThan(search.threshold);
    expect(search.search('紛失したら誰に報告？').abstained).toBe(false);
  });

  it('works without any vocabulary, on the policy words themselves', () => {
    const plain = buildPolicySearch(loadPolicyPack(writePack({ '1.md': FIXTURE })), {
      thesaurus: EMPTY_THESAURUS,
      glossary: EMPTY_GLOSSARY,
    });
    expect(plain.search('ノートパソコンを紛失した').hits[0]?.section.id).toBe('組織的対策 2');
  });

  it('finds a section by its keywords, words the policy never writes, in Japanese and English', () => {
    const pack = loadPolicyPack(writePack({ '1.md': FIXTURE }));
    const without = buildPolicySearch(pack, vocabulary);
    const withKeywords = buildPolicySearch(pack, {
      ...vocabulary,
      keywords: {
        '組織的対策 3': { ja: ['裏紙', 'シュレッダー'], en: ['shredder', 'scrap paper'], asked: [] },
      },
    });
    expect(without.search('シュレッダーはどこ？').hits[0]?.section.id).not.toBe('組織的対策 3');
    expect(withKeywords.search('書類はシュレッダーにかける？').hits[0]?.section.id).toBe('組織的対策 3');
    expect(withKeywords.search('Can I use the shredder for old papers?').hits[0]?.section.id).toBe(
      '組織的対策 3',
    );
    // Plural and stop-words: "shredders" meets the keyword "shredder".
    expect(withKeywords.search('Where are the shredders?').hits[0]?.section.id).toBe('組織的対策 3');
  });

  it('finds a section by the example questions it answers, never showing them as an excerpt', () => {
    const pack = loadPolicyPack(writePack({ '1.md': FIXTURE }));
    const question = '取引先にもらった見積書の控え、要らなくなったらどうする？';
    expect(buildPolicySearch(pack, vocabulary).search(question).hits[0]?.section.id).not.toBe('組織的対策 3');
    const withAsked = buildPolicySearch(pack, {
      ...vocabulary,
      keywords: {
        '組織的対策 3': { ja: [], en: [], asked: ['見積書の控えとか要らなくなった書類ってどうすればいい？'] },
      },
    });
    const hit = withAsked.search(question).hits[0]?.section;
    expect(hit?.id).toBe('組織的対策 3');
    if (!hit) return;
    expect(withAsked.selectExcerpt(hit, question).text).toContain('書類は細断して廃棄する。');
  });

  it('puts first the section with an example question put like this one, over words spread across examples', () => {
    const pack = loadPolicyPack(
      writePack({
        '1.md': `${frontMatter('組織的対策')}# 組織的対策

## 1 書類の保管

書類は施錠できる棚に保管する。

## 2 書類の廃棄

書類は細断して廃棄する。
`,
      }),
    );
    // 組織的対策 1's examples hold the question's words more often, in separate questions; one example of
    // 組織的対策 2 is the question itself in other words.
    const keywords = {
      '組織的対策 1': {
        ja: [],
        en: [],
        asked: [
          '古い見積書はどこに置く？',
          '見積書の控えはどの棚？',
          '控えの束はどこ？',
          '古い控えの束は？',
          '要らなくなった見積書は？',
        ],
      },
      '組織的対策 2': {
        ja: [],
        en: [],
        asked: ['古い見積書の控えの束、要らないけどどうする？', '会議の資料は？'],
      },
    };
    const question = '要らなくなった古い見積書の控えの束、どうする？';
    const top = (exampleWeight: number): string | undefined =>
      buildPolicySearch(
        pack,
        { ...vocabulary, keywords },
        { params: { ...DEFAULT_SCORE_PARAMS, exampleWeight } },
      ).search(question).hits[0]?.section.id;
    expect(top(0)).toBe('組織的対策 1');
    expect(top(DEFAULT_SCORE_PARAMS.exampleWeight)).toBe('組織的対策 2');
  });

  it('searches general English words when a section has them, and never takes them for a topic', () => {
    const pack = loadPolicyPack(writePack({ '1.md': FIXTURE }));
    const glossary = { ...vocabulary.glossary, general: ['actually', 'fix'] };
    const keywords = { '組織的対策 1': { ja: [], en: ['fix a weak password'], asked: [] } };
    const plain = buildPolicySearch(pack, { ...vocabulary, glossary });
    // Unknown to the index, "actually" neither counts against the answer nor is searched.
    expect(plain.search('How long must a password actually be?').confidence).toBe(
      plain.search('How long must a password be?').confidence,
    );
    // "fix" is in a section's keywords: it is searched and finds that section.
    const withKeywords = buildPolicySearch(pack, { ...vocabulary, glossary, keywords });
    expect(withKeywords.search('How do I fix it?').hits[0]?.section.id).toBe('組織的対策 1');
    // … lightly, and it never counts towards the confidence (see confidence.ts).
    const fix = withKeywords.trace('How do I fix it?').query.concepts.find((c) => c.source === 'fix');
    expect(fix?.general).toBe(true);
    const asPlainWord = buildPolicySearch(pack, { ...vocabulary, keywords });
    const plainFix = asPlainWord.trace('How do I fix it?').query.concepts.find((c) => c.source === 'fix');
    expect(fix?.weight).toBeCloseTo((plainFix?.weight ?? 0) / 2);
  });

  it('refuses keywords of a section the pack does not have', () => {
    const pack = loadPolicyPack(writePack({ '1.md': FIXTURE }));
    expect(() =>
      buildPolicySearch(pack, {
        ...vocabulary,
        keywords: { '組織的対策 9': { ja: ['裏紙'], en: [], asked: [] } },
      }),
    ).toThrow(/組織的対策 9: no such section/);
  });

  it('picks the key line for the excerpt and keeps a table row with its header', () => {
    const section = search.search('持ち出しの承認者の記録').hits[0]?.section;
    expect(section?.id).toBe('組織的対策 2.1');
    if (!section) return;
    const excerpt = search.selectExcerpt(section, '持ち出しの承認者の記録');
    expect(excerpt.text).toContain('承認者 | 許可した所属部門長の氏名');
    expect(excerpt.text).toContain('項目 | 内容');
  });
});

describe('PolicySearch on the real pack', () => {
  const { search } = loadPolicySearch(PACK_DIR);
  const top = (q: string): string | undefined => search.search(q).hits[0]?.section.id;

  it.each([
    ['社外秘の資料を持ち出すときは誰の許可が必要？', '組織的対策 5.6'],
    ['特権アカウントのパスワードは何文字以上？', '組織的対策 6.10'],
    ['退職するとき会社の資料はどうする？', '人的対策 3'],
    ['PC等の認証ログって何年保存する？', '技術的対策 3.8.3'],
    ['脆弱性の管理手順書はどのくらいの頻度で見直す？', '技術的対策 6.6.8'],
    ['Who approves taking top secret information out of the office?', '組織的対策 5.6'],
    ['How often do we have to review the vulnerability management procedure?', '技術的対策 6.6.8'],
  ])('%s → %s', (question, id) => {
    expect(top(question)).toBe(id);
  });

  it.each([
    '交通費の精算はどうやるの？',
    '社内の飲み会の幹事ってどうやって決まるの？',
    '今年の忘年会の会費っていくら？',
    'Where can I find the company canteen opening hours?',
  ])('abstains on out-of-scope: %s', (question) => {
    expect(search.search(question).abstained).toBe(true);
  });

  it('keeps excerpts within 500 characters and on the point', () => {
    const question = '社外秘の資料を持ち出すときは誰の許可が必要？';
    const section = search.search(question).hits[0]?.section;
    if (!section) throw new Error('no hit');
    const excerpt = search.selectExcerpt(section, question);
    expect([...excerpt.text].length).toBeLessThanOrEqual(500);
    expect(excerpt.text).toContain('社外秘の場合は所属部門長の許可を得る。');
    expect(excerpt.lines.length).toBeGreaterThan(0);
    const short = search.selectExcerpt(section, question, 80);
    expect([...short.text].length).toBeLessThanOrEqual(80);
  });

  it('answers quickly', () => {
    const start = performance.now();
    for (let i = 0; i < 50; i++) search.search('私物のスマホで会社のメールを見てもいい？');
    expect((performance.now() - start) / 50).toBeLessThan(50);
  });
});
