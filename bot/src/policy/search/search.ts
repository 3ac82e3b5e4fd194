import type { PolicyLine, PolicyPack, PolicySection } from '../pack';
import { confidenceFrom, DEFAULT_THRESHOLD, evidenceOf, type Evidence } from './confidence';
import { selectExcerpt } from './excerpt';
import { buildExampleIndex, nearestExamples, type ExampleIndex } from './examples';
import { buildIndex, type Expansion, type IndexedDoc, type PolicyIndex } from './index-builder';
import { isMostlyLatin } from './normalize';
import { englishWords, stem, stemSet } from './matcher';
import {
  analyzeQuery,
  MAX_QUESTION_CHARS,
  queryContext,
  type AnalyzedQuery,
  type Concept,
  type QueryContext,
} from './query';
import { DEFAULT_SCORE_PARAMS, scoreDocs, type DocScore, type ScoreParams } from './score';
import { tokenize, uniqueTerms, withWordMemo, type Term, type TokenizeOptions } from './tokenize';
import type { Excerpt, PolicySearch, SearchResult, SearchVocabulary } from './types';
import { VocabularyError, type AskedQuestion, type SectionKeywords } from './vocabulary';

export const MAX_HITS = 5;
/** The pseudo-section of the questions the policy does not answer, in the example index. */
const UNANSWERED = -1;

export interface SearchOptions {
  /** Abstain under this confidence (default: the value calibrated on the development set). */
  threshold?: number;
  params?: ScoreParams;
}

/** What a search saw, for the benchmark and for debugging. */
export interface SearchTrace {
  query: AnalyzedQuery;
  scores: DocScore[];
  /** What the confidence is computed from (see confidence.ts). */
  evidence: Evidence;
}

class Search implements PolicySearch {
  readonly threshold: number;
  private readonly index: PolicyIndex;
  private readonly ctx: QueryContext;
  private readonly params: ScoreParams;
  private readonly cellTermMemo = new Map<string, Set<Term>>();
  private readonly scopes: { section: string; when: Term[][] }[];
  private readonly preventive: Set<number>;
  private readonly examples: ExampleIndex;
  /**
   * questions.jsonl's questions and unanswered.yaml's, compared by their light terms (exampleTerms), in
   * one index: the answered ones under their sections, the others under UNANSWERED.
   */
  private readonly asked: ExampleIndex;
  private readonly questionTerms: (text: string) => Term[];
  private readonly exampleTerms: (text: string) => Term[];

  constructor(
    readonly pack: PolicyPack,
    vocabulary: SearchVocabulary,
    options: SearchOptions,
  ) {
    this.threshold = options.threshold ?? DEFAULT_THRESHOLD;
    this.params = options.params ?? DEFAULT_SCORE_PARAMS;
    const stopwords = stemSet(vocabulary.glossary.stopwords);
    this.questionTerms = questionTerms(stopwords);
    this.exampleTerms = questionTerms(stopwords, { words: false });
    this.index = buildIndex(pack, keywordTerms(pack, vocabulary.keywords ?? {}, this.questionTerms));
    this.examples = buildExampleIndex(this.index.lines.filter((u) => u.asked));
    const questions = vocabulary.questions ?? [];
    // Answered and unanswered questions share one idf: a word common among help-desk questions
    // (プリンタ) must weigh the same in both similarities that are set against each other.
    const unanswered = [
      ...(vocabulary.unanswered?.questions ?? []),
      ...questions.filter((q) => q.sections.length === 0).map((q) => q.question),
    ].map((q) => ({ doc: UNANSWERED, terms: new Set(this.exampleTerms(q)) }));
    this.asked = buildExampleIndex([
      ...askedUnits(pack, this.index, questions, this.exampleTerms),
      ...unanswered,
    ]);
    this.ctx = queryContext(vocabulary.thesaurus, vocabulary.glossary, this.index.idf, this.index.idfMax);
    this.scopes = vocabulary.thesaurus.scopes.map((sc) => ({
      section: sc.section,
      when: sc.when.map((w) => uniqueTerms(tokenize(w))).filter((t) => t.length > 0),
    }));
    const prevention = (vocabulary.thesaurus.prevention ?? []).map((w) => uniqueTerms(tokenize(w)));
    const titled = (doc: IndexedDoc): boolean =>
      prevention.some((w) => w.length > 0 && w.every((t) => doc.titleTerms.has(t)));
    this.preventive = new Set(this.index.docs.flatMap((d, i) => (titled(d) ? [i] : [])));
  }

  /** Terms of a cell line cut from a long table row: pack text only, so the memo is bounded by the pack. */
  private cellTerms(text: string): Set<Term> {
    let terms = this.cellTermMemo.get(text);
    if (!terms) {
      terms = new Set(tokenize(text));
      this.cellTermMemo.set(text, terms);
    }
    return terms;
  }

  /** The last question's analysis: an answer searches and then picks its excerpt for the same question. */
  private last: { question: string; query: AnalyzedQuery } | null = null;

  private analyze(question: string): AnalyzedQuery {
    if (this.last?.question !== question) this.last = { question, query: analyzeQuery(this.ctx, question) };
    return this.last.query;
  }

  trace(question: string): SearchTrace {
    const query = this.analyze(question);
    const unmentioned = this.scopes.filter((sc) => !mentions(query.concepts, sc.when));
    const happened = query.concepts.some((c) => c.implied);
    const p = this.params;
    // Sections of a scope the question does not mention, and on preventing a mishap that has happened.
    const prior = (doc: number): number => {
      const id = this.index.docs[doc]?.section.id ?? '';
      const outOfScope = unmentioned.some((sc) => id === sc.section || id.startsWith(`${sc.section}.`));
      const preventive = happened && this.preventive.has(doc);
      return (outOfScope ? 1 - p.scopePenalty : 1) * (preventive ? 1 - p.preventionPenalty : 1);
    };
    const ranked = scoreDocs(this.index, query.concepts, p, prior);
    const terms = this.questionTerms(question.slice(0, MAX_QUESTION_CHARS));
    // exampleTerms' light terms are these without the segmenter's words: derived, not tokenised again.
    const light = terms.filter((t) => !t.startsWith('w:'));
    const near = nearestExamples(this.examples, terms);
    let unanswered = 0;
    for (const [doc, sim] of nearestExamples(this.asked, light))
      if (doc === UNANSWERED) unanswered = sim;
      else if (sim > (near.get(doc) ?? 0)) near.set(doc, sim);
    const evidence = {
      ...evidenceOf(this.index, query.concepts, ranked),
      near: Math.max(0, ...near.values()),
      unanswered,
    };
    // After a mishap the incident rules above decide (procedure, reporting, the rule titled by what the
    // mishap happened to): examples sharing the mishap's nouns would pull toward any section about it.
    if (happened) return { query, scores: ranked, evidence };
    const reordered = rerank(ranked, near, p.exampleWeight, p.exampleDepth);
    return { query, scores: withNearest(reordered, near, p.nearestAmong), evidence };
  }

  search(question: string): SearchResult {
    const { query, scores, evidence } = this.trace(question);
    const hits = scores.slice(0, MAX_HITS).flatMap((s) => {
      const section = this.index.docs[s.doc]?.section;
      return section ? [{ section, score: round(s.score) }] : [];
    });
    const confidence = round(confidenceFrom(evidence));
    return {
      language: query.language,
      abstained: hits.length === 0 || confidence < this.threshold,
      confidence,
      hits,
    };
  }

  selectExcerpt(section: PolicySection, question: string, maxChars = 500): Excerpt {
    const { concepts } = this.analyze(question);
    const termsOf = (line: PolicyLine): Set<Term> =>
      this.index.termsByLine.get(line) ?? this.cellTerms(line.text);
    return selectExcerpt(section, concepts, this.index.idf, maxChars, termsOf);
  }
}

const round = (x: number): number => Math.round(x * 1000) / 1000;

/**
 * The ranking's best sections reordered by how close the question is to each one's example questions:
 * a score becomes its share of the best score plus exampleWeight × the closest example's similarity.
 * Sections below the first exampleDepth keep their share alone, so they stay below.
 */
function rerank(scores: DocScore[], near: Map<number, number>, weight: number, depth: number): DocScore[] {
  const top = scores[0]?.score ?? 0;
  if (top <= 0) return scores;
  return scores
    .map((s, i) => ({ ...s, score: s.score / top + (i < depth ? weight * (near.get(s.doc) ?? 0) : 0) }))
    .sort((a, b) => b.score - a.score);
}

/**
 * The section of the closest example question moved up to place `among` (with that place's score) when
 * it is ranked below: shown as a related section, it answers the question as it was answered before.
 */
function withNearest(scores: DocScore[], near: Map<number, number>, among: number): DocScore[] {
  let nearest = -1;
  let best = 0;
  for (const [doc, sim] of near)
    if (sim > best) {
      best = sim;
      nearest = doc;
    }
  const at = scores.findIndex((s) => s.doc === nearest);
  const place = scores[among - 1];
  if (at < among || !place) return scores;
  const moved = { ...(scores[at] as DocScore), score: place.score };
  return [
    ...scores.slice(0, among - 1),
    moved,
    ...scores.slice(among - 1).filter((_, i) => i !== at - among + 1),
  ];
}

/**
 * The index terms of each section's keywords: Japanese as any text, English as the stems of its words
 * that are not stop-words (`l:wipe`), as an English question's words are looked for (concepts.ts).
 * A keyword of a section the pack does not have is an error: it would silently find nothing.
 */
function keywordTerms(
  pack: PolicyPack,
  keywords: SectionKeywords,
  question: (text: string) => Term[],
): Map<string, Expansion> {
  const unknown = Object.keys(keywords).filter((id) => !pack.byId.has(id));
  if (unknown.length > 0)
    throw new VocabularyError(
      'keywords.yaml',
      unknown.map((id) => `${id}: no such section in the policy pack`),
    );
  return new Map(
    Object.entries(keywords).map(([id, k]) => [
      id,
      {
        keywords: [...k.ja.flatMap((t) => tokenize(t)), ...k.en.flatMap(question)],
        asked: k.asked.map(question),
        trade: (k.trade ?? []).map(question),
      },
    ]),
  );
}

/**
 * The terms of a question as written, without the vocabulary: an English one as the stems of its words
 * that are not stop-words (`l:wipe`), as analyzeQuery reads one; a Japanese one as any text. Example
 * questions are indexed so, and a question is compared with them so.
 *
 * With `words: false` a Japanese question gives no segmenter words (`w:`), only its bigrams, lone
 * kanji and Latin words: the terms of the thousands of questions of questions.jsonl and
 * unanswered.yaml, read when the search is built, where the segmenter would cost four times as much.
 */
function questionTerms(stopwords: Set<string>, options: TokenizeOptions = {}): (text: string) => Term[] {
  const english = (text: string): Term[] =>
    englishWords(text)
      .map(stem)
      .filter((w) => w && !stopwords.has(w))
      .map((w) => `l:${w}`);
  return (text) => (isMostlyLatin(text) ? english(text) : tokenize(text, options));
}

/**
 * Why a question cannot be filed under a section, or null. The section must be in the pack and have
 * text of its own: the index has a document only for those (人的対策 6.2 is only the heading of
 * 6.2.1–6.2.3). questions.jsonl is checked so when the search is built, and scripts/add-questions.ts
 * before it writes to the file.
 */
export function sectionIssue(pack: PolicyPack, id: string): string | null {
  const section = pack.byId.get(id);
  if (!section) return 'no such section in the policy pack';
  if (section.lines.length === 0) return 'no text of its own: name one of its sub-sections';
  return null;
}

/**
 * questions.jsonl's answered questions as examples: one per section that answers it. A section that
 * cannot take them (sectionIssue) is an error, as in keywords.yaml: the question would silently teach
 * nothing.
 */
function askedUnits(
  pack: PolicyPack,
  index: PolicyIndex,
  questions: readonly AskedQuestion[],
  terms: (text: string) => Term[],
): { doc: number; terms: Set<Term> }[] {
  const docOf = new Map(index.docs.map((d, i) => [d.section.id, i]));
  const unknown = questions.flatMap((q) =>
    q.sections.flatMap((id) => {
      const issue = sectionIssue(pack, id);
      return issue ? [`${q.id ?? q.question}: ${id}: ${issue}`] : [];
    }),
  );
  if (unknown.length > 0) throw new VocabularyError('questions.jsonl', unknown.slice(0, 20));
  return questions.flatMap((q) => {
    if (q.sections.length === 0) return [];
    const set = new Set(terms(q.question));
    return q.sections.map((id) => ({ doc: docOf.get(id) ?? 0, terms: set }));
  });
}

/**
 * A question mentions a scope when one of its concepts has a wording containing one of the scope's
 * terms (在宅, 家で仕事 and "work from home" all reach テレワーク or 自宅 through the vocabulary).
 */
function mentions(concepts: Concept[], when: Term[][]): boolean {
  return concepts.some((c) => c.alts.some((alt) => when.some((w) => w.every((t) => alt.includes(t)))));
}

export function buildPolicySearch(
  pack: PolicyPack,
  vocabulary: SearchVocabulary,
  options: SearchOptions = {},
): PolicySearch & { trace(question: string): SearchTrace } {
  return withWordMemo(() => new Search(pack, vocabulary, options));
}
