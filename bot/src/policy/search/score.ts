import { FIELDS, type PolicyIndex } from './index-builder';
import { DEFAULT_SCORE_PARAMS, rankWeight, type ScoreParams } from './params';
import type { Concept } from './query';

export { DEFAULT_SCORE_PARAMS, type ScoreParams } from './params';

/**
 * Scores sections for the concepts of a question (weights: params.ts — the predicate of the question,
 * what it asks about doing or what went wrong, weighs above the objects around it).
 * - `bm25`: BM25F over title (boosted), body and ancestor titles; a concept counts with its best-matching
 *   wording, as the share of that wording's idf mass found (saturated by term frequency), times its weight.
 * - `bestLine`: the same with presence only, over the section title plus its best window of lineWindow
 *   consecutive units (lines, or cell lines of a long table row) — the evidence is in one place, not a
 *   long section mentioning each word once somewhere.
 * - a bonus for the predicate named in the section's title (an action) or an ancestor's title.
 * - `found`: the concept weight the section contains anywhere (for the confidence, see confidence.ts).
 * The sum is multiplied by the section's prior (scopes, prevention: search.ts).
 */
export interface DocScore {
  doc: number;
  score: number;
  bm25: number;
  bestLine: number;
  /** Concept weight found anywhere in the section (presence, best wording per concept). */
  found: number;
}

/** Reusable per-document or per-line accumulators: scoring allocates once per question. */
export class Acc {
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

const DOC_ACCS = [
  'bm25',
  'present',
  'titleTotal',
  'bonus',
  'best',
  'pres',
  'titleBest',
  'contextBest',
  'eventFound',
  'objectTitle',
] as const;
const TERM_ACCS = ['sat', 'any', 'title', 'context'] as const;
const LINE_ACCS = ['lineExtra', 'lineBest', 'lines', 'windowBest'] as const;
type Work = Record<(typeof DOC_ACCS)[number] | (typeof TERM_ACCS)[number] | (typeof LINE_ACCS)[number], Acc>;

/**
 * The accumulators of an index, made once and reused by every question (scoring is synchronous, so one
 * set per index is enough; each is cleared before use): a question allocates almost nothing.
 */
const workOf = new WeakMap<PolicyIndex, Work>();
function work(index: PolicyIndex): Work {
  let w = workOf.get(index);
  if (!w) {
    const make = (names: readonly string[], n: number): [string, Acc][] => names.map((k) => [k, new Acc(n)]);
    const docs = index.docs.length;
    const lines = index.lines.length;
    w = Object.fromEntries([
      ...make(DOC_ACCS, docs),
      ...make(TERM_ACCS, docs),
      ...make(LINE_ACCS, lines),
    ]) as Work;
    workOf.set(index, w);
  }
  for (const acc of Object.values(w)) acc.clear();
  return w;
}

export function scoreDocs(
  index: PolicyIndex,
  concepts: Concept[],
  p: ScoreParams = DEFAULT_SCORE_PARAMS,
  prior: (doc: number) => number = () => 1,
): DocScore[] {
  const nDocs = index.docs.length;
  const objectMax = Math.max(0, ...concepts.filter((c) => !c.role && !c.implied).map((c) => c.weight));
  const w0 = work(index);
  const { bm25, present, titleTotal, bonus, best, pres, titleBest, contextBest, eventFound, objectTitle } =
    w0;
  const { sat, any, title, context, lineExtra, lineBest, lines, windowBest } = w0;

  for (const c of concepts) {
    const w = rankWeight(c, p);
    if (w <= 0) continue;
    for (const alt of c.alts) {
      const idfs = alt.map((t) => index.idf(t));
      const mass = idfs.reduce((s, x) => s + x, 0);
      if (mass <= 0) continue;
      const spec = Math.min(1, (mass / Math.sqrt(alt.length) / c.weight) ** p.altSpecificity);
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
          if (tf.context) context.add(doc, idf);
        }
        for (const line of index.linePostings.get(t) ?? []) lines.add(line, idf);
      });
      for (const doc of sat.touched) best.max(doc, (spec * sat.get(doc)) / mass);
      for (const doc of any.touched) pres.max(doc, any.get(doc) / mass);
      for (const doc of title.touched) titleBest.max(doc, (spec * title.get(doc)) / mass);
      for (const doc of context.touched) contextBest.max(doc, (spec * context.get(doc)) / mass);
      // A line's share is over the line and its section title together.
      for (const line of lines.touched) {
        const { doc, terms } = index.lines[line] ?? { doc: -1, terms: new Set<string>() };
        const titleTerms = index.docs[doc]?.titleTerms;
        let found = lines.get(line);
        alt.forEach((t, i) => {
          if (!terms.has(t) && titleTerms?.has(t)) found += idfs[i] ?? 0;
        });
        lineBest.max(line, (spec * found) / mass);
      }
      for (const acc of [sat, any, title, context, lines]) acc.clear();
    }
    for (const doc of best.touched) bm25.add(doc, w * best.get(doc));
    if (!c.general) for (const doc of pres.touched) present.add(doc, c.weight * pres.get(doc));
    if (c.role === 'event') for (const doc of pres.touched) eventFound.max(doc, pres.get(doc));
    if (!c.role && !c.implied && c.weight >= objectMax)
      for (const doc of titleBest.touched) objectTitle.max(doc, titleBest.get(doc));
    // A section titled by what the mishap happened to, naming the mishap, has the rule for it (パスワード
    // の条件: 漏えいが判明した場合は変更): it answers as well as the incident procedure does.
    if (c.implied)
      for (const doc of eventFound.touched)
        if (objectTitle.get(doc) >= 0.99) bonus.add(doc, p.ruleBonus * w * eventFound.get(doc));
    for (const doc of titleBest.touched) titleTotal.add(doc, w * titleBest.get(doc));
    const tb = c.role === 'action' ? p.actionTitleBonus : 0;
    const cb = c.role !== undefined || c.implied ? p.predicateContextBonus : 0;
    for (const doc of titleBest.touched) bonus.add(doc, w * tb * titleBest.get(doc));
    for (const doc of contextBest.touched) bonus.add(doc, w * cb * contextBest.get(doc));
    // A window is named by its first unit; a unit's share counts for the windows of its section it is in.
    for (const line of lineBest.touched) {
      const doc = index.lines[line]?.doc ?? -1;
      // A window never joins an example question to a line of the policy.
      const asked = index.lines[line]?.asked;
      for (
        let k = line;
        k > line - p.lineWindow && index.lines[k]?.doc === doc && index.lines[k]?.asked === asked;
        k--
      )
        windowBest.max(k, lineBest.get(line));
    }
    for (const start of windowBest.touched) {
      const t = titleBest.get(index.lines[start]?.doc ?? -1);
      lineExtra.add(start, w * (Math.max(windowBest.get(start), t) - t));
    }
    for (const acc of [windowBest, best, pres, titleBest, contextBest, lineBest]) acc.clear();
  }

  // lineExtra holds what each window adds over its section title; a section's best is title + the most.
  const bestLine = new Float64Array(nDocs);
  for (const doc of titleTotal.touched) bestLine[doc] = titleTotal.get(doc);
  for (const line of lineExtra.touched) {
    const doc = index.lines[line]?.doc ?? -1;
    bestLine[doc] = Math.max(bestLine[doc] ?? 0, titleTotal.get(doc) + lineExtra.get(line));
  }
  const out: DocScore[] = bm25.touched.map((doc) => {
    const b = bm25.get(doc);
    const line = bestLine[doc] ?? 0;
    const score = (b + p.lineWeight * line + bonus.get(doc)) * prior(doc);
    return { doc, score, bm25: b, bestLine: line, found: present.get(doc) };
  });
  return out.sort((a, b) => b.score - a.score || a.doc - b.doc);
}
