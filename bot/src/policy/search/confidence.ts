import type { PolicyIndex } from './index-builder';
import type { Concept } from './query';
import type { DocScore } from './score';

/**
 * How sure the search is that the policy answers the question, from four measures of the evidence:
 * - `share`: the share of the question's concept weight that one of the best CONFIDENCE_HITS sections
 *   contains (its title, body or scope) — the answer shows related sections too — where a concept the
 *   policy has no wording for (忘年会, 通勤手当, parental, and compounds only partly made of policy
 *   characters: エアコン, コーヒーマシン, 時短勤務) weighs UNKNOWN_FACTOR times as much: an unknown topic is
 *   the clearest sign of a question the policy does not cover. Off-topic words (給与, 有給, see
 *   thesaurus.yaml) are such concepts, heavier still. General English words do not count; the
 *   incident a mishap implies does. When a mishap has happened, the incident procedure answers it
 *   whatever it happened to, so every idea the policy knows counts as found (USBメモリをなくした).
 * - `ideas`: how many such concepts the question has. The same share is stronger evidence over more
 *   ideas: a question of one or two policy words (個人のAmazonのパスワード) is matched by chance more
 *   easily than one whose five ideas are mostly found in one section.
 * - `near`: how close the question is to the nearest example question of the pack (keywords.yaml's
 *   and questions.jsonl's answered ones, examples.ts): a question put like one the policy answers is
 *   trusted more, whatever its unknown nouns.
 * - `unanswered`: how close it is to the nearest question the policy does not answer
 *   (unanswered.yaml, and questions.jsonl's questions without sections): a question put like one of
 *   those is trusted less. It is measured in the same index, with the same word weights, as the
 *   nearest answered question of questions.jsonl, so the two compare fairly.
 * A question that one section holds all of (share ≥ FULL_SHARE) is answered whatever its number of
 * ideas ("same password for everything"): of 785 such questions in the evaluation sets, two were out
 * of scope. Otherwise the confidence is a logistic function of the four (CONFIDENCE_MODEL), fitted with
 * `bench/fit-confidence.ts` on evaluation sets as a whole: the development set and the held-out sets
 * heldout to heldout-127 of test/fixtures (name those files to reproduce it; heldout-136 to -159 came
 * later and measured it, docs/policy-qa.md). The questions of heldout to -111 are also in
 * questions.jsonl; the fit measures each of those sets with a search built without its fold of sets,
 * as questions of a company the file has never heard from.
 *
 * DEFAULT_THRESHOLD is calibrated on the same sets as a whole (`bench/fit-confidence.ts` prints both):
 * among thresholds whose false abstention on in-scope questions is at most 2.5 % (`--max-false=0.025`;
 * the target is 5 %, the margin is for questions unlike these) on all the sets together and on the
 * development set alone (the set the targets name: 45 in-scope questions, so at most one), the one
 * abstaining on the most out-of-scope questions, in the middle of its interval. On those sets: 94.6 %
 * abstention at 1.8 % false abstention; without the development set's own bound the threshold would
 * be 0.525 (95.8 % at 2.5 %), with two of its questions abstained on. Refit when the method, the pack
 * or its vocabulary change.
 */
export const UNKNOWN_FACTOR = 1.5;
export const CONFIDENCE_MODEL = {
  share: 5.51,
  ideas: 5.627,
  near: 13.331,
  unanswered: -12.785,
  bias: -15.438,
};
export const DEFAULT_THRESHOLD = 0.424;
export const CONFIDENCE_HITS = 3;
/** A question is fully found when one section holds this share of it: nearly always one the policy covers. */
export const FULL_SHARE = 0.99;
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

export interface Evidence {
  share: number;
  ideas: number;
  /** How close the question is to the nearest example question of any section (0–1, examples.ts). */
  near: number;
  /** How close it is to the nearest question the policy does not answer (unanswered.yaml, questions.jsonl), 0–1. */
  unanswered: number;
}

/** The evidence for a question from its concepts and its sections, best first. */
export function evidenceOf(
  index: PolicyIndex,
  concepts: Concept[],
  scored: readonly DocScore[],
): Omit<Evidence, 'near' | 'unanswered'> {
  const hits = scored.slice(0, CONFIDENCE_HITS);
  let total = 0;
  let known = 0;
  let ideas = 0;
  let incident = false;
  for (const c of concepts) {
    if (c.general) continue;
    const unknown = isUnknown(index, c);
    // An implied incident is the policy's idea, not the user's: it counts only where the policy has it.
    if (c.implied && unknown) continue;
    if (c.implied) incident = true;
    total += c.weight * (unknown ? UNKNOWN_FACTOR : 1);
    if (!unknown) known += c.weight;
    ideas += 1;
  }
  if (hits.length === 0 || total <= 0) return { share: 0, ideas };
  const found = Math.max(...hits.map((h) => h.found));
  // A mishap that happened is answered by the incident procedure whatever it happened to: the policy's
  // words for that (USBメモリ, 顧客名簿) need not be in the procedure's section.
  const share = incident ? Math.max(found, known) : found;
  return { share: Math.min(1, share / total), ideas };
}

/** The confidence for some evidence (0..1); none when nothing of the question was found. */
export function confidenceFrom(e: Evidence, model = CONFIDENCE_MODEL): number {
  if (e.share <= 0) return 0;
  if (e.share >= FULL_SHARE) return 1;
  const z =
    model.bias +
    model.share * e.share +
    model.ideas * Math.log1p(e.ideas) +
    model.near * e.near +
    model.unanswered * e.unanswered;
  return 1 / (1 + Math.exp(-z));
}
