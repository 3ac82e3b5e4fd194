import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { loadPolicyPack, type PolicyPack } from '../pack';
import { buildPolicySearch, type SearchOptions } from './search';
import type { PolicySearch, SearchVocabulary } from './types';
import {
  EMPTY_GLOSSARY,
  EMPTY_KEYWORDS,
  EMPTY_THESAURUS,
  EMPTY_UNANSWERED,
  loadAskedQuestions,
  loadGlossary,
  loadKeywords,
  loadThesaurus,
  loadUnanswered,
} from './vocabulary';

export const THESAURUS_FILE = 'thesaurus.yaml';
export const GLOSSARY_FILE = 'glossary-en.yaml';
export const KEYWORDS_FILE = 'keywords.yaml';
export const UNANSWERED_FILE = 'unanswered.yaml';
export const QUESTIONS_FILE = 'questions.jsonl';

/** The pack's vocabulary files; a missing file is an empty vocabulary, an invalid one throws. */
export function loadVocabulary(dir: string): SearchVocabulary {
  const file = (name: string): string | null => {
    const f = path.join(dir, name);
    return existsSync(f) ? f : null;
  };
  const [thesaurus, glossary, keywords, unanswered, questions] = [
    file(THESAURUS_FILE),
    file(GLOSSARY_FILE),
    file(KEYWORDS_FILE),
    file(UNANSWERED_FILE),
    file(QUESTIONS_FILE),
  ];
  return {
    thesaurus: thesaurus ? loadThesaurus(thesaurus) : EMPTY_THESAURUS,
    glossary: glossary ? loadGlossary(glossary) : EMPTY_GLOSSARY,
    keywords: keywords ? loadKeywords(keywords) : EMPTY_KEYWORDS,
    unanswered: unanswered ? loadUnanswered(unanswered) : EMPTY_UNANSWERED,
    questions: questions ? loadAskedQuestions(questions) : [],
  };
}

/** Loads the pack in `dir` with its vocabulary and builds the search. */
export function loadPolicySearch(
  dir: string,
  options: SearchOptions = {},
): { pack: PolicyPack; search: PolicySearch } {
  const pack = loadPolicyPack(dir);
  return { pack, search: buildPolicySearch(pack, loadVocabulary(dir), options) };
}
