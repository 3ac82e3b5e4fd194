import * as path from 'node:path';
import { answerQuestion, citationOf, MAX_RELATED } from '../../../../bot/src/policy/answer';
import { loadCompanyProfile } from '../../../../bot/src/policy/company-profile';
import { loadPolicySearch, MAX_QUESTION_CHARS } from '../../../../bot/src/policy/search';
import { PACK_DIR } from '../source-text';

const { search } = loadPolicySearch(PACK_DIR);
const profile = loadCompanyProfile(path.join(PACK_DIR, 'company-profile.example.yaml'));

describe('answerQuestion', () => {
  it('quotes the best section with a citation line for a Japanese question', () => {
    const a = answerQuestion(search, '社外秘の資料を持ち出すときは誰の許可が必要？');
    expect(a.abstained).toBe(false);
    expect(a.language).toBe('ja');
    expect(a.best?.section.id).toBe('組織的対策 5.6');
    if (a.best) expect(citationOf(a.best.section)).toBe('組織的対策 5.6 情報資産の社外持ち出し');
    expect(a.answerText.endsWith('\n（組織的対策 5.6 情報資産の社外持ち出し）')).toBe(true);
    expect(a.answerText).toContain('社外秘の場合は所属部門長の許可を得る。');
    expect(a.related.length).toBeLessThanOrEqual(MAX_RELATED);
    expect(a.related.map((r) => r.section.id)).not.toContain('組織的対策 5.6');
  });

  it('frames the Japanese excerpt in English for an English question', () => {
    const a = answerQuestion(search, 'Who approves taking top secret information out of the office?');
    expect(a.language).toBe('en');
    expect(a.answerText.startsWith('According to 組織的対策 5.6 情報資産の社外持ち出し:\n')).toBe(true);
    expect(a.answerText).toContain('極秘の場合は代表取締役の許可を得る。');
  });

  it('says the policy does not cover it, in the question language, with no citation', () => {
    const ja = answerQuestion(search, '今年の忘年会の会費っていくら？');
    expect(ja).toMatchObject({ abstained: true, best: null, related: [], excerpt: null });
    expect(ja.answerText).toContain('見つかりませんでした');
    expect(ja.answerText).toContain('システム管理者');
    const en = answerQuestion(search, 'Where can I find the company canteen opening hours?');
    expect(en.abstained).toBe(true);
    expect(en.answerText).toContain('does not cover');
  });

  it('fills placeholders from the company profile where the meaning is clear', () => {
    const a = answerQuestion(search, 'テレワーク中にウイルスに感染したかもしれない。緊急連絡先は？', {
      profile,
    });
    expect(a.best?.section.id).toBe('人的対策 6.6');
    expect(a.answerText).toContain(`TEL：${profile.contacts.telework.emergency.phone}`);
    expect(a.answerText).toContain(`Mail：${profile.contacts.telework.emergency.email}`);
    expect(a.answerText).not.toContain('○○○○');
    const inspection = answerQuestion(search, '規程の実施状況の点検は何月に行う？', { profile });
    expect(inspection.best?.section.id).toBe('組織的対策 2');
    expect(inspection.answerText).toContain(`${profile.inspectionMonth}月に点検`);
    // The quoted lines take the company's choice; the citation keeps the pack's heading as written.
    expect(inspection.excerpt?.text).not.toContain('監査・点検/点検');
  });

  it('quotes the sample as written without a profile', () => {
    const a = answerQuestion(search, 'テレワーク中にウイルスに感染したかもしれない。緊急連絡先は？');
    expect(a.answerText).toContain('○○○○');
  });
});

describe('answerQuestion with bad input', () => {
  it('answers an empty or blank question with help and no citation', () => {
    for (const q of ['', '   ', '\n\t', '？！。']) {
      const a = answerQuestion(search, q);
      expect(a.abstained).toBe(true);
      expect(a.best).toBeNull();
      expect(a.answerText).toContain('質問してください');
    }
  });

  it('uses the first 2,000 characters of a 20,000-character message', () => {
    const long = `パスワードは何文字以上にすればいい？${'あ'.repeat(20_000)}`;
    const start = performance.now();
    const a = answerQuestion(search, long);
    expect(performance.now() - start).toBeLessThan(2000);
    expect(a.truncated).toBe(true);
    expect([...a.question].length).toBe(MAX_QUESTION_CHARS);
    expect(a.best?.section.id).toBe('組織的対策 6.10');
    expect(answerQuestion(search, 'x'.repeat(20_000)).abstained).toBe(true);
  });

  it('never echoes Markdown, HTML or card-breaking text into the answer', () => {
    const wrapped = answerQuestion(search, '<b>パスワード</b>は**何文字以上**にすればいい？ | ``` ---');
    expect(wrapped.best?.section.id).toBe('組織的対策 6.10');
    const q = '<script>alert(1)</script> [x](javascript:x) | ``` {"type":"AdaptiveCard"} パスワード';
    for (const a of [wrapped, answerQuestion(search, q)])
      for (const bad of ['<b>', '<script>', 'javascript:', 'AdaptiveCard', '```', '**'])
        expect(a.answerText).not.toContain(bad);
  });

  it('copes with emoji and mixed scripts', () => {
    const a = answerQuestion(search, '🔒USBメモリ📎をなくした😱 what should I do？');
    expect(a.abstained).toBe(false);
    expect(a.answerText.length).toBeGreaterThan(0);
    expect(answerQuestion(search, '😀😀😀').abstained).toBe(true);
  });
});
