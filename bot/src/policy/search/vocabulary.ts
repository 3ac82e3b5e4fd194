import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { z } from 'zod';

/**
 * The retrieval vocabulary kept as data in the policy pack:
 * - `thesaurus.yaml`: everyday Japanese → the policy's own terms (なくした → 紛失), plus question words
 *   that carry no topic (大丈夫, 教えて);
 * - `glossary-en.yaml`: English words and phrases → Japanese policy terms (lost → 紛失), plus English stop-words;
 * - `keywords.yaml`: for each section, the everyday Japanese and English words employees use when they
 *   ask what it answers (裏紙, "wipe"): indexed with the section (document expansion, see index-builder.ts);
 * - `unanswered.yaml`: questions the policy does not answer, to recognise more of them;
 * - `questions.jsonl`: questions employees asked, each with the sections that answer it (none: the
 *   policy does not), compared with a new question as examples (examples.ts).
 */

const phrase = z.string().trim().min(1, 'empty phrase');
const phrases = z.array(phrase).min(1, 'needs at least one phrase');

export const thesaurusSchema = z.strictObject({
  ignore: z.array(phrase).default([]),
  /** Parts of the policy that apply only in a situation (テレワーク): see search.ts. */
  scopes: z.array(z.strictObject({ section: phrase, when: phrases })).default([]),
  /** Policy terms of what a question asks about doing (持ち出し, 廃棄): they weigh above objects (concepts.ts). */
  actions: z.array(phrase).optional(),
  /** Policy terms of mishaps (紛失, 感染): said to have happened, they make the question an incident. */
  events: z.array(phrase).optional(),
  /** What the policy calls an incident (インシデント, セキュリティ事故): looked for when one has happened. */
  incident: z.array(phrase).optional(),
  /** Title words of sections on preventing a mishap (防止): not the answer once it has happened. */
  prevention: z.array(phrase).optional(),
  /** Words of a mishap that happened to someone else (他社, ニュース): no incident of ours is implied. */
  elsewhere: z.array(phrase).optional(),
  /** Topics the policy never covers (給与, 有給, 社員旅行): a question about them is answered "not covered". */
  offTopic: z.array(phrase).optional(),
  entries: z.array(z.strictObject({ from: phrases, to: phrases, note: z.string().optional() })),
});
export type Thesaurus = z.infer<typeof thesaurusSchema>;

export const glossarySchema = z.strictObject({
  stopwords: z.array(phrase).default([]),
  /** Words about no topic: searched when the index has them, never an unknown topic (concepts.ts). */
  general: z.array(phrase).optional(),
  offTopic: z.array(phrase).optional(),
  entries: z.array(z.strictObject({ en: phrases, ja: phrases, note: z.string().optional() })),
});
export type Glossary = z.infer<typeof glossarySchema>;

/** Section id (`物理的対策 6.3`) → its keywords. Section ids are checked against the pack by the search. */
export const keywordsSchema = z
  .record(
    z.string(),
    z
      .strictObject({
        ja: z.array(phrase).default([]),
        en: z.array(phrase).default([]),
        /** Questions employees ask that the section answers (Japanese or English). */
        asked: z.array(phrase).default([]),
        /** The same in the words of particular trades (介護記録, 配車, 図面): a field of its own. */
        trade: z.array(phrase).optional(),
      })
      .nullable()
      .transform((k) => k ?? { ja: [], en: [], asked: [] }),
  )
  .superRefine((record, ctx) => {
    for (const id of Object.keys(record))
      if (!SECTION_ID.test(id))
        ctx.addIssue({ code: 'custom', path: [id], message: 'not a section id like 組織的対策 5.6' });
  });
export type SectionKeywords = z.infer<typeof keywordsSchema>;

/**
 * Questions people ask that the policy does not answer (社用車の予約, 忘年会の会費, a personal shopping
 * site's password): a question close to one of them is trusted less (confidence.ts).
 */
export const unansweredSchema = z.strictObject({ questions: z.array(phrase) });
export type Unanswered = z.infer<typeof unansweredSchema>;

const SECTION_ID = /^\S+ \d+(?:\.\d+)*$/u;

/**
 * One line of questions.jsonl: a question someone asked and the sections that answer it, or none when
 * the policy does not. `id` names where it came from (an evaluation set's id, a ticket number), so a
 * question can be found again and kept out of the sets the confidence is fitted on.
 */
export const askedQuestionSchema = z.strictObject({
  id: z.string().trim().min(1, 'empty id').optional(),
  question: phrase,
  sections: z.array(z.string().regex(SECTION_ID, 'not a section id like 組織的対策 5.6')),
});
export type AskedQuestion = z.infer<typeof askedQuestionSchema>;

export const EMPTY_THESAURUS: Thesaurus = { ignore: [], scopes: [], entries: [] };
export const EMPTY_GLOSSARY: Glossary = { stopwords: [], entries: [] };
export const EMPTY_KEYWORDS: SectionKeywords = {};
export const EMPTY_UNANSWERED: Unanswered = { questions: [] };

/** A vocabulary file that cannot be used; every issue names the entry (index and first phrase). */
export class VocabularyError extends Error {
  override readonly name = 'VocabularyError';
  constructor(
    readonly file: string,
    readonly issues: string[],
  ) {
    super(`${file}: invalid vocabulary\n${issues.map((i) => `  - ${i}`).join('\n')}`);
  }
}

function describe(raw: unknown, path: PropertyKey[], key: 'from' | 'en' | null): string {
  const [top, index, ...rest] = path;
  let where = path.map(String).join('.') || '(root)';
  if (key && top === 'entries' && typeof index === 'number') {
    const entries = (raw as { entries?: unknown[] } | null)?.entries;
    const entry = entries?.[index] as Record<string, unknown> | undefined;
    const first = Array.isArray(entry?.[key]) ? (entry[key] as unknown[])[0] : undefined;
    const label = typeof first === 'string' ? ` (${key}: ${first})` : '';
    where = `entries[${index}]${label}${rest.length ? '.' + rest.map(String).join('.') : ''}`;
  }
  return where;
}

function parseWith<T>(
  schema: z.ZodType<T, unknown>,
  source: string,
  file: string,
  key: 'from' | 'en' | null,
): T {
  let raw: unknown;
  try {
    raw = parse(source);
  } catch (err) {
    throw new VocabularyError(file, [`not valid YAML: ${String(err)}`]);
  }
  const result = schema.safeParse(raw);
  if (!result.success)
    throw new VocabularyError(
      file,
      result.error.issues.map((i) => `${describe(raw, i.path, key)}: ${i.message}`),
    );
  return result.data;
}

export function parseThesaurus(source: string, file = 'thesaurus.yaml'): Thesaurus {
  return parseWith(thesaurusSchema, source, file, 'from');
}

export function parseGlossary(source: string, file = 'glossary-en.yaml'): Glossary {
  return parseWith(glossarySchema, source, file, 'en');
}

export function parseKeywords(source: string, file = 'keywords.yaml'): SectionKeywords {
  return parseWith(keywordsSchema, source, file, null);
}

export function parseUnanswered(source: string, file = 'unanswered.yaml'): Unanswered {
  return parseWith(unansweredSchema, source, file, null);
}

/**
 * questions.jsonl: one JSON object a line (blank lines are skipped). JSON Lines rather than YAML: the
 * file holds thousands of questions, and a company can append the ones its people ask. Every issue
 * names the line.
 */
export function parseAskedQuestions(source: string, file = 'questions.jsonl'): AskedQuestion[] {
  const out: AskedQuestion[] = [];
  const issues: string[] = [];
  source.split('\n').forEach((text, i) => {
    if (text.trim() === '') return;
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch {
      issues.push(`line ${i + 1}: not valid JSON`);
      return;
    }
    const result = askedQuestionSchema.safeParse(raw);
    if (result.success) out.push(result.data);
    else
      for (const issue of result.error.issues)
        issues.push(`line ${i + 1}: ${issue.path.map(String).join('.') || '(line)'}: ${issue.message}`);
  });
  if (issues.length > 0) throw new VocabularyError(file, issues.slice(0, 20));
  return out;
}

function read(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (err) {
    throw new VocabularyError(file, [`unreadable: ${String(err)}`]);
  }
}

export function loadThesaurus(file: string): Thesaurus {
  return parseThesaurus(read(file), file);
}

export function loadGlossary(file: string): Glossary {
  return parseGlossary(read(file), file);
}

export function loadKeywords(file: string): SectionKeywords {
  return parseKeywords(read(file), file);
}

export function loadUnanswered(file: string): Unanswered {
  return parseUnanswered(read(file), file);
}

export function loadAskedQuestions(file: string): AskedQuestion[] {
  return parseAskedQuestions(read(file), file);
}
