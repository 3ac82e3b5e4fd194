import type { PolicyIndex } from './index-builder';
import type { Concept } from './query';
import type { DocScore } from './score';

/**
 * How sure the search is that the policy answers the question: the share of the question's concept
 * weight that one of the best CONFIDENCE_HITS sections contains (its title, body or scope) — the answer
 * shows related sections too — where a concept the policy has no wording for (忘年会, 通勤手当, parental,
 * and compounds only partly made of policy characters: エアコン, コーヒーマシン, 時短勤務) weighs
 * UNKNOWN_FACTOR times as much: an unknown topic is the clearest sign of a question the policy does not
 * cover. Off-topic words (給与, 有給, see thesaurus.yaml) are such concepts, heavier still.
 * Implied concepts (the incident a mishap implies) are not the user's words and do not count.
 *
 * DEFAULT_THRESHOLD is calibrated on the development set as a whole (`bench/qa.ts --calibrate`): the
 * value maximising balanced accuracy of the abstain decision (abstention on out-of-scope questions plus
 * answers on in-scope ones), the middle of the widest such interval. Recalibrate when the method, the
 * pack or its vocabulary change.
 */
export const UNKNOWN_FACTOR = 1.5;
export const DEFAULT_THRESHOLD = 0.367;
export const CONFIDENCE_HITS = 3;
/** A wording is unknown when at least this share of its character terms is found in no section. */
export const UNKNOWN_SHARE = 0.5;

/**
 * A concept is unknown when none of its wordings is the policy's: in each, at least UNKNOWN_SHARE of the
 * character terms (bigrams, lone kanji, Latin words) are in no section — エアコン shares only コン with
 * パソコン, but a compound of policy words (社外秘資料) keeps it: only the bigram at the joint (秘資) is new.
 * Segmenter words (`w:`) do not decide but for a wording that has nothing else.
 */
export function isUnknown(index: PolicyIndex, c: Concept): boolean {
  return c.alts.every((alt) => {
    const chars = alt.filter((t) => !t.startsWith('w:'));
    const unknown = chars.filter((t) => index.idf(t) >= index.idfMax).length;
    return chars.length > 0
      ? unknown >= chars.length * UNKNOWN_SHARE
      : alt.every((t) => index.idf(t) >= index.idfMax);
  });
}

export function confidenceOf(
  index: PolicyIndex,
  concepts: Concept[],
  scored: DocScore | readonly DocScore[] | undefined,
): number {
  const hits = scored === undefined ? [] : 'doc' in scored ? [scored] : scored.slice(0, CONFIDENCE_HITS);
  let total = 0;
  for (const c of concepts)
    if (!c.implied && !c.general) total += c.weight * (isUnknown(index, c) ? UNKNOWN_FACTOR : 1);
  if (hits.length === 0 || total <= 0) return 0;
  return Math.min(1, Math.max(...hits.map((h) => h.found)) / total);
}
