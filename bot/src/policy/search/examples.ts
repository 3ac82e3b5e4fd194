import { Acc } from './score';
import type { Term } from './tokenize';

/**
 * Example questions as a nearest-neighbour index: keywords.yaml's (`asked`, `trade`) in one, and
 * questions.jsonl's with unanswered.yaml's in another (search.ts). BM25F reads a
 * section's examples as one bag of words; here each stays a question of its own, and a new question is
 * compared with every one of them: 検体の結果を家族にLINEで送っていい？ is closest to another question put
 * the same way, whatever words the policy uses. The similarity is the cosine of the two questions' terms,
 * each weighed by its idf among the examples (a word every example has weighs nothing).
 */
export interface ExampleIndex {
  /** The examples holding each term. */
  postings: Map<Term, number[]>;
  idf: Map<Term, number>;
  /** The section (index document) of each example. */
  doc: Int32Array;
  /** The length of each example's weighted term vector. */
  norm: Float64Array;
  /** Per-example sums of one question, reused (a search is synchronous) and cleared after use. */
  work: Acc;
}

export function buildExampleIndex(units: { doc: number; terms: Set<Term> }[]): ExampleIndex {
  const postings = new Map<Term, number[]>();
  units.forEach((u, i) => {
    for (const t of u.terms) {
      const list = postings.get(t);
      if (list) list.push(i);
      else postings.set(t, [i]);
    }
  });
  const idf = new Map([...postings].map(([t, list]) => [t, Math.log(units.length / list.length)]));

  const norm = new Float64Array(units.length);
  units.forEach((u, i) => {
    let sum = 0;
    for (const t of u.terms) sum += (idf.get(t) ?? 0) ** 2;
    norm[i] = Math.sqrt(sum) || 1;
  });
  return { postings, idf, doc: Int32Array.from(units, (u) => u.doc), norm, work: new Acc(units.length) };
}

/**
 * For each section with an example sharing a term with the question, the similarity of its closest
 * example (0–1). Terms no example has are left out of the question's length: a trade's own noun that
 * the examples never use neither helps nor hurts.
 */
export function nearestExamples(ex: ExampleIndex, terms: Iterable<Term>): Map<number, number> {
  const sums = ex.work;
  let norm = 0;
  for (const t of new Set(terms)) {
    const w = ex.idf.get(t);
    if (!w) continue;
    norm += w * w;
    for (const i of ex.postings.get(t) ?? []) sums.add(i, (w * w) / (ex.norm[i] ?? 1));
  }
  const best = new Map<number, number>();
  const qn = Math.sqrt(norm);
  for (const i of sums.touched) {
    const doc = ex.doc[i] ?? -1;
    const sim = sums.get(i) / qn;
    if (sim > (best.get(doc) ?? 0)) best.set(doc, sim);
  }
  sums.clear();
  return best;
}
