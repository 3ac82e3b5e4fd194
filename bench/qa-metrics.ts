// Scoring of Policy Q&A answers against an evaluation set (see ../shared/eval/README.md).
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { normalize } from '../bot/src/policy/search';

export const evalItemSchema = z.object({
  id: z.string().min(1),
  lang: z.enum(['ja', 'en']).optional(),
  question: z.string(),
  gold: z.array(z.string()),
  answer_facts: z.array(z.string()).default([]),
  kind: z.string().min(1),
});
export type EvalItem = z.infer<typeof evalItemSchema>;

export function readEvalSet(file: string): EvalItem[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .map((line, i) => ({ line: line.trim(), n: i + 1 }))
    .filter(({ line }) => line)
    .map(({ line, n }) => {
      const parsed = evalItemSchema.safeParse(JSON.parse(line));
      if (!parsed.success)
        throw new Error(`${file}:${n}: ${parsed.error.issues.map((i) => i.message).join('; ')}`);
      return parsed.data;
    });
}

/** A citation matches a gold id when it is that id or one of its numbered sub-sections. */
export function citationMatches(citation: string, gold: string[]): boolean {
  return gold.some((g) => citation === g || citation.startsWith(`${g}.`));
}

const segmenter = new Intl.Segmenter('ja', { granularity: 'word' });
const GENERIC = new Set(['など', 'こと', 'もの', 'ため', 'する', '場合', '以下', '又は', 'および', '及び']);

/**
 * The key terms of a fact: its words (Intl.Segmenter) with a kanji, katakana, Latin letter or digit,
 * normalised, without generic function words.
 */
export function keyTerms(fact: string): string[] {
  const terms = new Set<string>();
  for (const s of segmenter.segment(fact.normalize('NFKC'))) {
    if (!s.isWordLike) continue;
    const w = normalize(s.segment).replace(/\s+/g, '');
    if (!w || GENERIC.has(w) || !/[\p{Script=Han}\p{Script=Katakana}a-z0-9]/u.test(w)) continue;
    terms.add(w);
  }
  return [...terms];
}

/** A fact counts as covered when at least 3/4 of its key terms appear in the answer. */
export const FACT_TERM_SHARE = 0.75;

export function factCovered(fact: string, answer: string): boolean {
  const terms = keyTerms(fact);
  if (terms.length === 0) return true;
  const text = normalize(answer).replace(/\s+/g, '');
  return terms.filter((t) => text.includes(t)).length / terms.length >= FACT_TERM_SHARE;
}

export const percentile = (sorted: number[], p: number): number =>
  sorted.length === 0
    ? NaN
    : (sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN);

export interface CalibrationPoint {
  confidence: number;
  outOfScope: boolean;
}

/**
 * The abstention threshold for a set as a whole, following the product targets: among thresholds whose
 * false abstention on in-scope questions is at most `maxFalseAbstention` (5%), those that abstain on the
 * most out-of-scope questions, then those with the fewest false abstentions; the threshold is the middle
 * of the widest remaining gap between neighbouring confidence values.
 */
export function calibrateThreshold(
  points: CalibrationPoint[],
  maxFalseAbstention = 0.05,
  /** Subsets (a set that matters on its own) whose false abstention must be within the bound too. */
  alsoWithin: CalibrationPoint[][] = [],
): { threshold: number; abstention: number; falseAbstention: number } {
  const values = [...new Set(points.map((p) => p.confidence))].sort((a, b) => a - b);
  const oos = points.filter((p) => p.outOfScope);
  const ins = points.filter((p) => !p.outOfScope);
  const rate = (xs: CalibrationPoint[], t: number): number =>
    xs.length ? xs.filter((p) => p.confidence < t).length / xs.length : 0;
  // Between two neighbouring confidence values every threshold decides alike: score each gap once.
  const gaps = [0, ...values]
    .map((lo, i) => ({ lo, hi: values[i] ?? 1 }))
    .filter((g) => g.hi > g.lo || g.lo === 0);
  const scored = gaps
    .map((g) => ({ ...g, abst: rate(oos, g.hi), fa: rate(ins, g.hi) }))
    .filter(
      (g) =>
        g.fa <= maxFalseAbstention &&
        alsoWithin.every(
          (xs) =>
            rate(
              xs.filter((p) => !p.outOfScope),
              g.hi,
            ) <= maxFalseAbstention,
        ),
    );
  const best = scored.reduce(
    (w, g) =>
      g.abst > w.abst || (g.abst === w.abst && (g.fa < w.fa || (g.fa === w.fa && g.hi - g.lo > w.hi - w.lo)))
        ? g
        : w,
    { lo: 0, hi: 0, abst: -1, fa: 1 },
  );
  const threshold = Math.round(((best.lo + best.hi) / 2) * 1000) / 1000;
  return { threshold, abstention: rate(oos, threshold), falseAbstention: rate(ins, threshold) };
}
