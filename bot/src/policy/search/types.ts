import type { PolicyLine, PolicyPack, PolicySection } from '../pack';
import type { AskedQuestion, Glossary, SectionKeywords, Thesaurus, Unanswered } from './vocabulary';

export type Language = 'ja' | 'en';

export interface SearchHit {
  section: PolicySection;
  score: number;
}

export interface SearchResult {
  language: Language;
  /** True when the evidence is too weak to name a section: the policy does not seem to cover it. */
  abstained: boolean;
  /** 0..1: how much of the question the best section accounts for (see confidence.ts). */
  confidence: number;
  /** Best first, at most 5; still filled when abstained, for diagnostics — do not show them then. */
  hits: SearchHit[];
}

export interface Excerpt {
  /** Chosen units in document order (a long table row may be cut into the cell lines that matter). */
  lines: PolicyLine[];
  text: string;
}

export interface SearchVocabulary {
  thesaurus: Thesaurus;
  glossary: Glossary;
  /** Everyday words per section id, indexed with the section (optional: none by default). */
  keywords?: SectionKeywords;
  /** Questions the policy does not answer (optional: none by default). */
  unanswered?: Unanswered;
  /** Questions asked, with the sections that answer them, or none (optional: none by default). */
  questions?: AskedQuestion[];
}

export interface PolicySearch {
  readonly pack: PolicyPack;
  /** The confidence under which a search abstains. */
  readonly threshold: number;
  search(question: string): SearchResult;
  selectExcerpt(section: PolicySection, question: string, maxChars?: number): Excerpt;
}
