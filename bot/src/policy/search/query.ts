import {
  entryConcept,
  known,
  latinConcepts,
  phrase,
  weightOf,
  type Concept,
  type QueryContext,
} from './concepts';
import type { Match } from './matcher';
import { isMostlyLatin, normalize } from './normalize';

export { queryContext, type Concept, type QueryContext } from './concepts';

export interface AnalyzedQuery {
  language: 'ja' | 'en';
  concepts: Concept[];
}

export const MAX_QUESTION_CHARS = 2000;
/** A blanked span (matched vocabulary): breaks runs, and marks the kanji next to it as a fragment. */
const GAP = '\u0000';
const PARTICLE_AFTER = /^[のをにはがでとへもや]/u;
/** A word of one kanji (話, 人) is ambiguous: it weighs half. A single Latin letter is ignored. */
const LONE_CHARACTER_FACTOR = 0.5;

/**
 * The content runs of a text: kanji/katakana runs and Latin words, each one concept. Okurigana between
 * two kanji is dropped only where the policy writes the joined form (持ち出す → 持出, not ひと通り終わった).
 * A lone kanji is kept only when it stands as a noun (鍵を, not 持たせ or the counter of 3社), and never
 * when it is a fragment left next to a matched vocabulary word (勤務中 → 中).
 */
function runConcepts(ctx: QueryContext, text: string): Concept[] {
  const runs: { run: string; start: number; end: number }[] = [];
  for (const m of text.matchAll(/\p{Script=Han}+|[\p{Script=Katakana}ー]+|[a-z0-9]+/gu)) {
    const prev = runs.at(-1);
    const gap = prev ? text.slice(prev.end, m.index) : '';
    const joined = prev ? `b:${prev.run.slice(-1)}${m[0].slice(0, 1)}` : '';
    if (
      prev &&
      /^\p{Script=Hiragana}$/u.test(gap) &&
      !PARTICLE_AFTER.test(gap) &&
      /\p{Script=Han}$/u.test(prev.run) &&
      /^\p{Script=Han}/u.test(m[0]) &&
      known(ctx, joined)
    ) {
      prev.run += m[0];
      prev.end = m.index + m[0].length;
    } else runs.push({ run: m[0], start: m.index, end: m.index + m[0].length });
  }
  const out: Concept[] = [];
  for (const { run, start, end } of runs) {
    if ([...run].length === 1 && /\p{Script=Han}/u.test(run)) {
      const before = text[start - 1] ?? ' ';
      const after = text.slice(end);
      if (before === GAP || /[0-9\p{Script=Katakana}ー]/u.test(before) || after.startsWith(GAP)) continue;
      if (/^[\p{Script=Katakana}ー]/u.test(after)) continue;
      if (!(after === '' || /^\s/.test(after) || PARTICLE_AFTER.test(after))) continue;
    }
    if (/^[a-z]$/.test(run)) continue;
    const p = phrase(run);
    const lone = [...run].length === 1 ? LONE_CHARACTER_FACTOR : 1;
    if (p.terms.length > 0) out.push({ alts: [p.terms], weight: lone * weightOf(ctx, p), source: run });
  }
  return out;
}

const HAN = /\p{Script=Han}/u;

/**
 * A kanji key inside a longer kanji compound the policy never writes is another word: 社用 in 社用車,
 * 携帯 in 携帯番号 are not the policy's 社用 or 携帯.
 */
function gluedIntoCompound(ctx: QueryContext, text: string, m: Match): boolean {
  const first = text.slice(m.start, m.start + 1);
  const last = text.slice(m.end - 1, m.end);
  const before = text.slice(m.start - 1, m.start);
  const after = text.slice(m.end, m.end + 1);
  const unknown = (a: string, b: string): boolean => !known(ctx, `b:${a}${b}`);
  return (
    (HAN.test(last) && HAN.test(after) && unknown(last, after)) ||
    (HAN.test(first) && HAN.test(before) && unknown(before, first))
  );
}

/** Japanese (or the Japanese part of a mixed question): thesaurus entries, then the remaining words. */
function analyzeJapanese(ctx: QueryContext, text: string): Concept[] {
  const normalized = normalize(text);
  const matches = ctx.thesaurus.match(normalized, (m) => !gluedIntoCompound(ctx, normalized, m));
  const concepts: Concept[] = [];
  const byEntry = new Map<number, Set<string>>();
  const residual = normalized.split('');
  for (const m of matches) {
    for (let i = m.start; i < m.end; i++) residual[i] = GAP;
    if (m.entry < 0) continue;
    const keys = byEntry.get(m.entry) ?? new Set<string>();
    keys.add(normalized.slice(m.start, m.end));
    byEntry.set(m.entry, keys);
  }
  for (const [entry, keys] of byEntry) {
    const own = [...keys].map(phrase);
    const alts = ctx.thesaurusAlts[entry] ?? [];
    const c = entryConcept(ctx, own, alts, [...keys].join('|'));
    if (c) concepts.push(c);
  }
  // English words inside a Japanese question (このファイルをshareしていい？) go through the glossary.
  const rest = residual.join('').replace(/[a-z][a-z0-9'+.-]*(?:\s+[a-z][a-z0-9'+.-]*)*/g, (words) => {
    concepts.push(...latinConcepts(ctx, words));
    return GAP;
  });
  concepts.push(...runConcepts(ctx, rest));
  return concepts;
}

function analyzeEnglish(ctx: QueryContext, text: string): Concept[] {
  const concepts = latinConcepts(ctx, text);
  const cjk = text.replace(/\p{ASCII}+/gu, ' ').trim();
  if (cjk) concepts.push(...analyzeJapanese(ctx, cjk));
  return concepts;
}

export function analyzeQuery(ctx: QueryContext, question: string): AnalyzedQuery {
  const text = question.slice(0, MAX_QUESTION_CHARS);
  if (isMostlyLatin(text)) return { language: 'en', concepts: analyzeEnglish(ctx, text) };
  return { language: 'ja', concepts: analyzeJapanese(ctx, text) };
}
