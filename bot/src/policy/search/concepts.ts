import { englishWords, GlossaryMatcher, stem, ThesaurusMatcher } from './matcher';
import { tokenize, uniqueTerms, type Term } from './tokenize';
import type { Glossary, Thesaurus } from './vocabulary';

/**
 * A question becomes a list of concepts. A concept is one idea of the question with its alternative
 * wordings (each a bag of terms); a section expresses the concept when it contains any one wording.
 * Plain words of the question are one-term concepts; a thesaurus or glossary entry gives one concept
 * whose alternatives are the user's word and the policy's terms.
 */
export interface Concept {
  alts: Term[][];
  /** How much the idea weighs: the idf of a plain term; for an entry, the mass of a typical wording. */
  weight: number;
  /** What produced it, for debugging: the term, the matched key or English word. */
  source: string;
}

/** An English word neither glossed nor a stop-word: an unknown topic, weighed a little above an unknown run. */
const UNKNOWN_ENGLISH_FACTOR = 1.2;

/** A wording of a concept, as terms. */
export interface Phrase {
  terms: Term[];
}

export function phrase(text: string): Phrase {
  return { terms: uniqueTerms(tokenize(text)) };
}

export interface QueryContext {
  thesaurus: ThesaurusMatcher;
  glossary: GlossaryMatcher;
  idf: (term: Term) => number;
  idfMax: number;
  /** Tokenised thesaurus `to` phrases and glossary `ja` phrases, by entry. */
  thesaurusAlts: Phrase[][];
  glossaryAlts: Phrase[][];
}

export function queryContext(
  thesaurus: Thesaurus,
  glossary: Glossary,
  idf: (term: Term) => number,
  idfMax: number,
): QueryContext {
  const alts = (phrases: string[]): Phrase[] => phrases.map(phrase).filter((a) => a.terms.length > 0);
  return {
    thesaurus: new ThesaurusMatcher(thesaurus),
    glossary: new GlossaryMatcher(glossary),
    idf,
    idfMax,
    thesaurusAlts: thesaurus.entries.map((e) => alts(e.to)),
    glossaryAlts: glossary.entries.map((e) => alts(e.ja)),
  };
}

/** Mean idf of some terms. */
function meanIdf(ctx: QueryContext, terms: Term[]): number {
  return terms.length ? terms.reduce((s, t) => s + ctx.idf(t), 0) / terms.length : 0;
}

export const known = (ctx: QueryContext, t: Term): boolean => ctx.idf(t) < ctx.idfMax;

/**
 * An entry's concept: the user's words and the policy's terms as alternatives. It weighs what the user's
 * own words weigh when the policy knows them (携帯 stays as common as it is), otherwise what the policy's
 * wordings weigh on average (なくした weighs like 紛失).
 */
export function entryConcept(
  ctx: QueryContext,
  own: Phrase[],
  alts: Phrase[],
  source: string,
): Concept | null {
  const all = [...own, ...alts].filter((a) => a.terms.length > 0);
  const unique = new Map(all.map((a) => [a.terms.join(' '), a.terms]));
  const ownKnown = own.filter((a) => a.terms.length > 0 && a.terms.every((t) => known(ctx, t)));
  const basis = ownKnown.length > 0 ? ownKnown : alts.filter((a) => a.terms.length > 0);
  if (unique.size === 0 || basis.length === 0) return null;
  const weight = basis.reduce((s, a) => s + weightOf(ctx, a), 0) / basis.length;
  return { alts: [...unique.values()], weight, source };
}

/**
 * What a wording weighs: the mean idf of its terms times the square root of their number, so a longer,
 * more specific wording weighs more, but not in proportion to its bigrams.
 */
export function weightOf(ctx: QueryContext, p: Phrase): number {
  return meanIdf(ctx, p.terms) * Math.sqrt(p.terms.length);
}

/** English words: glossary entries, then the words neither glossed nor stop-words as unknown topics. */
export function latinConcepts(ctx: QueryContext, text: string): Concept[] {
  const words = englishWords(text);
  const stems = words.map(stem);
  const covered = new Array<boolean>(stems.length).fill(false);
  const concepts: Concept[] = [];
  const seen = new Set<number>();
  for (const m of ctx.glossary.match(stems)) {
    for (let i = m.start; i < m.end; i++) covered[i] = true;
    if (seen.has(m.entry)) continue;
    seen.add(m.entry);
    const source = words.slice(m.start, m.end).join(' ');
    const c = entryConcept(ctx, [], ctx.glossaryAlts[m.entry] ?? [], source);
    if (c) concepts.push(c);
  }
  const unknown = new Set<string>();
  stems.forEach((s, i) => {
    if (covered[i] || ctx.glossary.stopwords.has(s) || /^\d+$/.test(s) || /^[a-z]$/.test(s)) return;
    unknown.add((words[i] ?? s).replace(/[-.']/g, ''));
  });
  for (const w of unknown) {
    const t = `l:${w}`;
    const idf = ctx.idf(t);
    const weight = idf >= ctx.idfMax ? idf * UNKNOWN_ENGLISH_FACTOR : idf;
    concepts.push({ alts: [[t]], weight, source: w });
  }
  return concepts;
}
