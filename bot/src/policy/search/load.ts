import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { loadPolicyPack, type PolicyPack } from '../pack';
import { buildPolicySearch, type SearchOptions } from './search';
import type { PolicySearch } from './types';
import {
  EMPTY_GLOSSARY,
  EMPTY_THESAURUS,
  loadGlossary,
  loadThesaurus,
  type Glossary,
  type Thesaurus,
} from './vocabulary';

export const THESAURUS_FILE = 'thesaurus.yaml';
export const GLOSSARY_FILE = 'glossary-en.yaml';

/** The pack's vocabulary files; a missing file is an empty vocabulary, an invalid one throws. */
export function loadVocabulary(dir: string): { thesaurus: Thesaurus; glossary: Glossary } {
  const thesaurusFile = path.join(dir, THESAURUS_FILE);
  const glossaryFile = path.join(dir, GLOSSARY_FILE);
  return {
    thesaurus: existsSync(thesaurusFile) ? loadThesaurus(thesaurusFile) : EMPTY_THESAURUS,
    glossary: existsSync(glossaryFile) ? loadGlossary(glossaryFile) : EMPTY_GLOSSARY,
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
