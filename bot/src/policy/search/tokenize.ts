import {
  charClass,
  dropOkurigana,
  isOkurigana,
  foldLongVowels,
  normalizeBase,
  normalizeRest,
  stripPunctuation,
} from './normalize';

/**
 * Index terms of a Japanese (or mixed) text:
 * - `b:` character bigrams of kanji runs and of katakana runs (none across the two), after okurigana between kanji is dropped
 *   (持ち出し and 持出し both give 持出); a run of one kanji gives a `u:` unigram (鍵, 紙);
 * - `w:` words of three or more characters from `Intl.Segmenter('ja')` (パスワード, 多要素認証), kanji skeleton;
 * - `l:` Latin words and numbers (usb, vpn, wifi, 12).
 * Hiragana runs give no terms: they are particles and inflections, which carry no topic.
 */
export type Term = string;

const segmenter = new Intl.Segmenter('ja', { granularity: 'word' });

export interface TokenizeOptions {
  /** Add `w:` words from the segmenter (default true). */
  words?: boolean;
}

/**
 * Bigrams and unigrams of the kanji/katakana runs of an already normalised text, after okurigana between
 * kanji is dropped (dropOkurigana, done here in the same pass: each character is classified once).
 */
export function ngramTerms(normalized: string): Term[] {
  const out: Term[] = [];
  const chars = [...normalized];
  const classes = chars.map(charClass);
  let run: string[] = [];
  const flush = (): void => {
    if (run.length === 1) {
      const [only = ''] = run;
      if (charClass(only) === 'kanji') out.push(`u:${only}`);
    }
    for (let i = 0; i + 1 < run.length; i++) out.push(`b:${run[i] ?? ''}${run[i + 1] ?? ''}`);
    run = [];
  };
  let runClass = '';
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i] ?? '';
    const cls = classes[i];
    if (cls === 'hiragana' && isOkurigana(c, classes[i - 1], classes[i + 1])) continue;
    if (cls !== runClass) flush();
    runClass = cls ?? '';
    if (cls === 'kanji' || cls === 'katakana') run.push(c);
  }
  flush();
  return out;
}

export function latinTerms(normalized: string): Term[] {
  return (normalized.match(/[a-z0-9]+/g) ?? []).map((w) => `l:${w}`);
}

const HIRAGANA_ONLY = /^\p{Script=Hiragana}+$/u;
/** Segmenter words shorter than this give no `w:` term (bigrams cover them). */
const MIN_WORD = 3;

/** The kanji skeleton of a segmenter word: okurigana dropped, trailing inflection removed. */
export function wordKey(segment: string, minLength = MIN_WORD): string | null {
  // Normalising only shortens a segment, and leaves a hiragana one hiragana: most segments (particles,
  // endings) are rejected here, before the regular expressions below.
  if (segment.length < minLength || HIRAGANA_ONLY.test(segment)) return null;
  const w = dropOkurigana(foldLongVowels(stripPunctuation(segment))).replace(/\p{Script=Hiragana}+$/u, '');
  if ([...w].length < minLength || /[\p{Script=Hiragana}\s]/u.test(w)) return null;
  if (/[a-z0-9]/.test(w)) return minLength <= 1 ? w : null;
  return w;
}

/** Stretches of at least MIN_WORD characters without hiragana, spaces or punctuation. */
const CONTENT_STRETCH = new RegExp(`[^\\p{Script=Hiragana}\\s、。！？!?「」（）()・,.]{${MIN_WORD},}`, 'gu');

/** The words of each stretch segmented so far, while withWordMemo runs; null otherwise. */
let wordMemo: Map<string, Term[]> | null = null;

/**
 * Runs `build` remembering the segmenter's words of every stretch it tokenises. Building a search
 * tokenises thousands of example questions whose stretches repeat (USBメモリ, パスワード): a quarter
 * of them are distinct. The memory is dropped when `build` returns, so questions asked later, which
 * are not bounded, are not remembered.
 */
export function withWordMemo<T>(build: () => T): T {
  const outer = wordMemo;
  wordMemo ??= new Map();
  try {
    return build();
  } finally {
    wordMemo = outer;
  }
}

function segmentWords(piece: string): Term[] {
  const out: Term[] = [];
  for (const s of segmenter.segment(piece)) {
    if (!s.isWordLike) continue;
    const key = wordKey(s.segment);
    if (key) out.push(`w:${key}`);
  }
  return out;
}

/** `w:` terms of the segmenter's words of at least MIN_WORD characters, in an already normalizeBase'd text. */
function wordTerms(base: string): Term[] {
  const out: Term[] = [];
  // Only the stretches without hiragana can hold such a word: segmenting them alone gives the same
  // words at a fraction of the cost of segmenting the whole text (ICU's dictionary pass dominates).
  for (const piece of base.match(CONTENT_STRETCH) ?? []) {
    let words = wordMemo?.get(piece);
    if (!words) {
      words = segmentWords(piece);
      wordMemo?.set(piece, words);
    }
    out.push(...words);
  }
  return out;
}

/** All terms of a text, with repetitions (term frequency counts). */
export function tokenize(text: string, options: TokenizeOptions = {}): Term[] {
  const base = normalizeBase(text);
  const norm = normalizeRest(base);
  const terms = [...ngramTerms(norm), ...latinTerms(norm)];
  if (options.words ?? true) terms.push(...wordTerms(base));
  return terms;
}

/** Distinct terms in first-seen order. */
export function uniqueTerms(terms: Iterable<Term>): Term[] {
  return [...new Set(terms)];
}
