export { confidenceFrom, DEFAULT_THRESHOLD, type Evidence } from './confidence';
export { renderLine } from './excerpt';
export {
  GLOSSARY_FILE,
  KEYWORDS_FILE,
  loadPolicySearch,
  loadVocabulary,
  QUESTIONS_FILE,
  THESAURUS_FILE,
  UNANSWERED_FILE,
} from './load';
export { foldKana, normalize } from './normalize';
export { MAX_QUESTION_CHARS } from './query';
export { buildPolicySearch, MAX_HITS, sectionIssue, type SearchOptions, type SearchTrace } from './search';
export { tokenize } from './tokenize';
export type { Excerpt, Language, PolicySearch, SearchHit, SearchResult, SearchVocabulary } from './types';
export {
  EMPTY_GLOSSARY,
  EMPTY_KEYWORDS,
  EMPTY_THESAURUS,
  EMPTY_UNANSWERED,
  loadAskedQuestions,
  loadGlossary,
  loadKeywords,
  loadThesaurus,
  loadUnanswered,
  parseAskedQuestions,
  parseGlossary,
  parseKeywords,
  parseThesaurus,
  parseUnanswered,
  VocabularyError,
  type AskedQuestion,
  type Glossary,
  type SectionKeywords,
  type Thesaurus,
  type Unanswered,
} from './vocabulary';
