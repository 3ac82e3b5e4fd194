/**
 * Text normalisation shared by the index, the query analyser and the thesaurus matcher, so that the same
 * word written differently (full/half width, case, ー, 々, okurigana) meets itself.
 */

const KANJI = /\p{Script=Han}/u;
const KATAKANA = /[\p{Script=Katakana}ー]/u;
const HIRAGANA = /\p{Script=Hiragana}/u;
/** Hiragana that are usually particles: never dropped between kanji (社外秘の資料 keeps の as a break). */
const PARTICLES = new Set([...'のをにはがでとへもやかよねな']);

/**
 * Words written with a kanji outside the jōyō list and also with kana for it (漏洩/漏えい, 改竄/改ざん):
 * the policy uses both, so one spelling is kept.
 */
const VARIANTS: [RegExp, string][] = [
  [/漏洩/g, '漏えい'],
  [/改竄/g, '改ざん'],
  [/毀損/g, 'き損'],
  // 〇〇社, ××さん: placeholders written with the ideographic zero or a cross are no word (as ○○ is not).
  [/[〇×✕]/g, '○'],
];

const ITERATION_MARK = /[々ゝゞヽヾ]/u;

/** NFKC, lower case, ヶ→か, kanji/kana variants, iteration marks (々ゝゞヽヾ) spelled out. */
export function normalizeBase(text: string): string {
  const s = VARIANTS.reduce(
    (t, [re, to]) => t.replace(re, to),
    text
      .normalize('NFKC')
      .toLowerCase()
      .replace(/[ヶヵ]/g, 'か'),
  );
  if (!ITERATION_MARK.test(s)) return s;
  let out = '';
  for (const ch of s) {
    const prev = out.at(-1) ?? '';
    if (ch === '々' || ch === 'ゝ' || ch === 'ヽ') out += prev;
    else if (ch === 'ゞ' || ch === 'ヾ') out += prev ? String.fromCharCode(prev.charCodeAt(0) + 1) : '';
    else out += ch;
  }
  return out;
}

/**
 * Drops the trailing ー of katakana words of four or more characters (サーバー→サーバ, ルーター→ルータ,
 * プリンター→プリンタ), the JIS Z 8301 convention, so both spellings meet.
 */
export function foldLongVowels(text: string): string {
  return text.replace(/[\p{Script=Katakana}ー]{4,}/gu, (run) =>
    run.endsWith('ー') ? run.slice(0, -1) : run,
  );
}

/** Punctuation and symbols become spaces; a hyphen inside a Latin word is dropped (wi-fi → wifi). */
export function stripPunctuation(text: string): string {
  return text
    .replace(/([a-z0-9])[-‐](?=[a-z0-9])/g, '$1')
    .replace(/[^\p{L}\p{N}ー]+/gu, ' ')
    .trim();
}

/** Full normalisation of a text before term extraction. */
export function normalize(text: string): string {
  return normalizeRest(normalizeBase(text));
}

/** The rest of normalize() after normalizeBase(): punctuation, long vowels. */
export function normalizeRest(base: string): string {
  return foldLongVowels(stripPunctuation(base));
}

/** Katakana → hiragana (for matching thesaurus keys whatever the script the user chose). */
export function foldKana(text: string): string {
  return text.replace(/[\u30a1-\u30f6]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0x60));
}

/**
 * Removes okurigana between kanji (持ち出し→持出し, 取り扱い→取扱い, 書き記す→書記す) so inflected and
 * abbreviated spellings share their kanji skeleton. Particles are kept as word breaks.
 */
export function dropOkurigana(text: string): string {
  const chars = [...text];
  let out = '';
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i] ?? '';
    if (
      charClass(c) === 'hiragana' &&
      !PARTICLES.has(c) &&
      charClass(chars[i - 1] ?? '') === 'kanji' &&
      charClass(chars[i + 1] ?? '') === 'kanji'
    )
      continue;
    out += c;
  }
  return out;
}

export type CharClass = 'kanji' | 'katakana' | 'hiragana' | 'latin' | 'other';

/** Classes of the characters seen so far: a lookup instead of up to four regular expressions a character. */
const classes = new Map<string, CharClass>();
/** Past this many distinct characters (text of every script) new ones are classified without being kept. */
const MAX_CLASSES = 20_000;

export function charClass(c: string): CharClass {
  let cls = classes.get(c);
  if (cls) return cls;
  if (KANJI.test(c)) cls = 'kanji';
  else if (KATAKANA.test(c)) cls = 'katakana';
  else if (HIRAGANA.test(c)) cls = 'hiragana';
  else if (/[a-z0-9]/.test(c)) cls = 'latin';
  else cls = 'other';
  if (classes.size < MAX_CLASSES) classes.set(c, cls);
  return cls;
}

/** True when the text is mostly Latin script (an English question), ignoring digits and symbols. */
export function isMostlyLatin(text: string): boolean {
  const s = text.normalize('NFKC');
  const latin = (s.match(/[A-Za-z]/g) ?? []).length;
  const cjk = (s.match(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/gu) ?? []).length;
  return latin > 0 && cjk * 3 < latin;
}
