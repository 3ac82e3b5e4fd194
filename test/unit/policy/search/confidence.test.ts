import { loadPolicyPack } from '../../../../bot/src/policy/pack';
import { isUnknown } from '../../../../bot/src/policy/search/confidence';
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
