import { foldKana, normalize } from './normalize';
import type { Glossary, Thesaurus } from './vocabulary';

/**
 * Compiled vocabulary matchers. A match is a span of the (normalised) question that names an entry;
 * a match inside a longer match is dropped (代表電話 wins over 代表, ネットバンキング over ネット).
 */
export interface Match {
  start: number;
  end: number;
  /** Entry index, IGNORED for a word without a topic, OFF_TOPIC for a topic the policy never covers. */
  entry: number;
  key: string;
  /** The matched parts of a key with a gap (間違え…送), the words between them not included. */
  spans?: [number, number][];
}

export const IGNORED = -1;
export const OFF_TOPIC = -2;

/** A key `A…B` matches A and then B at most GAP_MAX characters later (間違えて社外の人に送った). */
export const GAP_MARK = '…';
const GAP_MAX = 15;

interface Key {
  key: string;
  entry: number;
  pattern: RegExp;
  /** The key as written starts / ends with katakana: it must not continue a katakana word. */
  kanaStart: boolean;
  kanaEnd: boolean;
  gapped: boolean;
}

const KATAKANA_EDGE = /[\p{Script=Katakana}ー]/u;
const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A key's ASCII edge must not touch another ASCII letter (id ≠ android). Katakana edges: see match(). */
function keyPattern(parts: string[]): RegExp {
  const gapped = parts.length > 1;
  let src = parts.map((p) => (gapped ? `(${escape(p)})` : escape(p))).join(`[^]{0,${GAP_MAX}}?`);
  if (/^[a-z0-9]/.test(parts[0] ?? '')) src = `(?<![a-z0-9])${src}`;
  if (/[a-z0-9]$/.test(parts.at(-1) ?? '')) src = `${src}(?![a-z0-9])`;
  return new RegExp(src, gapped ? 'gdu' : 'gu');
}

/** The keys are looked up by their first two characters (one for a one-character key). */
const START = 2;

export class ThesaurusMatcher {
  private readonly keys: Key[] = [];
  private readonly byStart = new Map<string, number[]>();

  constructor(readonly thesaurus: Thesaurus) {
    const add = (phrase: string, entry: number): void => {
      const written = phrase.split(GAP_MARK).map(normalize).filter(Boolean);
      const parts = written.map(foldKana);
      const [key] = parts;
      if (!key) return;
      const kanaStart = KATAKANA_EDGE.test(written[0]?.slice(0, 1) ?? '');
      const kanaEnd = KATAKANA_EDGE.test(written.at(-1)?.slice(-1) ?? '');
      const gapped = parts.length > 1;
      this.keys.push({ key, entry, pattern: keyPattern(parts), kanaStart, kanaEnd, gapped });
    };
    thesaurus.ignore.forEach((w) => add(w, IGNORED));
    thesaurus.offTopic?.forEach((w) => add(w, OFF_TOPIC));
    thesaurus.entries.forEach((e, i) => e.from.forEach((w) => add(w, i)));
    this.keys.forEach((k, i) => {
      const start = k.key.slice(0, START);
      const list = this.byStart.get(start);
      if (list) list.push(i);
      else this.byStart.set(start, [i]);
    });
  }

  /** The keys whose start occurs in `folded`, in their order. */
  private candidates(folded: string): Key[] {
    const found = new Set<number>();
    for (let i = 0; i < folded.length; i++)
      for (let n = 1; n <= START; n++)
        for (const k of this.byStart.get(folded.slice(i, i + n)) ?? []) found.add(k);
    return [...found].sort((a, b) => a - b).flatMap((i) => this.keys[i] ?? []);
  }

  /**
   * Matches in `text` (normalised) that `accept` keeps, without those inside a longer match. Keys are
   * compared kana-folded; a key written in katakana does not match inside a longer katakana word of the
   * text (ポート ≠ サポート, ネット ≠ ネットワーク).
   */
  match(text: string, accept: (m: Match) => boolean = () => true): Match[] {
    return dropContained(this.occurrences(text).filter(accept));
  }

  /** Every occurrence of every key, contained ones included. */
  occurrences(text: string): Match[] {
    const folded = foldKana(text);
    const found: Match[] = [];
    for (const k of this.candidates(folded)) {
      if (!folded.includes(k.key)) continue;
      for (const m of folded.matchAll(k.pattern)) {
        const start = m.index;
        const end = start + m[0].length;
        if (k.kanaStart && KATAKANA_EDGE.test(text.slice(start - 1, start))) continue;
        if (k.kanaEnd && KATAKANA_EDGE.test(text.slice(end, end + 1))) continue;
        const spans = k.gapped ? m.indices?.slice(1).flatMap((s) => (s ? [s] : [])) : undefined;
        found.push({ start, end, entry: k.entry, key: k.key, ...(spans ? { spans } : {}) });
      }
    }
    return found;
  }
}

export const spansOf = (m: Match): [number, number][] => m.spans ?? [[m.start, m.end]];
const size = (m: Match): number => spansOf(m).reduce((s, [a, b]) => s + b - a, 0);

/** Drops a match whose every part lies inside a part of a longer match. */
export function dropContained(found: Match[]): Match[] {
  return found.filter(
    (m) =>
      !found.some(
        (o) =>
          o !== m &&
          size(o) > size(m) &&
          spansOf(m).every(([a, b]) => spansOf(o).some(([c, d]) => c <= a && d >= b)),
      ),
  );
}

/** English word forms: lower case, possessive dropped, a light suffix stemmer (laptops → laptop). */
export function englishWords(text: string): string[] {
  const s = text.normalize('NFKC').toLowerCase().replace(/[’‘`]/g, "'");
  return (s.match(/[a-z0-9]+(?:['.\-+][a-z0-9]+)*/g) ?? []).map((w) => w.replace(/'s$/, ''));
}

/** getting → get, stopped → stop (but installing → install, passed → pass). */
const undouble = (w: string): string => (/([b-df-hj-km-rtv-y])\1$/.test(w) ? w.slice(0, -1) : w);

export function stem(word: string): string {
  let w = word.replace(/[-.']/g, '');
  if (w.length > 4 && w.endsWith('ies')) w = `${w.slice(0, -3)}y`;
  else if (w.length > 4 && w.endsWith('sses')) w = w.slice(0, -2);
  else if (w.length > 2 && w.endsWith('s') && !/(ss|us|is)$/.test(w)) w = w.slice(0, -1);
  if (w.length > 5 && w.endsWith('ing')) w = undouble(w.slice(0, -3));
  else if (w.length > 4 && w.endsWith('ed')) w = undouble(w.slice(0, -2));
  // A final e goes too, so that erase, erased and erasing (reuse, reusing) meet.
  if (w.length > 3 && w.endsWith('e')) w = w.slice(0, -1);
  return w;
}

/** The stems of the words of some English phrases (a stop-word list, say). */
export function stemSet(phrases: string[]): Set<string> {
  return new Set(phrases.flatMap((w) => englishWords(w).map(stem)));
}

export interface EnglishMatch {
  start: number;
  end: number;
  entry: number;
}

export class GlossaryMatcher {
  private readonly byFirst = new Map<string, { stems: string[]; entry: number }[]>();
  readonly stopwords: Set<string>;
  readonly general: Set<string>;

  constructor(readonly glossary: Glossary) {
    this.stopwords = stemSet(glossary.stopwords);
    this.general = stemSet(glossary.general ?? []);
    const phrases = [
      ...glossary.entries.map((e, entry) => ({ en: e.en, entry })),
      { en: glossary.offTopic ?? [], entry: OFF_TOPIC },
    ];
    phrases.forEach((e) => {
      const entry = e.entry;
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
