import { fillLine } from './answer-profile';
import type { CompanyProfile } from './company-profile';
import type { PolicySection } from './pack';
import { MAX_QUESTION_CHARS, renderLine, type Excerpt, type Language, type PolicySearch } from './search';

/**
 * A policy question answered from the pack: the most relevant lines of the best section with its
 * citation, up to two related sections, or — when the evidence is weak — a statement that the policy
 * does not cover it (the bot then offers to pass the question to the システム管理者, 人的対策 6.6).
 */
export interface CitedSection {
  section: PolicySection;
  score: number;
}

export interface PolicyAnswer {
  /** The question as searched: trimmed, at most MAX_QUESTION_CHARS characters. */
  question: string;
  /** The question was longer than MAX_QUESTION_CHARS and only its start was used. */
  truncated: boolean;
  language: Language;
  abstained: boolean;
  answerText: string;
  excerpt: Excerpt | null;
  best: CitedSection | null;
  related: CitedSection[];
}

export interface AnswerOptions {
  profile?: CompanyProfile;
  /** Longest excerpt in characters (default 500). */
  maxChars?: number;
}

export const MAX_RELATED = 2;
/** A related section must score at least this share of the best one. */
const RELATED_SHARE = 0.25;

/** `組織的対策 5.6 情報資産の社外持ち出し` */
export function citationOf(section: PolicySection): string {
  return `${section.part} ${section.number} ${section.title}`;
}

const TEXT = {
  ja: {
    help: '情報セキュリティ関連規程について質問してください。例：「私物のスマホで会社のメールを見てもいい？」「パスワードは何文字以上？」',
    notCovered:
      'この質問に答える規定は、情報セキュリティ関連規程には見つかりませんでした。システム管理者に質問を伝えることができます。',
    cite: (c: string): string => `（${c}）`,
  },
  en: {
    help: 'Ask me about the information security policy, e.g. "Can I read work email on my own phone?" or "How long must a password be?"',
    notCovered:
      'The information security policy does not cover this question. I can pass it on to the system administrator (システム管理者).',
    cite: (c: string): string => `According to ${c}:`,
  },
} as const;

function abstention(question: string, truncated: boolean, language: Language, text: string): PolicyAnswer {
  return {
    question,
    truncated,
    language,
    abstained: true,
    answerText: text,
    excerpt: null,
    best: null,
    related: [],
  };
}

export function answerQuestion(
  search: PolicySearch,
  question: string,
  options: AnswerOptions = {},
): PolicyAnswer {
  const trimmed = question.trim();
  const truncated = [...trimmed].length > MAX_QUESTION_CHARS;
  const asked = truncated ? [...trimmed].slice(0, MAX_QUESTION_CHARS).join('') : trimmed;
  if (!/[\p{L}\p{N}]/u.test(asked)) return abstention(asked, truncated, 'ja', TEXT.ja.help);

  const result = search.search(asked);
  const language = result.language;
  const [top, ...rest] = result.hits;
  if (result.abstained || !top) return abstention(asked, truncated, language, TEXT[language].notCovered);

  const maxChars = options.maxChars ?? 500;
  let excerpt = search.selectExcerpt(top.section, asked, maxChars);
  const { profile } = options;
  if (profile) {
    const lines = excerpt.lines.map((l) => fillLine(top.section, l, profile));
    const text = lines.map(renderLine).join('\n');
    excerpt = {
      lines,
      text: [...text].length <= maxChars ? text : `${[...text].slice(0, maxChars - 1).join('')}…`,
    };
  }
  const related = rest.filter((h) => h.score >= top.score * RELATED_SHARE).slice(0, MAX_RELATED);
  const citation = citationOf(top.section);
  const answerText =
    language === 'ja'
      ? `${excerpt.text}\n${TEXT.ja.cite(citation)}`
      : `${TEXT.en.cite(citation)}\n${excerpt.text}`;
  return { question: asked, truncated, language, abstained: false, answerText, excerpt, best: top, related };
}
