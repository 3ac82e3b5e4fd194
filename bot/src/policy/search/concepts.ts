import { englishWords, GlossaryMatcher, OFF_TOPIC, stem, ThesaurusMatcher } from './matcher';
import { normalize } from './normalize';
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
  /**
   * What the question asks about doing (持ち出す, 廃棄) or what went wrong (なくした, 感染): the predicate
   * of the question, which weighs above the objects around it when sections are ranked.
   */
  role?: Role;
  /** Not written in the question but implied by it (an incident that happened). */
  implied?: boolean;
  /** A general English word (glossary `general`): ranks lightly, never counts for confidence. */
  general?: boolean;
}

export type Role = 'action' | 'event';

/** What a general English word weighs, against its idf. */
const GENERAL_FACTOR = 0.5;
/** An English word neither glossed nor a stop-word: an unknown topic, weighed a little above an unknown run. */
const UNKNOWN_ENGLISH_FACTOR = 1.2;
/**
 * A topic the policy never covers (給与, 有給, parental leave) weighs as much as this many unknown words,
 * whatever policy words surround it: 会議室の予約 is not answered by the rules for meeting rooms.
 */
export const OFF_TOPIC_FACTOR = 2;

/** The concept of an off-topic word: a term no section has, so it only lowers the confidence. */
export function offTopicConcept(ctx: QueryContext, key: string): Concept {
  return { alts: [[`x:${key}`]], weight: ctx.idfMax * OFF_TOPIC_FACTOR, source: key };
}

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
  /** Tokenised action and event terms, and the wordings of an incident. */
  actions: Term[][];
  events: Term[][];
  incident: Phrase[];
  /** Normalised words of a mishap that happened to someone else. */
  elsewhere: string[];
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
    actions: alts(thesaurus.actions ?? []).map((p) => p.terms),
    events: alts(thesaurus.events ?? []).map((p) => p.terms),
    incident: alts(thesaurus.incident ?? []),
    elsewhere: (thesaurus.elsewhere ?? []).map(normalize).filter(Boolean),
  };
}

/**
 * The role of an idea: an event (action) when the user's own wording or the entry's first, main policy
 * term ends with an event (action) term — 出張 → 外出先 is no action for also reaching 持ち出し, and a
 * compound is what its last word is (社外持ち出し is a 持ち出し, 委託先 a party, not a 委託).
 */
export function roleOf(ctx: QueryContext, main: Phrase[]): Role | undefined {
  const last = (terms: Term[]): Term | undefined => terms.filter((t) => /^[bu]:/.test(t)).at(-1);
  const has = (list: Term[][]): boolean =>
    main.some((p) => {
      const head = last(p.terms);
      return list.some((w) => head !== undefined && w.includes(head) && w.every((t) => p.terms.includes(t)));
    });
  if (has(ctx.events)) return 'event';
  return has(ctx.actions) ? 'action' : undefined;
}

/** The incident a question implies when it says a mishap has happened (なくしてしまった, was stolen). */
export function incidentConcept(ctx: QueryContext): Concept | null {
  const c = entryConcept(ctx, [], ctx.incident, 'incident');
  return c ? { ...c, implied: true } : null;
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
  const role = roleOf(ctx, [...own, ...alts.slice(0, 1)]);
  return { alts: [...unique.values()], weight, source, ...(role ? { role } : {}) };
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
  const matches = ctx.glossary.match(stems);
  // Words the glossary also maps to a policy term (payroll → 給与計算システム) are the policy's, not off-topic.
  const entrySpans = matches.filter((m) => m.entry >= 0);
  const offTopicSpans = new Set<string>();
  for (const m of matches) {
    for (let i = m.start; i < m.end; i++) covered[i] = true;
    const source = words.slice(m.start, m.end).join(' ');
    if (m.entry === OFF_TOPIC) {
      const span = `${m.start}:${m.end}`;
      const policy = entrySpans.some((e) => e.start <= m.start && e.end >= m.end);
      // Two keys of one word (expense, expenses) are one topic.
      if (!policy && !offTopicSpans.has(span)) concepts.push(offTopicConcept(ctx, source));
      offTopicSpans.add(span);
    }
    if (seen.has(m.entry) || m.entry < 0) continue;
    seen.add(m.entry);
    const c = entryConcept(ctx, [], ctx.glossaryAlts[m.entry] ?? [], source);
    // The English words themselves are a wording too: a section's English keywords may name them.
    if (c) concepts.push({ ...c, alts: [...c.alts, stems.slice(m.start, m.end).map((w) => `l:${w}`)] });
  }
  const unknown = new Map<string, string>();
  stems.forEach((s, i) => {
    if (covered[i] || ctx.glossary.stopwords.has(s) || /^\d+(?:am|pm)?$/.test(s) || /^[a-z]$/.test(s)) return;
    unknown.set((words[i] ?? s).replace(/[-.']/g, ''), s);
  });
  for (const [w, s] of unknown) {
    // The word as the policy writes Latin (usb, wifi), or its stem as a section's English keywords have it.
    const alts = [...new Set([`l:${w}`, `l:${s}`])].map((t) => [t]);
    const idf = Math.min(...alts.map(([t]) => ctx.idf(t ?? '')));
    if (ctx.glossary.general.has(s)) {
      // A general word is searched where the index has it, lightly, and never weighs on the confidence.
      if (idf < ctx.idfMax) concepts.push({ alts, weight: idf * GENERAL_FACTOR, source: w, general: true });
      continue;
    }
    const weight = idf >= ctx.idfMax ? idf * UNKNOWN_ENGLISH_FACTOR : idf;
    concepts.push({ alts, weight, source: w });
  }
  return concepts;
}
