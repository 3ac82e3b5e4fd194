import { foldKana, normalize } from './normalize';
import type { Glossary, Thesaurus } from './vocabulary';

/**
 * Compiled vocabulary matchers. A match is a span of the (normalised) question that names an entry;
 * a match inside a longer match is dropped (代表電話 wins over 代表, ネットバンキング over ネット).
 */
export interface Match {
  start: number;
  end: number;
  /** Entry index, or -1 for an ignored word. */
  entry: number;
  key: string;
}

interface Key {
  key: string;
  entry: number;
  pattern: RegExp;
  /** The key as written starts / ends with katakana: it must not continue a katakana word. */
  kanaStart: boolean;
  kanaEnd: boolean;
}

const KATAKANA_EDGE = /[\p{Script=Katakana}ー]/u;
const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A key's ASCII edge must not touch another ASCII letter (id ≠ android). Katakana edges: see match(). */
function keyPattern(key: string): RegExp {
  let src = escape(key);
  if (/^[a-z0-9]/.test(key)) src = `(?<![a-z0-9])${src}`;
  if (/[a-z0-9]$/.test(key)) src = `${src}(?![a-z0-9])`;
  return new RegExp(src, 'gu');
}

export class ThesaurusMatcher {
  private readonly keys: Key[] = [];

  constructor(readonly thesaurus: Thesaurus) {
    const add = (phrase: string, entry: number): void => {
      const written = normalize(phrase);
      const key = foldKana(written);
      if (!key) return;
      const kanaStart = KATAKANA_EDGE.test(written.slice(0, 1));
      const kanaEnd = KATAKANA_EDGE.test(written.slice(-1));
      this.keys.push({ key, entry, pattern: keyPattern(key), kanaStart, kanaEnd });
    };
    thesaurus.ignore.forEach((w) => add(w, -1));
    thesaurus.entries.forEach((e, i) => e.from.forEach((w) => add(w, i)));
  }

  /**
   * Matches in `text` (normalised) that `accept` keeps, without those inside a longer match. Keys are
   * compared kana-folded; a key written in katakana does not match inside a longer katakana word of the
   * text (ポート ≠ サポート, ネット ≠ ネットワーク).
   */
  match(text: string, accept: (m: Match) => boolean = () => true): Match[] {
    const folded = foldKana(text);
    const found: Match[] = [];
    for (const k of this.keys) {
      if (!folded.includes(k.key)) continue;
      for (const m of folded.matchAll(k.pattern)) {
        const start = m.index;
        const end = start + k.key.length;
        if (k.kanaStart && KATAKANA_EDGE.test(text.slice(start - 1, start))) continue;
        if (k.kanaEnd && KATAKANA_EDGE.test(text.slice(end, end + 1))) continue;
        const match = { start, end, entry: k.entry, key: k.key };
        if (accept(match)) found.push(match);
      }
    }
    return dropContained(found);
  }
}

export function dropContained(found: Match[]): Match[] {
  return found.filter(
    (m) =>
      !found.some(
        (o) => o !== m && o.start <= m.start && o.end >= m.end && o.end - o.start > m.end - m.start,
      ),
  );
}

/** English word forms: lower case, possessive dropped, a light suffix stemmer (laptops → laptop). */
export function englishWords(text: string): string[] {
  const s = text.normalize('NFKC').toLowerCase().replace(/[’‘`]/g, "'");
  return (s.match(/[a-z0-9]+(?:['.\-+][a-z0-9]+)*/g) ?? []).map((w) => w.replace(/'s$/, ''));
}

export function stem(word: string): string {
  let w = word.replace(/[-.']/g, '');
  if (w.length > 4 && w.endsWith('ies')) w = `${w.slice(0, -3)}y`;
  else if (w.length > 4 && w.endsWith('sses')) w = w.slice(0, -2);
  else if (w.length > 3 && w.endsWith('s') && !/(ss|us|is)$/.test(w)) w = w.slice(0, -1);
  if (w.length > 5 && w.endsWith('ing')) w = w.slice(0, -3);
  else if (w.length > 4 && w.endsWith('ed')) w = w.slice(0, -2);
  return w;
}

export interface EnglishMatch {
  start: number;
  end: number;
  entry: number;
}

export class GlossaryMatcher {
  private readonly byFirst = new Map<string, { stems: string[]; entry: number }[]>();
  readonly stopwords: Set<string>;

  constructor(readonly glossary: Glossary) {
    this.stopwords = new Set(glossary.stopwords.flatMap((w) => englishWords(w).map(stem)));
    glossary.entries.forEach((e, entry) => {
      for (const phrase of e.en) {
        const stems = englishWords(phrase).map(stem);
        const [first] = stems;
        if (first === undefined) continue;
        const list = this.byFirst.get(first) ?? [];
        list.push({ stems, entry });
        this.byFirst.set(first, list);
      }
    });
  }

  /** Phrase matches over the stemmed words (token indices), without those inside a longer match. */
  match(stems: string[]): EnglishMatch[] {
    const found: Match[] = [];
    stems.forEach((s, i) => {
      for (const p of this.byFirst.get(s) ?? []) {
        if (p.stems.every((x, j) => stems[i + j] === x))
          found.push({ start: i, end: i + p.stems.length, entry: p.entry, key: '' });
      }
    });
    return dropContained(found).map(({ start, end, entry }) => ({ start, end, entry }));
  }
}
