import { FIELDS, type FieldName, type PolicyIndex } from './index-builder';
import type { Concept } from './query';

/**
 * Scores sections for the concepts of a question.
 * - `bm25`: BM25F over title (boosted), body and ancestor titles; a concept counts with its best-matching
 *   wording, as the share of that wording's idf mass found (saturated by term frequency), times its weight.
 * - `bestLine`: the same with presence only, over the section title plus its single best line — the
 *   evidence is in one place, not a long section mentioning each word once somewhere.
 * - `found`: the concept weight the section contains anywhere (for the confidence, see confidence.ts).
 */
export interface ScoreParams {
  k1: number;
  b: Record<FieldName, number>;
  fieldWeight: Record<FieldName, number>;
  /** Weight of the line-level evidence added to the BM25F score. */
  lineWeight: number;
  /** Share of the score a section loses when it lies in a scope the question does not mention. */
  scopePenalty: number;
}

export const DEFAULT_SCORE_PARAMS: ScoreParams = {
  k1: 1.2,
  b: { title: 0.3, body: 0.5, context: 0.3 },
  fieldWeight: { title: 2.5, body: 1, context: 0.5 },
  lineWeight: 1,
  scopePenalty: 0.3,
};

export interface DocScore {
  doc: number;
  score: number;
  bm25: number;
  bestLine: number;
  /** Concept weight found anywhere in the section (presence, best wording per concept). */
  found: number;
}

/** Reusable per-document or per-line accumulators: scoring allocates once per question. */
class Acc {
  readonly v: Float64Array;
  readonly touched: number[] = [];
  constructor(n: number) {
    this.v = new Float64Array(n);
  }
  add(k: number, x: number): void {
    if (this.v[k] === 0) this.touched.push(k);
    this.v[k] = (this.v[k] ?? 0) + x;
  }
  max(k: number, x: number): void {
    if (x <= (this.v[k] ?? 0)) return;
    if (this.v[k] === 0) this.touched.push(k);
    this.v[k] = x;
  }
  get(k: number): number {
    return this.v[k] ?? 0;
  }
  clear(): void {
    for (const k of this.touched) this.v[k] = 0;
    this.touched.length = 0;
  }
}

export function scoreDocs(
  index: PolicyIndex,
  concepts: Concept[],
  p = DEFAULT_SCORE_PARAMS,
  outOfScope: (doc: number) => boolean = () => false,
): DocScore[] {
  const nDocs = index.docs.length;
  const nLines = index.lines.length;
  const [bm25, present, titleTotal, best, pres, titleBest, sat, any, title] = Array.from(
    { length: 9 },
    () => new Acc(nDocs),
  ) as [Acc, Acc, Acc, Acc, Acc, Acc, Acc, Acc, Acc];
  const [lineExtra, lineBest, lines] = [new Acc(nLines), new Acc(nLines), new Acc(nLines)];

  for (const c of concepts) {
    if (c.weight <= 0) continue;
    for (const alt of c.alts) {
      const idfs = alt.map((t) => index.idf(t));
      const mass = idfs.reduce((s, x) => s + x, 0);
      if (mass <= 0) continue;
      alt.forEach((t, i) => {
        const idf = idfs[i] ?? 0;
        for (const { doc, tf } of index.postings.get(t) ?? []) {
          const len = index.docs[doc]?.length;
          let x = 0;
          for (const f of FIELDS) {
            if (!tf[f] || !len) continue;
            x += (p.fieldWeight[f] * tf[f]) / (1 - p.b[f] + (p.b[f] * len[f]) / index.avgLength[f]);
          }
          sat.add(doc, (idf * x) / (p.k1 + x));
          any.add(doc, idf);
          if (tf.title) title.add(doc, idf);
        }
        for (const line of index.linePostings.get(t) ?? []) lines.add(line, idf);
      });
      for (const doc of sat.touched) best.max(doc, sat.get(doc) / mass);
      for (const doc of any.touched) pres.max(doc, any.get(doc) / mass);
      for (const doc of title.touched) titleBest.max(doc, title.get(doc) / mass);
      // A line's share is over the line and its section title together.
      for (const line of lines.touched) {
        const { doc, terms } = index.lines[line] ?? { doc: -1, terms: new Set<string>() };
        const titleTerms = index.docs[doc]?.titleTerms;
        let found = lines.get(line);
        alt.forEach((t, i) => {
          if (!terms.has(t) && titleTerms?.has(t)) found += idfs[i] ?? 0;
        });
        lineBest.max(line, found / mass);
      }
      sat.clear();
      any.clear();
      title.clear();
      lines.clear();
    }
    for (const doc of best.touched) bm25.add(doc, c.weight * best.get(doc));
    for (const doc of pres.touched) present.add(doc, c.weight * pres.get(doc));
    for (const doc of titleBest.touched) titleTotal.add(doc, c.weight * titleBest.get(doc));
    for (const line of lineBest.touched) {
      const t = titleBest.get(index.lines[line]?.doc ?? -1);
      lineExtra.add(line, c.weight * (Math.max(lineBest.get(line), t) - t));
    }
    best.clear();
    pres.clear();
    titleBest.clear();
    lineBest.clear();
  }

  // lineExtra holds what each line adds over its section title; a section's best line is title + the most.
  const bestLine = new Float64Array(nDocs);
  for (const doc of titleTotal.touched) bestLine[doc] = titleTotal.get(doc);
  for (const line of lineExtra.touched) {
    const doc = index.lines[line]?.doc ?? -1;
    bestLine[doc] = Math.max(bestLine[doc] ?? 0, titleTotal.get(doc) + lineExtra.get(line));
  }
  const out: DocScore[] = bm25.touched.map((doc) => {
    const b = bm25.get(doc);
    const line = bestLine[doc] ?? 0;
    const score = (b + p.lineWeight * line) * (outOfScope(doc) ? 1 - p.scopePenalty : 1);
    return { doc, score, bm25: b, bestLine: line, found: present.get(doc) };
  });
  return out.sort((a, b) => b.score - a.score || a.doc - b.doc);
}
