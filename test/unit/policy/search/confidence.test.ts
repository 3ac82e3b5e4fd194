import { loadPolicyPack } from '../../../../bot/src/policy/pack';
import {
  buildPolicySearch,
  EMPTY_UNANSWERED,
  loadPolicySearch,
  loadVocabulary,
} from '../../../../bot/src/policy/search';
import { confidenceFrom, isUnknown } from '../../../../bot/src/policy/search/confidence';
import { buildIndex } from '../../../../bot/src/policy/search/index-builder';
import { tokenize, uniqueTerms } from '../../../../bot/src/policy/search/tokenize';
import { PACK_DIR } from '../source-text';

const index = buildIndex(loadPolicyPack(PACK_DIR));
const concept = (...wordings: string[]): { alts: string[][]; weight: number; source: string } => ({
  alts: wordings.map((w) => uniqueTerms(tokenize(w))),
  weight: 1,
  source: wordings.join('|'),
});

describe('isUnknown', () => {
  it('knows a word the policy writes, and a compound of policy words the segmenter keeps whole', () => {
    expect(isUnknown(index, concept('パソコン'))).toBe(false);
    expect(isUnknown(index, concept('社外秘資料'))).toBe(false);
  });

  it('does not know a word only partly made of policy characters (コン of パソコン)', () => {
    expect(isUnknown(index, concept('エアコン'))).toBe(true);
    expect(isUnknown(index, concept('忘年会'))).toBe(true);
  });

  it('knows a concept when any one of its wordings is the policy’s', () => {
    expect(isUnknown(index, concept('エアコン', 'パソコン'))).toBe(false);
  });
});

describe('confidenceFrom', () => {
  it('is none when nothing of the question was found', () => {
    expect(confidenceFrom({ share: 0, ideas: 5, near: 1, unanswered: 0 })).toBe(0);
  });

  it('grows with the share of the question found', () => {
    expect(confidenceFrom({ share: 0.9, ideas: 3, near: 0.3, unanswered: 0 })).toBeGreaterThan(
      confidenceFrom({ share: 0.5, ideas: 3, near: 0.3, unanswered: 0 }),
    );
  });

  it('trusts a question more the closer it is to an example question of the pack', () => {
    expect(confidenceFrom({ share: 0.6, ideas: 3, near: 0.7, unanswered: 0 })).toBeGreaterThan(
      confidenceFrom({ share: 0.6, ideas: 3, near: 0.2, unanswered: 0 }),
    );
  });

  it('trusts a question less the closer it is to a question the policy does not answer', () => {
    const e = { share: 0.6, ideas: 3, near: 0.5 };
    expect(confidenceFrom({ ...e, unanswered: 0.8 })).toBeLessThan(confidenceFrom({ ...e, unanswered: 0.1 }));
  });

  it('trusts the same share more over more ideas of the question', () => {
    expect(confidenceFrom({ share: 0.6, ideas: 6, near: 0.3, unanswered: 0 })).toBeGreaterThan(
      confidenceFrom({ share: 0.6, ideas: 2, near: 0.3, unanswered: 0 }),
    );
  });
});

describe('confidence on the default pack', () => {
  const { search } = loadPolicySearch(PACK_DIR);

  it('answers a mishap through the incident it implies, though the policy says nothing of the object', () => {
    const lost = search.search('USBメモリをなくした');
    expect(lost.abstained).toBe(false);
    expect(lost.hits[0]?.section.id).toBe('組織的対策 9.4');
  });

  it('answers short questions of a few policy words', () => {
    for (const q of [
      'パスワードは何文字以上？',
      '退職者のアカウントはいつ消す？',
      'How long must a password be?',
    ])
      expect(search.search(q).abstained).toBe(false);
  });

  it('abstains on a question put like one the policy does not answer, though made of policy words', () => {
    const { pack } = loadPolicySearch(PACK_DIR);
    const vocabulary = loadVocabulary(PACK_DIR);
    // Without unanswered.yaml nor the unanswered questions of questions.jsonl.
    const without = buildPolicySearch(pack, {
      ...vocabulary,
      unanswered: EMPTY_UNANSWERED,
      questions: (vocabulary.questions ?? []).filter((q) => q.sections.length > 0),
    });
    for (const q of [
      'ネットスーパーのアカウントのパスワード忘れた、どうやって戻す？',
      'I forgot the password of my personal Amazon account. How do I reset it?',
    ]) {
      expect(without.search(q).abstained).toBe(false);
      expect(search.search(q).abstained).toBe(true);
    }
    // The policy's own password rules are still answered.
    expect(search.search('会社のPCのパスワードって何文字以上にすればいい？').abstained).toBe(false);
  });
});
