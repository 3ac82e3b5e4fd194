import type { FieldName } from './index-builder';
import type { Concept } from './query';

/** The knobs of the section ranking (score.ts), tuned on the development questions as a whole. */
export interface ScoreParams {
  k1: number;
  b: Record<FieldName, number>;
  fieldWeight: Record<FieldName, number>;
  /** Weight of the line-level evidence added to the BM25F score. */
  lineWeight: number;
  /** Consecutive units (lines, cell lines) that count as one place for the line-level evidence. */
  lineWindow: number;
  /** Share of the score a section loses when it lies in a scope the question does not mention. */
  scopePenalty: number;
  /** Factor on the weight of an action or event concept (the question's predicate), for ranking. */
  roleBoost: number;
  /** Factor on the weight of an implied concept (the incident a mishap that happened implies). */
  impliedWeight: number;
  /** Extra evidence of an action named in the section's own title (持ち出す → 情報資産の社外持ち出し). */
  actionTitleBonus: number;
  /** Evidence of the implied incident in a section titled by the mishap's object and naming the mishap. */
  ruleBonus: number;
  /** Extra evidence of the predicate (action, event, implied incident) named in an ancestor's title. */
  predicateContextBonus: number;
  /** Share of the score a section on preventing a mishap loses when the question says it happened. */
  preventionPenalty: number;
  /**
   * How much less a concept earns when found through a wording lighter than the concept (Dropbox found
   * as クラウドサービス rather than オンラインストレージ): (wording weight / concept weight)^this, at most 1.
   */
  altSpecificity: number;
  /** Weight of the closest example question's similarity when the best sections are reordered (search.ts). */
  exampleWeight: number;
  /** How many of the best sections are reordered by their example questions. */
  exampleDepth: number;
  /**
   * The section of the single closest example question is among the first this many (moved up to the
   * last of them when below): the answer's related sections then show where the most similar question
   * was answered, whatever the ranking's words say.
   */
  nearestAmong: number;
}

export const DEFAULT_SCORE_PARAMS: ScoreParams = {
  k1: 1.2,
  b: { title: 0.3, body: 0.5, context: 0.3, keywords: 0.3, asked: 0.5, trade: 0.5 },
  fieldWeight: { title: 2.5, body: 0.7, context: 0.5, keywords: 1.5, asked: 1.5, trade: 0.3 },
  lineWeight: 1,
  lineWindow: 3,
  scopePenalty: 0.3,
  roleBoost: 1.5,
  impliedWeight: 1.85,
  actionTitleBonus: 0.5,
  ruleBonus: 2,
  predicateContextBonus: 0.5,
  preventionPenalty: 0.3,
  altSpecificity: 0.5,
  exampleWeight: 0.4,
  exampleDepth: 20,
  nearestAmong: 3,
};

/** The weight a concept ranks with. */
export function rankWeight(c: Concept, p: ScoreParams): number {
  return c.weight * (c.role ? p.roleBoost : 1) * (c.implied ? p.impliedWeight : 1);
}
